"""`face-value shot`: render a scene (or another screen) headless into a PNG, as a player sees it."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from ..engine import Story
from ..engine.atomic import write_atomic
from .settings import Settings

SCREENS = ("scene", "title", "menu", "save", "load", "history", "settings", "chapters", "endings", "ending")
# what `--screen` names, as the App's screen name and its options, drawn over the scene
OVER_THE_SCENE = {
    "menu": ("pause", {}), "history": ("history", {}), "settings": ("settings", {}), "chapters": ("chapters", {}),
    "endings": ("gallery", {}), "ending": ("ending", {}), "save": ("slots", {"saving": True}), "load": ("slots", {"saving": False}),
}


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"'{text}' is not a size like 1280x720") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise ValueError(f"{text} is outside 320x240 .. 7680x4320")
    return width, height


def parse_settings(pairs: list[str]) -> Settings:
    settings = Settings()
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise ValueError(f"--settings needs key=value, not '{pair}'")
        settings.set_from_text(key, raw)
    return settings


def check_out(out: Path) -> None:
    """ValueError unless `out` can be a new PNG: its folder exists, and it is not a folder, a
    device or a FIFO (writing replaces a file; it never writes into /dev/full or /dev/stdout)."""
    if out.is_dir():
        raise ValueError(f"cannot write {out}: it is a folder; give a file name like {out / 'shot.png'}")
    if os.path.lexists(out) and out.exists() and not out.is_file():
        raise ValueError(f"cannot write {out}: it is not a regular file (a device or a FIFO); give a path for a PNG file")
    if not out.parent.is_dir():
        raise ValueError(f"cannot write {out}: no folder {out.parent}")


def render_shot(story: Story, out: Path, *, scene: str | None, size: tuple[int, int], values: dict, settings: Settings,
                screen: str = "scene", state=None) -> Path:
    """Draw one frame headless and save it as PNG."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from .app import App

    settings.fullscreen = False
    with tempfile.TemporaryDirectory() as scratch:
        app = App(story, size=size, settings=settings, data_dir=Path(scratch), save_dir=Path(scratch) / "saves")
        if state is not None:
            app.session.runner.restore(state)
        else:
            app.session.runner.restart(seed=1, scene=scene, values=values)
        if screen == "title":
            app.push("title")
        else:
            app.push("scene")
            app.top.revealed = float(app.top.current.chars)
            name, options = OVER_THE_SCENE.get(screen, (None, {}))
            if name:
                app.push(name, **options)
        app.draw()
        encoded = io.BytesIO()
        pygame.image.save(app.window, encoded, "shot.png")
        pygame.quit()
    write_atomic(out, encoded.getvalue())  # an OSError (disk full, /proc) reaches the caller: never a false "written"
    return out
