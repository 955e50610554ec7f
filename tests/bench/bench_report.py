"""Class report benchmark: 30 session files of the bundled story (whole-story and chapter
lessons with random room votes) into one HTML report; target under a second."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game import paths  # noqa: E402
from game.classroom.lesson import Lesson  # noqa: E402
from game.classroom.record import Recorder  # noqa: E402
from game.classroom.votes import Tally  # noqa: E402
from game.engine import Phase, Runner, load_story  # noqa: E402
from game.tools.report import build_report  # noqa: E402
from tests.support.sessions import fixed_clock  # noqa: E402

SESSIONS = 30
REPEATS = 5
TARGET_SECONDS = 1.0


def play(story, folder: Path, rng: random.Random, chapter: int | None) -> None:
    recorder = Recorder(story, folder, mode="classroom", clock=fixed_clock(rng.randrange(10**9)))
    lesson = Lesson(Runner(story), recorder, chapter)
    lesson.start(seed=rng.randrange(2**31))
    for _ in range(500):
        if lesson.finished:
            return
        turn = lesson.turn
        if turn.phase is Phase.CONTINUING:
            lesson.proceed()
            continue
        tally = Tally(len(turn.choices))
        for number in range(1, len(turn.choices) + 1):
            tally.set(number, rng.randint(0, 15))
        lesson.decide(tally, tally.leaders()[0])


def main() -> None:
    story = load_story(paths.story_dir()).story
    rng = random.Random(1)
    starts = [None] + [c.number for c in story.chapters]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for number in range(SESSIONS):
            play(story, folder, rng, starts[number % len(starts)])
        files = list(folder.glob("*.json"))
        size = sum(p.stat().st_size for p in files)
        times = []
        for _ in range(REPEATS):
            began = time.perf_counter()
            page, data, skipped = build_report([str(folder)], story.id, story.title)
            times.append(time.perf_counter() - began)
        median = statistics.median(times)
    choices = sum(p.sessions for p in data.points.values())
    print(f"report of {len(files)} sessions ({size / 1e6:.2f} MB of session files, {choices} recorded choices, {len(data.points)} choice points): "
          f"median {median:.3f} s over {REPEATS} builds, page {len(page) / 1e3:.0f} kB (target < {TARGET_SECONDS} s)")
    if skipped or median >= TARGET_SECONDS:
        raise SystemExit(f"FAILED: {median:.3f} s, {len(skipped)} file(s) skipped")


if __name__ == "__main__":
    main()
