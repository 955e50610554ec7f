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


@pytest.fixture
def make_app(tmp_path):
    apps = []

    def make(story, size=(1280, 720), data="data"):
        app = App(story, size=size, data_dir=tmp_path / data, save_dir=tmp_path / data / "saves")
        apps.append(app)
        return app
    yield make
    pygame.quit()


def settle(app, frames: int = 3) -> None:
    for _ in range(frames):
        app.step(block=False)


def press(app, key: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    settle(app)


def click(app, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app)


def wheel(app, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False))
    settle(app)
