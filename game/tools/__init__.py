"""Tools behind the `face-value` commands for writers (explore, graph) and for the people around the game (the class report): bodies apart from game/cli.py."""
