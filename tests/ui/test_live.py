"""Live preview in the window, driven by posted key events: F5 reloads an edited copy of a story
and keeps the player where they were, a removed scene falls back, a broken story shows its
errors and keeps playing, --watch reloads on save, and the debug overlay (F3) jumps and sets."""

from __future__ import annotations

import shutil

import pygame
import pytest

from game.engine import load_story
from game.live import LiveStory
from game.ui.live import LiveTools
from tests.conftest import FIXTURES

from .conftest import press, settle


@pytest.fixture
def lane_copy(tmp_path):
    folder = tmp_path / "lane"
    shutil.copytree(FIXTURES / "stories" / "lane", folder)
    return folder


def edit(folder, old: str, new: str, name: str = "shop.yaml") -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def typing(app, words: str) -> None:
    """Keys pressed one after another, as a person types (letters like h and w have other
    meanings elsewhere, and still type here)."""
    for char in words:
        app.now.advance(0.15)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=ord(char), mod=0, unicode=char, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=ord(char), mod=0, unicode=char, scancode=0))
        settle(app, 1)


def live_app(make_app, folder, watch: bool = False, size=(1280, 720)):
    """The lane story in the window with the writer's tools, standing in 'printed'
    (installed: compliance 70, trust 45; continued)."""
    app = make_app(load_story(folder, "lane").story, size=size)
    tools = LiveTools.attach(app, LiveStory(folder, "lane", watch=watch))
    app.session.new_game(seed=1)
    app.session.choose(1)
    app.session.proceed()
    app.push("scene")
    settle(app)
    return app, tools


def shown_text(app) -> str:
    return " ".join(app.top.turn.paragraphs)


def test_f5_reloads_the_edited_story_in_the_same_scene_with_the_same_values(make_app, lane_copy):
    app, _ = live_app(make_app, lane_copy)
    assert app.session.runner.state.scene == "printed"
    edit(lane_copy, "in grey resin", "in white resin")
    press(app, pygame.K_F5)
    assert app.top.name == "scene"
    assert shown_text(app) == "Your own face, in white resin, on the shelf."
    assert app.top.text_done                            # the new text is shown at once
    state = app.session.runner.state
    assert (state.scene, state.variables["compliance"], state.variables["trust"]) == ("printed", 70, 45)
    assert app.story is app.session.runner.story and app.session.store.story is app.story
    assert app.toast_text.startswith("story reloaded in ")
    press(app, pygame.K_BACKSPACE)                      # undo still goes back through the history
    assert app.session.runner.state.scene == "installed"


def test_f5_with_the_current_scene_removed_falls_back_with_a_notice(make_app, lane_copy):
    app, _ = live_app(make_app, lane_copy)
    edit(lane_copy, "goto: printed\n", "goto: closed\n")
    text = (lane_copy / "shop.yaml").read_text(encoding="utf-8")
    (lane_copy / "shop.yaml").write_text(text[:text.index("  printed:\n")] + text[text.index("  worn:\n"):], encoding="utf-8")
    press(app, pygame.K_F5)
    assert app.session.runner.state.scene == "installed"
    assert app.session.runner.state.variables["has_mask"] is False    # as it was in 'installed'
    assert "scene 'printed' is gone; back to 'installed', the nearest earlier scene" in app.toast_text
    assert shown_text(app).startswith("The progress bar crawls to 70%.")


def test_a_broken_story_shows_its_errors_and_the_last_good_version_plays_on(make_app, lane_copy):
    app, tools = live_app(make_app, lane_copy)
    edit(lane_copy, "goto: worn", "goto: wron")
    edit(lane_copy, "start: shop", "start: shopp", name="story.yaml")
    press(app, pygame.K_F5)
    overlay = app.top
    assert overlay.name == "problems"
    places = [str(problem.place) for problem in overlay.problems]
    assert "lane/shop.yaml:35:15" in places
    assert "lane/story.yaml:2:8" in places
    assert overlay.heading == "The edited story has 2 errors"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "scene"
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)                              # "Wear it": the old story still knows 'worn'
    assert app.session.runner.state.scene == "worn"
    assert app.session.runner.turn.ending.id == "model_citizen"
    press(app, pygame.K_BACKSPACE)
    edit(lane_copy, "start: shopp", "start: shop", name="story.yaml")
    press(app, pygame.K_F5)                             # still one error: the overlay comes back
    assert app.top.name == "problems" and [str(p.place) for p in app.top.problems] == ["lane/shop.yaml:35:15"]
    edit(lane_copy, "goto: wron", "goto: worn")
    press(app, pygame.K_F5)                             # fixed: the overlay closes by itself
    assert app.top.name == "scene" and tools.last.ok


def test_watch_reloads_once_the_saved_file_has_settled(make_app, lane_copy):
    app, tools = live_app(make_app, lane_copy, watch=True)
    clock = [100.0]
    tools.live.clock, tools.live.next_poll = (lambda: clock[0]), 0.0
    edit(lane_copy, "in grey resin", "in dark blue resin")
    clock[0] += 1
    settle(app, 1)                                      # seen changed: wait, it may be half-written
    assert shown_text(app) == "Your own face, in grey resin, on the shelf."
    clock[0] += 1
    settle(app, 1)                                      # seen the same again: reload
    assert shown_text(app) == "Your own face, in dark blue resin, on the shelf."
    clock[0] += 1
    settle(app, 1)
    assert tools.last.ok and tools.live.pending is None


def test_without_debug_mode_f3_and_f5_do_nothing(make_app, lane_copy):
    app = make_app(load_story(lane_copy, "lane").story)
    app.push("scene")
    edit(lane_copy, "The firmware notice", "A firmware notice")
    press(app, pygame.K_F5)
    press(app, pygame.K_F3)
    assert app.top.name == "scene" and shown_text(app).startswith("The firmware notice")


def test_the_debug_overlay_jumps_to_a_filtered_scene(make_app, lane_copy):
    app, _ = live_app(make_app, lane_copy)
    press(app, pygame.K_F3)
    overlay = app.top
    assert overlay.name == "debug"
    assert overlay.scenes[overlay.panes[1].focus] == "printed"     # the focus starts where you are
    typing(app, "shw")
    assert overlay.scenes == []
    for _ in "shw":
        press(app, pygame.K_BACKSPACE)
    typing(app, "clo")
    assert overlay.scenes == ["closed"]
    press(app, pygame.K_RETURN)
    assert app.top.name == "scene"
    assert app.session.runner.state.scene == "closed"
    assert app.session.runner.state.variables["compliance"] == 70
    assert shown_text(app) == "{The shop} stays dark tonight."
    assert "Went to closed" in app.toast_text


def test_the_debug_overlay_sets_a_variable_and_refuses_a_bad_value(make_app, lane_copy):
    app, _ = live_app(make_app, lane_copy)
    press(app, pygame.K_F3)
    overlay = app.top
    typing(app, "compl")
    assert [row.name for row in overlay.variables] == ["compliance"]
    assert overlay.pane == 0                            # no scene matches: the variables have the focus
    press(app, pygame.K_RETURN)                         # edit: the field holds "70"
    assert overlay.editing == "70"
    press(app, pygame.K_BACKSPACE)
    press(app, pygame.K_BACKSPACE)
    typing(app, "lots")
    press(app, pygame.K_RETURN)
    assert overlay.message == "compliance holds a whole number, and 'lots' is not one" and overlay.message_is_error
    assert app.session.runner.state.variables["compliance"] == 70
    for _ in "lots":
        press(app, pygame.K_BACKSPACE)
    typing(app, "15")
    press(app, pygame.K_RETURN)
    assert app.session.runner.state.variables["compliance"] == 15
    assert overlay.editing is None and overlay.variables[0].value == "15"
    press(app, pygame.K_F3)
    assert app.top.name == "scene"
    assert app.top.turn.choices[0].text == "Wear it (15 compliance)"


def test_history_shows_scene_ids_in_debug_mode(make_app, lane_copy):
    app, _ = live_app(make_app, lane_copy)
    press(app, pygame.K_h)
    rows = [row.line.text for row in app.top.column.rows]
    assert [row for row in rows if row.startswith("[")] == ["[shop]", "[installed]", "[printed]"]


@pytest.mark.parametrize("size, text_size, theme", [((1024, 600), 4, "high_contrast"), ((1920, 1080), 4, "default")])
def test_the_overlays_fit_the_window(make_app, lane_copy, size, text_size, theme):
    app, _ = live_app(make_app, lane_copy, size=size)
    app.settings.text_size, app.settings.theme = text_size, theme
    app.apply_settings(save=False)
    press(app, pygame.K_F3)
    overlay = app.top
    inside = app.window.get_rect()
    assert inside.contains(overlay.box)
    for pane in overlay.panes:
        assert overlay.box.contains(pane.rect) and pane.visible >= 5
    assert overlay.panes[0].rect.right < overlay.panes[1].rect.x
    app.draw()


def test_play_scene_and_set_open_the_window_there_with_the_writer_tools(monkeypatch, tmp_path):
    from game import cli
    from game.ui.app import App

    seen = {}

    def run(app):
        seen.update(top=app.top.name, scene=app.session.runner.state.scene, trust=app.session.runner.state.variables["trust"],
                    live=app.live is not None)
        app.close()
        return 0
    monkeypatch.setattr("game.paths.has_display", lambda: True)
    monkeypatch.setattr(App, "run", run)
    code = cli.main(["play", str(FIXTURES / "stories" / "lane"), "--scene", "guo", "--set", "trust=12", "--save-dir", str(tmp_path)])
    assert code == 0
    assert seen == {"top": "scene", "scene": "guo", "trust": 22, "live": True}    # 12, then guo's own +10
