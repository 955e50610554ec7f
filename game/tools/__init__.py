"""Writer tools behind the `face-value` commands (explore, graph): bodies apart from game/cli.py."""
