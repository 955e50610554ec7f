"""Writer tools behind the `face-value` commands (new, stats, explore, graph, the schema generator): bodies apart from game/cli.py."""
