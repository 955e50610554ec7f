"""Where the game finds its bundled story and assets, and where it keeps per-user files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "face-value"
_HERE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """From a wheel the folder is inside the package; from a checkout it is beside it."""
    inside = _HERE / "_bundled" / name
    return inside if inside.is_dir() else _HERE.parent / name


def story_dir() -> Path:
    return _bundled("story")


def assets_dir() -> Path:
    return _bundled("assets")


def user_data_dir() -> Path:
    """Per-user data (saves, settings, the endings gallery). FACE_VALUE_DATA_DIR overrides it."""
    override = os.environ.get("FACE_VALUE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def save_dir(story_id: str, override: str | os.PathLike | None = None) -> Path:
    return Path(override) if override else user_data_dir() / "saves" / story_id


def has_display() -> bool:
    """Whether a window can open: a desktop OS, or X11/Wayland on other systems."""
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return False
    if os.name == "nt" or os.uname().sysname == "Darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
