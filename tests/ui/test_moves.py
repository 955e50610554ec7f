"""No move the player did not press for, and every measure change shown as it happens.
Driven by posted key events, with key repeat delivered as pygame delivers it."""

from __future__ import annotations

import io

import pygame

from game.engine import Runner, load_story
from game.textplay import TextPlayer
from game.ui.screens.scene import NOTE_SECONDS, SETTLE_SECONDS

from .conftest import hold, press, settle


def new_game(app):
    app.session.new_game()
    app.push("scene")
    settle(app)
    return app.top


def test_holding_space_never_makes_a_choice(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    hold(app, pygame.K_SPACE, 1.5)
    assert scene.text_done and app.session.runner.state.scene == "shop"
    assert not app.session.runner.state.history


def test_holding_a_number_key_makes_one_choice_only(make_app, make_story):
    folder = make_story("""
        scenes:
          start:
            text: One.
            choices:
              - {text: Walk on, goto: middle}
          middle:
            text: Two.
            choices:
              - {text: Walk on again, goto: end}
          end:
            text: End.
            ending: {id: e, title: E}
        """)
    app = make_app(load_story(folder).story)
    app.settings.text_speed = "instant"
    new_game(app)
    app.now.advance(1.0)
    hold(app, pygame.K_1, 1.5)
    assert app.session.runner.state.scene == "middle"


def test_a_fresh_press_after_letting_go_chooses(make_app, staged):
    app = make_app(staged)
    new_game(app)
    hold(app, pygame.K_SPACE, 1.0)
    press(app, pygame.K_SPACE)
    assert app.session.runner.state.scene == "zhou_visit"  # the focused choice, "Obey twice over"


def test_a_press_as_the_choices_appear_does_not_pick_one(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    scene.revealed = scene.current.chars - 0.5
    app.now.advance(1 / 60)
    settle(app, 1)                                    # the reveal ends in this frame
    assert scene.text_done
    app.now.advance(SETTLE_SECONDS / 3)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    settle(app, 1)
    assert app.session.runner.state.scene == "shop"


def test_one_enter_on_new_game_on_a_busy_machine_shows_the_opening(make_app, staged):
    """A busy machine: key repeat fires before the key-up is read, all in one batch of events."""
    app = make_app(staged)
    app.settings.text_speed = "instant"
    app.push("title")
    settle(app)
    while app.top.list.buttons[app.top.list.focus].label != "New game":
        press(app, pygame.K_DOWN)
    app.now.advance(1.0)
    for _ in range(12):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    settle(app)
    assert app.top.name == "chapter_card"              # the held Enter's repeats do not skip it
    press(app, pygame.K_RETURN)                        # a fresh press does, and nothing more
    assert app.top.name == "scene" and app.session.runner.state.scene == "shop"
    assert not app.session.runner.state.history


def long_scene_story(make_story):
    """A story whose first scene runs to several pages at 1024x600, then one choice."""
    long = " ".join(["The shutters come down one by one along the lane, slow as a held breath."] * 6)
    folder = make_story(f"""
        scenes:
          start:
            text: [{', '.join(repr(long) for _ in range(8))}]
            choices:
              - {{text: Go, goto: end}}
          end:
            text: End.
            ending: {{id: e, title: E}}
        """)
    return load_story(folder).story


def test_a_held_key_pages_through_a_long_scene(make_app, make_story):
    app = make_app(long_scene_story(make_story), size=(1024, 600))
    scene = new_game(app)
    assert len(scene.layout.pages) > 2
    hold(app, pygame.K_SPACE, 3.0)
    assert scene.page == len(scene.layout.pages) - 1 and scene.text_done
    assert app.session.runner.state.scene == "start"


def test_a_measure_change_is_noted_and_the_bar_moves(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    scene.reveal_all()
    press(app, pygame.K_1)                             # compliance 50 -> 100
    assert [n.text for n in scene.notes] == ["+50 Compliance"]
    assert 50 <= scene.shown["compliance"] < 100       # the bar is on its way
    for _ in range(120):
        app.frame(1 / 60)
    assert abs(scene.shown["compliance"] - 100) < 0.1
    app.now.advance(NOTE_SECONDS + 0.1)
    app.frame(1 / 60)
    assert not scene.notes


def test_the_note_is_drawn_under_the_measures(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    scene.reveal_all()
    before = pygame.Surface(app.size)
    app.draw(before)
    press(app, pygame.K_1)
    scene.reveal_all()
    after = pygame.Surface(app.size)
    app.draw(after)
    area = pygame.Rect(scene.layout.measures.x, scene.layout.measures.bottom, scene.layout.measures.width, app.px(60))
    changed = sum(before.get_at((x, y)) != after.get_at((x, y)) for x in range(area.x, area.right, 3) for y in range(area.y, area.bottom, 3))
    assert changed > 20


def test_with_reduced_motion_the_bar_jumps_and_the_note_stays(make_app, staged):
    app = make_app(staged)
    app.settings.reduced_motion = True
    scene = new_game(app)
    press(app, pygame.K_1)
    assert scene.shown["compliance"] == 100
    app.now.advance(NOTE_SECONDS * 3)
    app.frame(1 / 60)
    assert [n.text for n in scene.notes] == ["+50 Compliance"] and not scene.animating


def test_undo_lands_on_the_last_page_without_a_note(make_app, staged):
    app = make_app(staged)
    scene = new_game(app)
    scene.reveal_all()
    press(app, pygame.K_1)
    press(app, pygame.K_BACKSPACE)
    assert app.session.runner.state.scene == "shop"
    assert scene.page == len(scene.layout.pages) - 1 and scene.text_done and not scene.notes


def test_the_terminal_says_each_change_after_a_choice(staged):
    out = io.StringIO()
    TextPlayer(Runner(staged, seed=1), None, out=out, inp=io.StringIO("1\n")).run()
    assert "Compliance +50 (now 100)" in out.getvalue()


def test_a_number_key_chooses_only_when_the_choices_are_on_screen(make_app, make_story):
    app = make_app(long_scene_story(make_story), size=(1024, 600))
    scene = new_game(app)
    scene.reveal_all()
    press(app, pygame.K_1)                          # page 1 of several: the choice is not shown yet
    assert app.session.runner.state.scene == "start" and scene.page == 0
    scene.show_page(len(scene.layout.pages) - 1, full=True)
    press(app, pygame.K_1)
    assert app.session.runner.state.scene == "end"


def test_a_held_key_on_a_busy_machine_still_never_chooses(make_app, staged):
    """A frame that takes over a second (a loaded machine) between two repeats of a held key:
    the key is still held, so the repeat after the gap is no fresh press."""
    app = make_app(staged)
    scene = new_game(app)
    for gap in (1.0, 1.5, 2.0):                         # the first down shows the text, the rest repeat
        app.now.advance(gap)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
        settle(app, 1)
    assert scene.text_done and app.session.runner.state.scene == "shop"
    assert not app.session.runner.state.history
