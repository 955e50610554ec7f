"""Face Value: an interactive-fiction game on a YAML story engine."""

__version__ = "0.1.0"
