"""Writer tools behind the `face-value` commands: new, stats, and the schema generator."""
