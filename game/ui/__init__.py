"""The pygame front end: a stack of screens over the same Runner the terminal player uses."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout for the game's own output
os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "face-value")  # the window's class, not "__main__.py"
