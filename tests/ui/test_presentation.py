"""Chapter title cards, the cross-fade between backgrounds, and the endings' pictures."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine import load_story
from game.ui.ending_art import ending_line, ending_picture
from game.ui.screens.chapter_card import CARD_SECONDS
from game.ui.screens.scene import CROSS_FADE_SECONDS

from .conftest import hold, press, settle

ROOT = Path(__file__).resolve().parents[2]


def start(app):
    app.push("title")
    settle(app)
    app.top.new_game()
    settle(app)


def test_a_new_game_opens_on_its_chapter_card_and_a_fresh_press_skips_it(make_app, staged):
    app = make_app(staged)
    start(app)
    assert app.top.name == "chapter_card" and app.top.chapter.number == 1
    assert app.find("scene").revealed == 0          # the text waits under the card
    press(app, pygame.K_SPACE)
    assert app.top.name == "scene" and not app.session.runner.state.history


def test_a_held_key_does_not_skip_the_card_but_time_does(make_app, staged):
    app = make_app(staged)
    start(app)
    hold(app, pygame.K_SPACE, 0.3)                  # 1 s after the first press, then repeats
    assert app.top.name == "scene"                  # the first down was fresh: it skipped the card
    app = make_app(staged)
    start(app)
    keys = app.keys
    keys.down(pygame.K_SPACE)                       # Space already held when the card came up
    app.now.advance(0.1)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode="", scancode=0))
    settle(app)
    assert app.top.name == "chapter_card"
    app.now.advance(CARD_SECONDS)
    settle(app)
    assert app.top.name == "scene" and not app.session.runner.state.history


def test_moving_into_a_new_chapter_shows_its_card(make_app, staged):
    app = make_app(staged)
    start(app)
    press(app, pygame.K_SPACE)
    app.top.reveal_all()
    press(app, pygame.K_2)                          # "Go out": the street is chapter 2
    assert app.top.name == "chapter_card" and app.top.chapter.title == "Night"


def test_the_card_fades_unless_motion_is_reduced(make_app, staged):
    app = make_app(staged)
    start(app)
    assert app.top.opacity() < 255
    app.now.advance(CARD_SECONDS / 2)
    assert app.top.opacity() == 255
    app.settings.reduced_motion = True
    app.top.born = app.now()
    assert app.top.opacity() == 255


def test_a_new_background_fades_in_over_the_old(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.push("scene")
    settle(app)
    scene = app.top
    scene.reveal_all()
    press(app, pygame.K_2)                          # shop to street
    assert scene.fade_from is not None and scene.animating is False  # the card is on top
    app.pop()
    assert scene.fade_from is not None and scene.animating
    app.now.advance(CROSS_FADE_SECONDS)
    settle(app)
    assert scene.fade_from is None


def test_with_reduced_motion_the_background_changes_at_once(make_app, staged):
    app = make_app(staged)
    app.settings.reduced_motion = True
    app.session.new_game()
    app.push("scene")
    settle(app)
    press(app, pygame.K_2)
    assert app.find("scene").fade_from is None


def test_every_ending_of_the_game_has_a_picture_and_a_line():
    story = load_story(ROOT / "story").story
    for ending in story.endings:
        picture = ending_picture(story, ending)
        assert picture is not None and picture.is_file(), ending
        line = ending_line(story, ending)
        assert line and "{" not in line and line[-1] in ".!?\u201d\"'", (ending, line)


def test_the_gallery_shows_a_found_endings_picture_and_hides_a_lost_one(make_app, staged):
    app = make_app(staged)
    app.session.gallery.record("night", "Night", playthrough=1)
    app.push("gallery")
    settle(app)
    drawn = []
    real = app.images.cover
    app.images.cover = lambda path, size: drawn.append(Path(path).name) or real(path, size)
    app.draw()
    assert drawn == ["street.png"]                  # the one found ending, on its own background


def test_the_ending_screen_is_drawn_over_the_endings_picture(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.session.choose(2)
    app.push("scene")
    app.push("ending")
    drawn = []
    real = app.images.cover
    app.images.cover = lambda path, size: drawn.append(Path(path).name) or real(path, size)
    app.draw()
    assert drawn == ["street.png"]
