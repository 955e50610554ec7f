"""Tools behind the `face-value` commands for writers (new, stats, explore, graph, the schema generator) and for the people around the game (the class report): bodies apart from game/commands.py."""
