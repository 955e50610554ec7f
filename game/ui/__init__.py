"""The pygame front end: a stack of screens over the same Runner the terminal player uses."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout for the game's own output
