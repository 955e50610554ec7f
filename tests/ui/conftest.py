"""Headless window fixtures: an App on the dummy video driver, and helpers that post events."""

from __future__ import annotations

import pygame
import pytest

from game.engine import load_story
from game.ui.app import App
from tests.conftest import FIXTURES


@pytest.fixture
def staged():
    return load_story(FIXTURES / "stories" / "staged").story


class Clock:
    """A clock the test moves: a person presses keys about a second apart."""

    def __init__(self):
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def make_app(tmp_path):
    apps = []

    def make(story, size=(1280, 720), data="data"):
        app = App(story, size=size, data_dir=tmp_path / data, save_dir=tmp_path / data / "saves")
        app.now = Clock()
        apps.append(app)
        return app
    yield make
    pygame.quit()


def settle(app, frames: int = 3) -> None:
    for _ in range(frames):
        app.step(block=False)


def press(app, key: int, mod: int = 0) -> None:
    """A fresh press, a human moment after whatever came before."""
    app.now.advance(1.0)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    settle(app)


def hold(app, key: int, seconds: float) -> None:
    """Hold a key as pygame's key repeat (350 ms, then every 40 ms) delivers it, one frame
    per event, then let go."""
    def down():
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        app.step(block=False)
    app.now.advance(1.0)
    down()
    held = 0.35
    app.now.advance(0.35)
    while held <= seconds:
        down()
        app.now.advance(0.04)
        held += 0.04
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    settle(app)


def click(app, pos) -> None:
    app.now.advance(1.0)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app)


def wheel(app, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False))
    settle(app)
