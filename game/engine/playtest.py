"""Seeded random playthroughs (like ChoiceScript's randomtest): endings, coverage, errors."""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

from .model import Story
from .runner import Phase, Runner, RunnerError, StoryRuntimeError


@dataclass
class Start:
    """Where a run begins: the story start, or a chapter's first scene with its values."""

    scene: str | None = None
    values: dict = field(default_factory=dict)
    chapter: int | None = None


@dataclass
class PlaytestReport:
    runs: int = 0
    steps: int = 0
    seconds: float = 0.0
    endings: Counter = field(default_factory=Counter)
    visited: set = field(default_factory=set)
    unfinished: int = 0
    errors: list[str] = field(default_factory=list)
    total_scenes: int = 0

    @property
    def scene_coverage(self) -> float:
        return len(self.visited) / self.total_scenes if self.total_scenes else 0.0

    def to_json(self, story: Story) -> dict:
        return {
            "runs": self.runs,
            "steps": self.steps,
            "seconds": round(self.seconds, 4),
            "steps_per_second": round(self.steps / self.seconds) if self.seconds else None,
            "endings": dict(sorted(self.endings.items())),
            "endings_never_reached": sorted(set(story.endings) - set(self.endings)),
            "unfinished_runs": self.unfinished,
            "scene_coverage": round(self.scene_coverage, 4),
            "scenes_never_visited": sorted(set(story.scenes) - self.visited),
            "errors": self.errors,
        }


def playtest(story: Story, runs: int, seed: int, max_steps: int, starts: list[Start] | None = None) -> PlaytestReport:
    """Play `runs` random playthroughs; each stops at an ending, an error, or after max_steps."""
    rng = random.Random(seed)
    report = PlaytestReport(total_scenes=len(story.scenes))
    starts = starts or [Start()]
    seen_errors: set[str] = set()
    runner = Runner(story, seed=seed)
    began = time.perf_counter()
    for run in range(runs):
        start = starts[run % len(starts)]
        error = _one_run(runner, rng, start, max_steps, report)
        if error and error not in seen_errors:
            seen_errors.add(error)
            report.errors.append(error)
        report.runs += 1
    report.seconds = time.perf_counter() - began
    return report


def _one_run(runner: Runner, rng: random.Random, start: Start, max_steps: int, report: PlaytestReport) -> str | None:
    try:
        runner.restart(seed=rng.randrange(2**31), scene=start.scene, values=start.values, chapter=start.chapter)
        for taken in range(max_steps + 1):
            turn = runner.turn
            report.visited.add(turn.scene.id)
            if turn.phase is Phase.ENDED:
                report.endings[turn.scene.ending.id] += 1
                return None
            if turn.phase is Phase.STUCK:
                return f"{turn.scene.place}: no choice is available in scene '{turn.scene.id}' (every choice's condition is false)"
            if taken == max_steps:
                break
            if turn.phase is Phase.CONTINUING:
                runner.proceed()
            else:
                runner.choose(rng.randint(1, len(turn.choices)))
            report.steps += 1
        report.unfinished += 1
        return None
    except StoryRuntimeError as exc:
        return str(exc)
    except RunnerError as exc:
        return f"engine error in scene '{runner.state.scene}': {exc}"
