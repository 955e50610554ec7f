"""Session files made the way the game makes them: lessons played through the Lesson API on a
fixture story, with a fixed clock, for the transcript, report and benchmark tests."""

from __future__ import annotations

import itertools
from pathlib import Path

from game.classroom.lesson import Lesson
from game.classroom.record import Recorder
from game.classroom.votes import Tally
from game.engine import Phase, Runner, load_story
from tests.conftest import FIXTURES

LESSON = FIXTURES / "stories" / "lesson"


def lesson_story():
    result = load_story(LESSON)
    assert result.ok, [str(p) for p in result.problems]
    return result.story


def fixed_clock(start: float = 1_780_000_000.0, step: float = 20.0):
    ticks = itertools.count()
    return lambda: start + step * next(ticks)


def play_session(story, folder: Path, votes: list[list[int]], chapter: int | None = None, nickname: str = "") -> Path:
    """Play with the room's `votes` at each choice in turn (a tie goes to the first tied option)
    until the ending or the chapter's end; returns the session file."""
    recorder = Recorder(story, folder, mode="classroom", nickname=nickname, clock=fixed_clock())
    lesson = Lesson(Runner(story), recorder, chapter)
    lesson.start()
    remaining = list(votes)
    while not lesson.finished:
        turn = lesson.turn
        if turn.phase is Phase.CONTINUING:
            lesson.proceed()
            continue
        tally = Tally(len(turn.choices))
        for number, count in enumerate(remaining.pop(0) if remaining else [1], 1):
            tally.set(number, count)
        lesson.decide(tally, tally.leaders()[0])
    return recorder.path


FIVE_PATHS = [
    ([[12, 8], [3, 10, 7], [15, 5]], None, "Room 4B"),
    ([[4, 16], [10, 5, 5], [2, 18]], None, ""),
    ([[9, 9], [1, 1, 18], [10, 10]], None, "Owls"),
    ([[20, 0], [0, 20, 0], [20, 0]], None, ""),
    ([[6, 14], [7, 7, 6]], 1, "Chapter one only"),
]


def five_sessions(folder: Path) -> list[Path]:
    story = lesson_story()
    return [play_session(story, folder, votes, chapter, nick) for votes, chapter, nick in FIVE_PATHS]
