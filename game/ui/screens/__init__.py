"""The screens of the game, each a state on the App's stack."""
