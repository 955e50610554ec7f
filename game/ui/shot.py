"""`face-value shot`: render a scene (or another screen) headless into a PNG, as a player sees it."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from ..engine import Story
from ..engine.atomic import write_atomic
from .settings import Settings

CLASSROOM = ("classroom", "discussion", "vote", "chapter_end", "roads", "think_note")
SCREENS = ("scene", "title", "menu", "save", "load", "history", "settings", "chapters", "endings", "ending", "help", "inspect", *CLASSROOM)
# what `--screen` names, as the App's screen name and its options, drawn over the scene
OVER_THE_SCENE = {
    "menu": ("pause", {}), "history": ("history", {}), "settings": ("settings", {}), "chapters": ("chapters", {}),
    "endings": ("gallery", {}), "ending": ("ending", {}), "save": ("slots", {"saving": True}), "load": ("slots", {"saving": False}),
    "help": ("help", {}),
}
# what the scene must hold for a screen that shows part of it
NEEDS = {
    "discussion": ("discuss", "a 'discuss:' prompt"), "think_note": ("discuss", "a 'discuss:' prompt"),
    "vote": ("choices", "choices"), "inspect": ("inspect", "an 'inspect:' key"),
}


class ShotError(ValueError):
    """The screen cannot be drawn from this scene (it has no prompt, no choices, ...)."""


def check_scene_for(screen: str, turn, scene_id: str, story) -> None:
    """A one-line reason when `screen` needs something the scene does not have, with a scene that has it."""
    if screen not in NEEDS:
        return
    key, what = NEEDS[screen]
    if getattr(turn, key):
        return
    has = next((s.id for s in story.scenes.values() if _has(s, key)), None)
    example = f" (for example --scene {has})" if has else " (no scene of this story has one)"
    raise ShotError(f"--screen {screen} needs a scene with {what}; scene '{scene_id}' has none{example}")


def _has(scene, key: str) -> bool:
    return bool(getattr(scene, "discuss" if key == "discuss" else key, None))


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


def push_over_the_scene(app, screen: str) -> None:
    """The screens that belong to a moment of play: the inspection, and classroom mode's (a
    lesson is set up on the session as it stands, so its path so far is the class's)."""
    turn = app.session.runner.turn
    if screen == "inspect":
        app.push("inspect", inspection=turn.inspect)
        return
    if screen == "think_note":
        app.push("think_note", prompts=turn.discuss)
        return
    from ..classroom.lesson import Lesson

    lesson = Lesson(app.session.runner, app.session.recorder, turn.scene.chapter)
    app.session.lesson = lesson
    options = {"selected": 0} if screen == "vote" else {}
    app.push(screen, lesson=lesson, **options)


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
        try:
            draw_screen(app, story, screen, scene=scene, values=values, state=state)
            encoded = io.BytesIO()
            pygame.image.save(app.window, encoded, "shot.png")
        finally:
            pygame.quit()
    write_atomic(out, encoded.getvalue())  # an OSError (disk full, /proc) reaches the caller: never a false "written"
    return out


def draw_screen(app, story: Story, screen: str, *, scene: str | None, values: dict, state) -> None:
    """Put the App where `screen` is seen (from a save's state, or a scene with values), and draw."""
    if state is not None:
        app.session.runner.restore(state)
    else:
        app.session.runner.restart(seed=1, scene=scene, values=values)
    if screen in ("title", "classroom"):
        app.push("title")
        if screen == "classroom":
            app.push("classroom")
    else:
        check_scene_for(screen, app.session.runner.turn, app.session.runner.state.scene, story)
        app.push("scene")
        app.top.revealed = float(app.top.current.chars)
        name, options = OVER_THE_SCENE.get(screen, (None, {}))
        if name:
            app.push(name, **options)
        elif screen != "scene":
            push_over_the_scene(app, screen)
    app.draw()
