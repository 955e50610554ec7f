"""Seeded random playthroughs (like ChoiceScript's randomtest): endings, coverage, reading time, errors."""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Story
from .runner import Phase, Runner, RunnerError, StoryRuntimeError

WORDS_PER_MINUTE = 200


@dataclass
class Start:
    """Where a run begins: the story start, or a chapter's first scene with its values.
    A chapter run stops when it leaves the chapter."""

    scene: str | None = None
    values: dict = field(default_factory=dict)
    chapter: int | None = None
    name: str | None = None  # a chapter's named start ("complied"), or None for its middle path

    @property
    def label(self) -> str:
        if not self.chapter:
            return "whole story"
        return f"chapter {self.chapter}, start '{self.name}'" if self.name else f"chapter {self.chapter}"


def chapter_starts(chapter, with_named: bool = True) -> list[Start]:
    """A chapter's middle path, then each of its named starts."""
    starts = [Start(chapter.start, chapter.values_for(), chapter.number)]
    if with_named:
        starts += [Start(chapter.start, chapter.values_for(s.name), chapter.number, s.name) for s in chapter.starts]
    return starts


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
    words: dict = field(default_factory=lambda: defaultdict(list))

    @property
    def scene_coverage(self) -> float:
        return len(self.visited) / self.total_scenes if self.total_scenes else 0.0

    def reading(self) -> dict:
        """Words read per run, by where runs started, with minutes at 200 words a minute."""
        result = {}
        for label, counts in self.words.items():
            median = statistics.median(counts)
            result[label] = {
                "runs": len(counts), "median_words": round(median), "min_words": min(counts), "max_words": max(counts),
                "median_minutes": round(median / WORDS_PER_MINUTE, 1),
            }
        return result

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
            "reading": self.reading(),
            "errors": self.errors,
        }


def story_starts(story: Story, chapter: int | None = None) -> list[Start]:
    """The story's start and every chapter's start (or just one chapter's)."""
    chapters = [Start(c.start, c.values, c.number) for c in story.chapters]
    if chapter is not None:
        return [s for s in chapters if s.chapter == chapter]
    return [Start()] + chapters


def playtest(story: Story, runs: int, seed: int, max_steps: int, starts: list[Start] | None = None) -> PlaytestReport:
    """Play `runs` random playthroughs, spread over `starts`; each stops at an ending, an
    error, the end of its chapter, or after max_steps."""
    rng = random.Random(seed)
    report = PlaytestReport(total_scenes=len(story.scenes))
    starts = starts or story_starts(story)
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
    words = 0
    try:
        runner.restart(seed=rng.randrange(2**31), scene=start.scene, values=start.values, chapter=start.chapter)
        for taken in range(max_steps + 1):
            turn = runner.turn
            if start.chapter is not None and turn.scene.chapter != start.chapter:
                break  # the chapter is over: a class would stop here
            report.visited.add(turn.scene.id)
            words += sum(len(paragraph.split()) for paragraph in turn.paragraphs)
            if turn.phase is Phase.ENDED:
                report.endings[turn.scene.ending.id] += 1
                break
            if turn.phase is Phase.STUCK:
                return f"{turn.scene.place}: no choice is available in scene '{turn.scene.id}' (every choice's condition is false)"
            if taken == max_steps:
                report.unfinished += 1
                break
            if turn.phase is Phase.CONTINUING:
                runner.proceed()
            else:
                runner.choose(rng.randint(1, len(turn.choices)))
            report.steps += 1
        report.words[start.label].append(words)
        return None
    except StoryRuntimeError as exc:
        return str(exc)
    except RunnerError as exc:
        return f"engine error in scene '{runner.state.scene}': {exc}"
