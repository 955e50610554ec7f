"""Classroom mode without a window: votes decide, ties wait for the facilitator, a chapter stops
at its end, the road not taken returns to the class's path, and the record says all of it."""

from __future__ import annotations

import json

import pytest

from game.classroom.countdown import Countdown
from game.classroom.lesson import Lesson
from game.classroom.record import Recorder, RecordError, clean_nickname, read_record
from game.classroom.votes import Tally, parse_counts
from game.engine import Runner
from tests.support.sessions import fixed_clock, lesson_story


@pytest.fixture
def story():
    return lesson_story()


def test_votes_add_remove_and_find_the_majority_or_a_tie():
    tally = Tally(3)
    for number in (1, 2, 2, 3):
        tally.add(number)
    assert tally.counts == [1, 2, 1] and tally.winner == 2
    tally.remove()  # the option touched last (3) loses a vote
    tally.add(1)
    assert tally.counts == [2, 2, 0] and tally.winner is None and tally.leaders() == [1, 2]
    tally.set(3, 7)
    assert tally.winner == 3
    assert parse_counts("12, 5", 2) == [12, 5] and parse_counts("12", 2) is None and parse_counts("a b", 2) is None


def test_the_countdown_runs_only_while_started_and_can_be_extended():
    countdown = Countdown(60)
    countdown.update(10)
    assert countdown.label() == "1:00"  # not started: the facilitator starts it
    countdown.start()
    countdown.update(15)
    countdown.pause()
    countdown.update(100)
    assert countdown.label() == "0:45"
    countdown.extend()
    countdown.toggle()
    countdown.update(80)
    assert countdown.done and countdown.label() == "0:00" and not countdown.running


def test_a_tie_waits_for_the_facilitator_and_the_split_is_recorded(story, tmp_path):
    recorder = Recorder(story, tmp_path, mode="classroom", clock=fixed_clock())
    lesson = Lesson(Runner(story), recorder, chapter=1)
    lesson.start()
    tally = Tally(2)
    tally.set(1, 5)
    tally.set(2, 5)
    assert not lesson.decide(tally)          # a tie: nothing happens without a pick
    assert not lesson.decide(tally, pick=3)  # not one of the tied options
    assert lesson.turn.scene.id == "shop"
    assert lesson.decide(tally, pick=2)
    record = json.loads(recorder.path.read_text())
    entry = record["choices"][0]
    assert (entry["scene"], entry["text"], entry["votes"], entry["decided_by"]) == ("shop", "Put it in a drawer", [5, 5], "tie: facilitator")
    assert entry["prompts"] == ["Who is the register for?"]


def test_a_chapter_stops_at_its_end_and_the_road_not_taken_returns(story, tmp_path):
    recorder = Recorder(story, tmp_path, mode="classroom", clock=fixed_clock())
    lesson = Lesson(Runner(story), recorder, chapter=1)
    lesson.start()
    lesson.choose(1, [9, 3], "majority")
    assert lesson.turn.discuss == ("What would you tell Tang?",)
    lesson.choose(2)
    lesson.proceed()
    assert lesson.chapter_over and lesson.turn.scene.id == "street"
    points = lesson.choice_points()
    assert [(p.step, p.taken) for p in points] == [(0, "Keep the register"), (1, "Send her to the clinic")]
    lesson.take_other_road(0)
    assert lesson.on_road and lesson.turn.scene.id == "shop" and lesson.runner.state.variables["trust"] == 50
    lesson.choose(2)
    lesson.choose(1)
    lesson.proceed()
    assert lesson.chapter_over and lesson.runner.state.variables["trust"] == 75
    lesson.return_to_path()
    assert not lesson.on_road and lesson.runner.state.variables["trust"] == 25 and lesson.chapter_over
    record = read_record(recorder.path, story.id)
    assert [(c["road"], c["text"]) for c in record["choices"]] == [
        (0, "Keep the register"), (0, "Send her to the clinic"), (1, "Put it in a drawer"), (1, "Print it on the old machine")]
    assert [(e["road"], e["chapter"]) for e in record["chapter_ends"]] == [(0, 1), (1, 1)]
    assert record["roads"][0]["from_step"] == 0
    assert [m["values"]["trust"] for m in record["measures"] if m["road"] == 0] == [50, 30, 25]
    assert record["endings"] == []


def test_records_off_write_nothing_and_nicknames_are_cleaned(story, tmp_path):
    recorder = Recorder(story, None)
    lesson = Lesson(Runner(story), recorder)
    lesson.start()
    lesson.choose(1)
    assert recorder.path is None and not list(tmp_path.iterdir())
    assert clean_nickname("  Room\t4B\x00 /../  ") == "Room 4B .."
    assert len(clean_nickname("x" * 100)) == 24


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"format": "face-value-session", "version": 0}', "is version 0; this game reads version 1"),
    ('{"format": "something else"}', "not a Face Value session file"),
    ('{"format": "face-value-session", "version": 1, "story": "other"}', "is from another story ('other', not 'lesson')"),
    ('{"format": "face-value-session", "version": 1, "story": "lesson", "choices": 3}', "'choices' is not a list of entries"),
])
def test_a_bad_session_file_is_named_with_its_problem(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(RecordError) as caught:
        read_record(path, "lesson")
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value)


def test_votes_that_do_not_match_the_options_are_refused(story, tmp_path):
    recorder = Recorder(story, tmp_path, clock=fixed_clock())
    lesson = Lesson(Runner(story), recorder)
    lesson.start()
    lesson.choose(1, [3, 1])
    data = json.loads(recorder.path.read_text())
    data["choices"][0]["votes"] = [3, 1, 7]
    recorder.path.write_text(json.dumps(data))
    with pytest.raises(RecordError, match="choice 1 has votes that do not match its options"):
        read_record(recorder.path)
