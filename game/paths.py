"""Where the game finds its bundled story and assets, and where it keeps per-user files."""

from __future__ import annotations

import functools
import os
import sys
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


def compiled_dir() -> Path:
    """Compiled stories (a cache: deleting it only makes the next start slower).
    FACE_VALUE_CACHE_DIR overrides it; with only FACE_VALUE_DATA_DIR set it is inside that."""
    override = os.environ.get("FACE_VALUE_CACHE_DIR")
    if override:
        return Path(override)
    if os.environ.get("FACE_VALUE_DATA_DIR"):
        return user_data_dir() / "cache" / "compiled"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "compiled"


def save_dir(story_id: str, override: str | os.PathLike | None = None) -> Path:
    return Path(override) if override else user_data_dir() / "saves" / story_id


def has_display() -> bool:
    """Whether a window can open: a desktop OS, or an X11/Wayland server that answers. A
    DISPLAY left over from a closed session (no server behind it) counts as no display: SDL
    would otherwise fall back to an invisible offscreen window and the game would seem to hang."""
    driver = os.environ.get("SDL_VIDEODRIVER", "")
    if driver in ("dummy", "offscreen"):
        return False
    if os.name == "nt" or sys.platform == "darwin":
        return True
    if driver not in ("", "x11", "wayland"):
        return True  # the player chose another video driver (kmsdrm...): trust them
    wayland = os.environ.get("WAYLAND_DISPLAY", "")
    if wayland and driver != "x11" and _wayland_answers(wayland, os.environ.get("XDG_RUNTIME_DIR", "")):
        return True
    display = os.environ.get("DISPLAY", "")
    return bool(display) and driver != "wayland" and _x_answers(display)


PROBE_SECONDS = 0.5


@functools.lru_cache(maxsize=8)
def _x_answers(display: str) -> bool:
    """Whether something listens where DISPLAY (`[host]:N[.S]`) points: the socket
    /tmp/.X11-unix/XN (or its abstract twin) for a local display, TCP port 6000+N for a host."""
    host, sep, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not sep or not number.isdigit() or len(number) > 5:
        return False
    host = host.removeprefix("unix/").removeprefix("tcp/")
    if host.startswith("/"):
        return _connects("unix", display)  # a socket path (XQuartz's launchd form)
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return _connects("unix", path) or (sys.platform.startswith("linux") and _connects("unix", "\0" + path))
    return _connects("inet6" if ":" in host else "inet", (host.strip("[]"), 6000 + int(number)))


@functools.lru_cache(maxsize=8)
def _wayland_answers(name: str, runtime_dir: str) -> bool:
    path = name if name.startswith("/") else os.path.join(runtime_dir, name) if runtime_dir else ""
    return bool(path) and _connects("unix", path)


def _connects(family: str, address) -> bool:
    """One connection attempt with a short timeout, closed at once (nothing is sent)."""
    import socket  # here, not at the top: `face-value --help` must not pay for it

    try:
        with socket.socket({"unix": socket.AF_UNIX, "inet": socket.AF_INET, "inet6": socket.AF_INET6}[family], socket.SOCK_STREAM) as probe:
            probe.settimeout(PROBE_SECONDS)
            probe.connect(address)
        return True
    except (OSError, ValueError, OverflowError):
        return False
