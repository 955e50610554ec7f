"""The inspection screen for every player: solved with the keyboard alone, in high contrast, at
the largest text in OpenDyslexic, with self-voicing saying where the frame is and what lies
under it. Driven by posted events, at the smallest and a projector-sized window."""

from __future__ import annotations

import threading

import pygame
import pytest

from game.engine import load_story
from game.ui.theme import contrast
from game.ui.voice import Voice
from tests.conftest import FIXTURES
from tests.mask.test_inspection import corner
from tests.ui.conftest import make_app, press, settle  # noqa: F401 - the window fixture

SIZES = ((1024, 600), (1920, 1080))


class Recorder:
    name = "recorder"

    def __init__(self):
        self.heard: list[str] = []

    def speak(self, words: str, stop: threading.Event) -> None:
        self.heard.append(words)


@pytest.fixture(scope="module")
def story():
    return load_story(FIXTURES / "stories" / "inspect").story


def open_loupe(make_app, story, size, voice=None):  # noqa: F811
    app = make_app(story, size=size, data=f"d{size[0]}")
    app.settings.theme, app.settings.text_size, app.settings.font = "high_contrast", 4, "dyslexic"
    if voice is not None:
        app.voice, app.settings.self_voicing = Voice(voice), True
    app.apply_settings(save=False)
    app.session.new_game(seed=1)
    app.push("scene")
    settle(app)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)
    assert app.top.name == "inspect"
    return app, app.top


def said(app, engine, key) -> str:
    app.voice.idle(5)
    before = len(engine.heard)
    press(app, key)
    app.voice.idle(5)
    return " ".join(engine.heard[before:])


@pytest.mark.parametrize("size", SIZES)
def test_found_by_ear_with_the_keyboard_alone(make_app, story, size):  # noqa: F811
    engine = Recorder()
    app, screen = open_loupe(make_app, story, size, engine)
    app.voice.idle(5)
    first = " ".join(engine.heard)
    assert "Your mask, under the loupe" in first and "Arrows move the frame" in first
    row, col = corner(screen.puzzle)
    words = said(app, engine, pygame.K_DOWN)
    assert words.startswith("Blue light off. Frame at row")
    keys = [(pygame.K_UP, lambda: screen.puzzle.frame[0] > row), (pygame.K_DOWN, lambda: screen.puzzle.frame[0] < row),
            (pygame.K_LEFT, lambda: screen.puzzle.frame[1] > col), (pygame.K_RIGHT, lambda: screen.puzzle.frame[1] < col)]
    for key, further in keys:
        while further():
            words = said(app, engine, key)
    assert words == f"Blue light off. Frame at row {row}, column {col}: top row 13 of 13 dots, left column 13 of 13."
    assert said(app, engine, pygame.K_1).startswith("Blue light on.")
    words = said(app, engine, pygame.K_RETURN)
    assert "Printer P-0004217. Date 2021-03-14. Time 21:40. Enter: continue." in words
    press(app, pygame.K_RETURN)
    assert app.top.name == "scene" and app.session.runner.state.variables["code_printer"] == "P-0004217"


@pytest.mark.parametrize("size", SIZES)
def test_high_contrast_keeps_everything_inside_the_panel_and_edges_the_marks(make_app, story, size):  # noqa: F811
    app, screen = open_loupe(make_app, story, size)
    press(app, pygame.K_1)  # blue light: the print at its lightest
    app.draw()
    inner = screen.box.inflate(-2, -2)
    assert inner.contains(screen.right) and inner.contains(screen.loupe_rect) and inner.contains(screen.print_rect)
    for button in screen.buttons.buttons:
        ring = button.rect.inflate(app.theme.focus_width * 2 + 2, app.theme.focus_width * 2 + 2)
        assert screen.box.contains(ring), f"{button.label} runs off the panel at {size}"
    cell = screen.loupe_rect.width / 13
    stroke = max(2, app.px(2))
    for (r, c) in screen.marks:
        x = screen.loupe_rect.x + round((c + 0.5) * cell) + max(4, round(cell * 0.45)) + stroke
        y = screen.loupe_rect.y + round((r + 0.5) * cell)
        ring, edge = app.window.get_at((x - stroke - 1, y))[:3], app.window.get_at((x, y))[:3]
        assert contrast(ring, edge) >= 3.0, f"the ring at {r},{c} does not stand out from its edge"
        assert contrast(edge, tuple(screen.image(True).get_at((0, 0)))[:3]) >= 3.0  # nor the edge from the lit print
