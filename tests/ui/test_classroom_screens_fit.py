"""Classroom screens at projector settings (largest text, OpenDyslexic, high contrast) and on a
small window: no label runs past its button, no line of help is cut short, nothing of the
scene shows through a note, and what does not fit the chapter's end goes on to a next page."""

from __future__ import annotations

import pygame
import pytest

from game.classroom.lesson import Lesson
from game.ui.classroom_draw import wrap
from tests.support.sessions import lesson_story

from .conftest import press, settle

SIZES = ((1024, 600), (1920, 1080))


def projector_app(make_app, size, data):
    app = make_app(lesson_story(), size=size, data=data)
    app.settings.theme, app.settings.text_size, app.settings.font = "high_contrast", 4, "dyslexic"
    app.apply_settings(save=False)
    app.session.new_game(seed=1)
    app.push("scene")
    settle(app)
    return app


def lesson_on(app):
    lesson = Lesson(app.session.runner, app.session.recorder, app.session.runner.turn.scene.chapter)
    app.session.lesson = lesson
    return lesson


@pytest.mark.parametrize("size", SIZES)
def test_discussion_buttons_hold_their_labels(make_app, size):
    app = projector_app(make_app, size, f"d{size[0]}")
    app.push("discussion", lesson=lesson_on(app))
    font = app.font(24)
    for button in app.top.list.buttons:
        assert font.size(button.label)[0] + 2 * max(8, button.rect.height // 4) <= button.rect.width, button.label
        assert app.top.box.contains(button.rect)


@pytest.mark.parametrize("size", SIZES)
def test_the_vote_keeps_its_status_and_keys_whole(make_app, size):
    from game.ui.screens.vote import KEYS

    app = projector_app(make_app, size, f"v{size[0]}")
    app.push("vote", lesson=lesson_on(app), selected=0)
    screen, small = app.top, app.font(22)
    width = screen.box.width - app.px(60)
    assert len(wrap(KEYS, small, width)) <= screen.keys_lines
    for _ in range(3):
        press(app, pygame.K_1)
    assert len(wrap(screen.status(), small, width)) <= screen.status_lines
    assert screen.chart.bottom <= screen.box.bottom - (screen.status_lines + screen.keys_lines) * small.get_linesize()


def test_the_classroom_note_is_never_cut(make_app):
    from game.ui.screens.classroom import NOTE

    app = projector_app(make_app, (1920, 1080), "c")
    app.push("classroom")
    assert app.top.note_lines == len(wrap(NOTE, app.font(20), app.top.box.width - app.px(48)))


def test_a_think_note_hides_the_scene_text_under_it(make_app):
    app = projector_app(make_app, (1024, 600), "t")
    app.push("think_note", prompts=("Who is the register for?",))
    app.draw()
    inside = app.top.box.inflate(-8, -8)
    colours = {tuple(app.window.get_at((x, inside.bottom - 2)))[:3] for x in range(inside.x, inside.centerx, 3)}
    assert colours == {tuple(app.theme.panel)}  # under the prompts, left of the hint: the panel alone


def test_the_chapter_end_pages_what_does_not_fit(make_app):
    app = projector_app(make_app, (1024, 600), "e")
    lesson = lesson_on(app)
    for _ in range(6):
        turn = app.session.runner.turn
        if turn.choices:
            lesson.choose(1)
        elif not lesson.finished:
            lesson.proceed()
    app.push("chapter_end", lesson=lesson)
    screen = app.top
    shown = [i for first, last in screen.choice_pages for i in range(first, last)]
    assert shown == list(range(len(screen.summary.choices)))  # every choice on some page, once
    press(app, pygame.K_PAGEDOWN)
    assert screen.page == min(1, screen.pages - 1)


def test_pages_fill_up_and_the_first_page_may_be_shorter():
    from game.ui.screens.chapter_end import paged

    # five two-line items of 10 px lines and 2 px gaps (22 px each): 50 px on the first page, 70 after
    assert paged([2] * 5, 10, 2, 70, 50) == [(0, 2), (2, 5)]
    assert paged([2] * 2, 10, 2, 70) == [(0, 2)]
    assert paged([9, 1], 10, 2, 50) == [(0, 1), (1, 2)]  # an item taller than a page stands alone
