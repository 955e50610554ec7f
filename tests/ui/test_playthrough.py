"""A whole game driven by posted pygame events: title, play, save, load, undo, settings, ending."""

from __future__ import annotations

import json

import pygame

from game.ui.screens.ending import EndingScreen
from game.ui.screens.error import ErrorScreen
from game.ui.screens.menu import PauseMenu
from game.ui.screens.scene import SceneScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.screens.slots import SlotsScreen
from game.ui.screens.title import TitleScreen
from game.engine import load_story

from .conftest import click, press, settle, wheel


def menu_pick(app, label: str) -> None:
    """Move the keyboard focus to a button by label and press Enter."""
    key = pygame.K_RIGHT if app.top.name == "ending" else pygame.K_DOWN  # the ending's buttons are a row
    for _ in range(len(app.top.list.buttons)):
        if app.top.list.buttons[app.top.list.focus].label == label:
            break
        press(app, key)
    assert app.top.list.buttons[app.top.list.focus].label == label
    press(app, pygame.K_RETURN)


def finish_text(app) -> None:
    """Space shows the rest of a typewriter reveal (which real frames may have finished)."""
    if not app.top.text_done:
        press(app, pygame.K_SPACE)
    assert app.top.text_done


def test_keyboard_playthrough_with_save_load_undo_and_settings(make_app, staged, tmp_path):
    app = make_app(staged)
    app.push(TitleScreen(app))
    settle(app)
    menu_pick(app, "New game")
    assert app.top.name == "chapter_card" and app.top.chapter.title == "Morning"
    press(app, pygame.K_SPACE)                     # skip the chapter's title card
    assert isinstance(app.top, SceneScreen)
    assert app.top.turn.scene.id == "shop"
    press(app, pygame.K_SPACE)                     # finish the typewriter
    assert app.top.text_done
    press(app, pygame.K_1)                         # "Obey twice over"
    assert app.session.runner.state.scene == "zhou_visit"
    assert app.session.runner.state.variables["compliance"] == 100
    assert json.loads((tmp_path / "data" / "saves" / "autosave.json").read_text())["state"]["scene"] == "zhou_visit"

    press(app, pygame.K_ESCAPE)                    # the in-game menu
    assert isinstance(app.top, PauseMenu)
    menu_pick(app, "Save")
    assert isinstance(app.top, SlotsScreen)
    press(app, pygame.K_RETURN)                    # slot 1
    saved = tmp_path / "data" / "saves" / "1.json"
    assert json.loads(saved.read_text())["info"]["scene_title"] == "Zhou visit"
    assert (tmp_path / "data" / "saves" / "1.png").read_bytes()[:4] == b"\x89PNG"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, SceneScreen)

    press(app, pygame.K_BACKSPACE)                 # undo back to the shop
    assert app.session.runner.state.scene == "shop"
    assert app.session.runner.state.variables["compliance"] == 50

    press(app, pygame.K_ESCAPE)
    menu_pick(app, "Load")
    press(app, pygame.K_1)                         # load slot 1
    assert isinstance(app.top, SceneScreen)
    assert app.session.runner.state.scene == "zhou_visit"

    press(app, pygame.K_ESCAPE)
    menu_pick(app, "Settings")
    assert isinstance(app.top, SettingsScreen)
    press(app, pygame.K_DOWN)                      # Text size
    press(app, pygame.K_RIGHT)
    assert app.settings.text_size == 3
    assert json.loads((tmp_path / "data" / "settings.json").read_text())["text_size"] == 3
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)

    finish_text(app)
    press(app, pygame.K_RETURN)                    # Continue to the street: an ending
    assert app.top.name == "chapter_card" and app.top.chapter.title == "Night"
    press(app, pygame.K_SPACE)
    assert app.top.turn.ending.id == "night"
    finish_text(app)
    press(app, pygame.K_RETURN)                    # "The end – see how it went"
    assert isinstance(app.top, EndingScreen)
    assert app.top.new is True
    gallery = json.loads((tmp_path / "data" / "gallery-staged.json").read_text())
    assert gallery["endings"]["night"]["times"] == 1
    menu_pick(app, "Back to the title")
    assert isinstance(app.top, TitleScreen) and len(app.stack) == 1
    assert app.running


def test_mouse_only_playthrough(make_app, staged):
    app = make_app(staged)
    app.push(TitleScreen(app))
    settle(app)
    click(app, app.top.list.buttons[1].rect.center)      # New game
    click(app, (10, 10))                                # a click skips the chapter card
    scene = app.top
    click(app, scene.current.lines[0].rect.center)               # finish the reveal
    click(app, scene.current.choices[1].rect.center)    # "Go out"
    assert app.session.runner.state.scene == "street"
    click(app, (10, 10))                                # chapter 2's card
    wheel(app, 1)                                       # wheel up undoes
    assert app.session.runner.state.scene == "shop"
    click(app, scene.current.lines[0].rect.center)
    click(app, scene.current.choices[1].rect.center)
    click(app, (10, 10))
    click(app, scene.current.lines[0].rect.center)
    click(app, scene.current.choices[0].rect.center)    # the end
    assert isinstance(app.top, EndingScreen)


def test_settings_and_gallery_persist_across_restarts(make_app, staged):
    first = make_app(staged)
    first.settings.theme = "high_contrast"
    first.settings.reduced_motion = True
    first.apply_settings()
    first.session.new_game()
    first.session.choose(2)
    first.push(SceneScreen(first))
    assert first.session.gallery.has("night")
    second = make_app(staged)
    assert second.settings.theme == "high_contrast" and second.settings.reduced_motion
    assert second.session.gallery.has("night")


def test_a_corrupt_settings_file_is_kept_aside_and_defaults_used(make_app, staged, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text("{broken")
    app = make_app(staged)
    assert app.settings.theme == "default"
    assert (tmp_path / "data" / "settings.unreadable.json").read_text() == "{broken"
    assert "could not be read" in app.toast_text


def test_reduced_motion_shows_text_at_once(make_app, staged):
    app = make_app(staged)
    app.settings.reduced_motion = True
    app.session.new_game()
    app.push(SceneScreen(app))
    assert app.top.text_done and not app.top.animating


def test_idle_title_does_not_animate(make_app, staged):
    app = make_app(staged)
    app.push(TitleScreen(app))
    settle(app)
    app.toast_text = ""
    assert not app.animating()


def test_a_runtime_story_error_shows_the_error_panel_and_the_window_stays(make_app, make_story):
    folder = make_story("""
        scenes:
          start:
            text: Rain.
            choices:
              - {text: Divide, goto: broken, set: {trust: trust - 50}}
              - {text: Leave, goto: end}
          broken:
            text: Broken.
            set: {score: 10 // trust}
            goto: start
          end:
            text: End.
            ending: {id: a, title: A}
        """)
    story = load_story(folder).story
    app = make_app(story)
    app.session.new_game()
    app.push(SceneScreen(app))
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)
    assert isinstance(app.top, ErrorScreen)
    assert "scenes.yaml" in app.top.heading and "division by zero" in app.top.details[0]
    assert app.running
    press(app, pygame.K_ESCAPE)                 # back to the game, nothing changed
    assert isinstance(app.top, SceneScreen) and app.session.runner.state.scene == "start"
    finish_text(app)
    press(app, pygame.K_2)
    assert app.session.runner.turn.ending.id == "a"


def test_fullscreen_toggles_with_f11_and_alt_enter(make_app, staged):
    app = make_app(staged)
    app.push(TitleScreen(app))
    press(app, pygame.K_F11)
    assert app.settings.fullscreen
    press(app, pygame.K_RETURN, pygame.KMOD_ALT)
    assert not app.settings.fullscreen


def test_window_resize_reflows_the_scene(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.push(SceneScreen(app))
    wide = app.top.layout.panel.width
    app.window = pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 600), w=1024, h=600))
    settle(app)
    assert app.top.layout.size == (1024, 600)
    assert app.top.layout.panel.width < wide and app.top.layout.panel.right <= 1024
