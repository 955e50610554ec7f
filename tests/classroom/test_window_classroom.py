"""A classroom lesson in the window, driven only by posted keyboard events: the classroom screen
from the title, a discussion card with its countdown, room votes (a majority and a tie), the
chapter's end, and the road not taken; it writes the session file a teacher would collect, and
opens no network connection on the way."""

from __future__ import annotations

import json
import socket

import pygame
import pytest

from tests.support.sessions import lesson_story
from tests.ui.conftest import make_app, press, settle  # noqa: F401 - the fixture is used by name


def type_text(app, words: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=words))
    settle(app)


def read_all(app) -> None:
    """Show the whole scene text (Space), and let the scene open what it opens."""
    press(app, pygame.K_SPACE)
    settle(app)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the game tried to open a network connection")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_lesson_with_pauses_votes_a_tie_and_the_road_not_taken(make_app, tmp_path, no_network):  # noqa: F811
    app = make_app(lesson_story())
    app.push("title")
    settle(app)
    titles = [b.label for b in app.top.list.buttons]
    press(app, pygame.K_1 + titles.index("Classroom"))
    assert app.top.name == "classroom"
    for _ in range(3):
        press(app, pygame.K_DOWN)
    type_text(app, "Room 4B")
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # Start the lesson: chapter 1, a 2:00 timer, the projector preset
    assert app.top.name == "scene" and app.settings.theme == "high_contrast"

    read_all(app)
    card = app.top
    assert card.name == "discussion" and card.prompts == ("Who is the register for?",)
    press(app, pygame.K_RETURN)            # start the countdown
    app.frame(30.0)
    assert card.countdown.label() == "1:30"
    type_text(app, "+")                    # extend by 30 s
    press(app, pygame.K_RETURN)            # pause
    app.frame(50.0)
    assert card.countdown.label() == "2:00" and not card.countdown.running
    press(app, pygame.K_3)                 # skip: go to the choice
    assert app.top.name == "scene"

    press(app, pygame.K_1)                 # the facilitator opens the vote
    assert app.top.name == "vote"
    for key in (pygame.K_1, pygame.K_1, pygame.K_2, pygame.K_2, pygame.K_1, pygame.K_BACKSPACE):
        press(app, key)                    # 1,1,2,2,1 then Backspace takes the last one off
    assert app.top.tally.counts == [2, 2]
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)            # 3 to 2: the majority continues
    assert app.session.runner.state.scene == "counter"

    read_all(app)
    assert app.top.name == "discussion"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_2)
    type_text(app, "t")                    # type the counts: 4, 4, 1
    for digits in ("4", "4", "1"):
        type_text(app, digits)
        press(app, pygame.K_RETURN)
    assert app.top.tally.counts == [4, 4, 1]
    press(app, pygame.K_RETURN)            # a tie: the facilitator must pick
    assert app.top.name == "vote" and app.top.tie
    press(app, pygame.K_DOWN)              # from option 1 to option 2
    press(app, pygame.K_RETURN)
    assert app.session.runner.state.scene == "walk"

    read_all(app)
    press(app, pygame.K_1)                 # continue: out of the chapter
    assert app.top.name == "chapter_end" and app.top.heading == "End of chapter 1: The shop"
    assert app.top.summary.choices == ("Keep the register", "Send her to the clinic")

    press(app, pygame.K_1)                 # the road not taken
    assert app.top.name == "roads"
    press(app, pygame.K_1)                 # back to the register
    assert app.session.runner.state.scene == "shop" and app.session.lesson.on_road
    read_all(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_1)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)            # no votes: the facilitator's pick, the other road
    read_all(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_3)
    press(app, pygame.K_RETURN)
    read_all(app)
    press(app, pygame.K_1)
    assert app.top.name == "chapter_end"
    labels = [b.label for b in app.top.list.buttons]
    press(app, pygame.K_1 + labels.index("Back to the class's path"))
    assert app.top.name == "chapter_end" and not app.session.lesson.on_road
    assert app.session.runner.state.variables["trust"] == 25
    labels = [b.label for b in app.top.list.buttons]
    press(app, pygame.K_1 + labels.index("Finish the lesson"))
    assert app.top.name == "title" and app.session.lesson is None

    files = list((tmp_path / "data" / "sessions" / "lesson").glob("*.json"))
    assert len(files) == 1
    record = json.loads(files[0].read_text())
    assert (record["format"], record["version"], record["mode"], record["nickname"], record["chapter"]) == ("face-value-session", 1, "classroom", "Room 4B", 1)
    assert len(record["session"]) == 12
    made = [(c["road"], c["scene"], c["text"], c.get("votes"), c["decided_by"]) for c in record["choices"]]
    assert made == [
        (0, "shop", "Keep the register", [3, 2], "majority"),
        (0, "counter", "Send her to the clinic", [4, 4, 1], "tie: facilitator"),
        (1, "shop", "Put it in a drawer", None, "facilitator"),
        (1, "counter", "Ask her to come back tomorrow", None, "facilitator"),
    ]
    assert all(c["at"].endswith("Z") for c in record["choices"])
    assert [(e["road"], e["chapter"]) for e in record["chapter_ends"]] == [(0, 1), (1, 1)]
    assert [m["values"]["trust"] for m in record["measures"] if m["road"] == 0] == [50, 30, 25]
    assert record["roads"] == [{**record["roads"][0], "road": 1, "from_step": 0, "scene": "shop"}]


def test_ordinary_play_records_the_session_and_a_setting_turns_records_off(make_app, tmp_path):  # noqa: F811
    app = make_app(lesson_story())
    app.session.new_game(seed=1)
    app.reset("scene")
    read_all(app)
    press(app, pygame.K_2)
    folder = tmp_path / "data" / "sessions" / "lesson"
    record = json.loads(next(folder.glob("*.json")).read_text())
    assert record["mode"] == "single" and [c["text"] for c in record["choices"]] == ["Put it in a drawer"]

    app.settings.session_records = False
    app.apply_settings()
    second = make_app(lesson_story(), data="data")
    second.session.new_game(seed=1)
    assert second.session.recorder.path is None
    assert len(list(folder.glob("*.json"))) == 1


def test_a_chapter_played_alone_ends_with_its_chapter_end_screen(make_app):  # noqa: F811
    app = make_app(lesson_story())
    app.session.start_chapter(1, seed=1)
    app.reset("scene")
    for key in (pygame.K_1, pygame.K_3):
        read_all(app)
        press(app, key)
    read_all(app)
    press(app, pygame.K_1)
    assert app.top.name == "chapter_end"
    assert app.top.summary.questions == ("Who is the register for?", "What would you tell Tang?")
    press(app, pygame.K_ESCAPE)            # play on into chapter 2
    assert app.top.name == "scene" and app.session.runner.state.chapter is None
    read_all(app)
    press(app, pygame.K_1)
    assert app.top.name != "chapter_end"


def test_think_about_it_notes_follow_a_choice_only_when_the_setting_is_on(make_app):  # noqa: F811
    app = make_app(lesson_story())
    app.session.new_game(seed=1)
    app.reset("scene")
    read_all(app)
    press(app, pygame.K_1)
    assert app.top.name == "scene"  # off by default
    app.settings.think_notes = True
    read_all(app)
    press(app, pygame.K_1)
    assert app.top.name == "think_note" and app.top.prompts == ("What would you tell Tang?",)
    press(app, pygame.K_SPACE)
    assert app.top.name == "scene"
