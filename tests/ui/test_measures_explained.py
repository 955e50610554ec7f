"""Each measure's meaning (the story's `measures:` descriptions) in the window: Tab steps through
the bars, the mouse over a bar shows it too, and the help page lists them with their values."""

from __future__ import annotations

import pygame

from .conftest import press, settle


def new_game(app):
    app.session.new_game()
    app.push("scene")
    settle(app)
    return app.top


def test_tab_steps_through_the_measures_and_shows_what_each_means(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    press(app, pygame.K_TAB)
    assert scene.measure_focus == 0
    press(app, pygame.K_TAB)
    assert scene.measure_focus == 1 and scene.spoken()[1] == "Trust: 50 of 100. What the lane thinks."
    before = app.window.copy()
    press(app, pygame.K_TAB)                  # past the last: none
    assert scene.measure_focus is None
    app.draw()
    card = pygame.Rect(scene.layout.measures.x, scene.layout.measures.bottom + 12, scene.layout.measures.width, 40)
    assert any(before.get_at((x, y)) != app.window.get_at((x, y)) for x in range(card.x, card.right, 4) for y in range(card.y, card.bottom, 4))


def test_pointing_at_a_measure_bar_shows_its_meaning_and_pointing_away_hides_it(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    row = scene.measure_rows()[1]
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=row.center, rel=(0, 0), buttons=(0, 0, 0)))
    settle(app)
    assert scene.measure_focus == 1
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=scene.layout.panel.center, rel=(0, 0), buttons=(0, 0, 0)))
    settle(app)
    assert scene.measure_focus is None


def test_the_help_page_lists_every_measure_with_its_meaning_and_value(make_app, staged):
    app = make_app(staged)
    new_game(app)
    press(app, pygame.K_F1)
    assert app.top.name == "help"
    shown = [row.line.text for row in app.top.column.rows]
    assert any("Trust (0 to 100, now 50): What the lane thinks." in line for line in shown)
    assert any(line.startswith("F1: this help") for line in shown) and any(line.startswith("V: self-voicing") for line in shown)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "scene"
