"""Tools for the people around the game: the class report built from session files."""
