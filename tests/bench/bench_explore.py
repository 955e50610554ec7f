"""Explore benchmark: states searched per second on the bundled story (each chapter from its
start values, as `face-value explore story` does), and memory per state on a bounded search
of the whole story from its start (a space too large to finish)."""

from __future__ import annotations

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.engine import load_story  # noqa: E402
from game.engine.explore import StateSpace, explore  # noqa: E402
from game.engine.playtest import Start, story_starts  # noqa: E402

REPEATS = 5
TARGET_STATES_PER_SECOND = 50_000
WHOLE_STORY_STATES = 250_000


def search_seconds(story, start: Start) -> tuple[int, int, float, float]:
    """(states, moves, median wall seconds, median CPU seconds) of the search alone."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        space = StateSpace(story, start, chapter_only=True, max_states=10**7)
        wall, cpu = time.perf_counter(), time.process_time()
        space.run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return len(space.keys), len(space.targets), statistics.median(walls), statistics.median(cpus)


def main() -> int:
    story = load_story(Path(__file__).resolve().parents[2] / "story").story
    print(f"{'start':>10} {'states':>8} {'moves':>8} {'wall s':>7} {'cpu s':>7} {'states/s (cpu)':>15}")
    total_states, total_cpu = 0, 0.0
    for start in story_starts(story)[1:]:
        states, moves, wall, cpu = search_seconds(story, start)
        total_states += states
        total_cpu += cpu
        print(f"{start.label:>10} {states:>8,} {moves:>8,} {wall:>7.3f} {cpu:>7.3f} {states / cpu:>15,.0f}")
    rate = total_states / total_cpu
    tracemalloc.start()
    bounded, space = explore(story, max_states=WHOLE_STORY_STATES, chapter_only=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"all chapters: {total_states:,} states at {rate:,.0f} states/s of CPU (target >= {TARGET_STATES_PER_SECOND:,})")
    print(f"whole story from its start, bounded at {WHOLE_STORY_STATES:,} states: complete={bounded.complete}, "
          f"{bounded.states / bounded.seconds:,.0f} states/s (wall, traced), peak traced memory {peak / 1e6:.0f} MB "
          f"({peak / bounded.states:.0f} bytes a state with its moves)")
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; medians of {REPEATS}; Python {sys.version.split()[0]}")
    met = rate >= TARGET_STATES_PER_SECOND
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
