"""Seeded random playthroughs (like ChoiceScript's randomtest): endings, coverage, reading time, errors."""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Story
from .replay import Replay, replay_of
from .runner import Phase, Runner, RunnerError, StoryRuntimeError

WORDS_PER_MINUTE = 200
MAX_RUNS = 100_000  # about ten minutes on the bundled story; `--runs` says so
RAREST = 10
MAX_FAILING_REPLAYS = 200  # replays kept of failing runs; the report counts the rest


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
class FailedRun:
    """A run that hit a story error or a scene where every choice is hidden, and its replay."""

    message: str
    replay: Replay


@dataclass
class PlaytestReport:
    runs: int = 0
    steps: int = 0
    interrupted: bool = False  # Ctrl-C: the figures are those of the runs finished before it
    seconds: float = 0.0
    endings: Counter = field(default_factory=Counter)
    visited: set = field(default_factory=set)
    unfinished: int = 0
    errors: list[str] = field(default_factory=list)
    words: dict = field(default_factory=lambda: defaultdict(list))
    scope: list[str] = field(default_factory=list)  # the scenes coverage counts, in story order
    scene_hits: Counter = field(default_factory=Counter)  # arrivals at each scene, repeats included
    choice_hits: Counter = field(default_factory=Counter)  # times each choice was taken: "scene#number"
    failed: list[FailedRun] = field(default_factory=list)
    failed_runs: int = 0

    @property
    def total_scenes(self) -> int:
        return len(self.scope)

    @property
    def scene_coverage(self) -> float:
        return len(self.visited & set(self.scope)) / self.total_scenes if self.total_scenes else 0.0

    def endings_in_scope(self, story: Story) -> list[str]:
        """The endings some scene of the scope declares, in story order."""
        scope = set(self.scope)
        return list(dict.fromkeys(s.ending.id for s in story.scenes.values() if s.ending and s.id in scope))

    def rarest(self, story: Story, count: int = RAREST) -> list[str]:
        """The visited scenes of the scope reached least often (fewest first, then story order)."""
        visited = [scene for scene in self.scope if self.scene_hits[scene]]
        return sorted(visited, key=lambda scene: self.scene_hits[scene])[:count]

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
            "endings_never_reached": [ending for ending in self.endings_in_scope(story) if ending not in self.endings],
            "unfinished_runs": self.unfinished,
            "scene_coverage": round(self.scene_coverage, 4),
            "scenes_in_coverage": self.total_scenes,
            "scenes_never_visited": [scene for scene in self.scope if scene not in self.visited],
            "scene_hits": {scene: self.scene_hits[scene] for scene in self.scope},
            "choice_hits": {
                f"{scene}#{choice.index + 1}": self.choice_hits[f"{scene}#{choice.index + 1}"]
                for scene in self.scope for choice in story.scenes[scene].choices
            },
            "rarest_scenes": [{"scene": scene, "hits": self.scene_hits[scene], "place": str(story.scenes[scene].place)} for scene in self.rarest(story)],
            "reading": self.reading(),
            "errors": self.errors,
            "failed_runs": self.failed_runs,
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
    starts = starts or story_starts(story)
    chapters = {start.chapter for start in starts}
    only = next(iter(chapters)) if len(chapters) == 1 and None not in chapters else None
    report = PlaytestReport(scope=[s.id for s in story.scenes.values() if only is None or s.chapter == only])
    seen_errors: set[str] = set()
    runner = Runner(story, seed=seed)
    began = time.perf_counter()
    for run in range(runs):
        if report.interrupted:
            break
        start = starts[run % len(starts)]
        error = _one_run(runner, rng, start, max_steps, report)
        if error:
            _failed(report, runner, story, error)
        if error and error not in seen_errors:
            seen_errors.add(error)
            report.errors.append(error)
        report.runs += 1
    report.seconds = time.perf_counter() - began
    return report


def _failed(report: PlaytestReport, runner: Runner, story: Story, error: str) -> None:
    report.failed_runs += 1
    replay = replay_of(runner.state, story.id, error)
    known = any(f.message == error and f.replay.steps == replay.steps for f in report.failed)
    if not known and len(report.failed) < MAX_FAILING_REPLAYS:
        report.failed.append(FailedRun(error, replay))


def _one_run(runner: Runner, rng: random.Random, start: Start, max_steps: int, report: PlaytestReport) -> str | None:
    words = 0
    visited, scene_hits, choice_hits = report.visited, report.scene_hits, report.choice_hits
    try:
        runner.restart(seed=rng.randrange(2**31), scene=start.scene, values=start.values, chapter=start.chapter)
        for taken in range(max_steps + 1):
            turn = runner.turn
            scene = turn.scene
            if start.chapter is not None and scene.chapter != start.chapter:
                break  # the chapter is over: a class would stop here
            visited.add(scene.id)
            scene_hits[scene.id] += 1
            for paragraph in turn.paragraphs:
                words += len(paragraph.split())
            phase = turn.phase
            if phase is Phase.ENDED:
                report.endings[scene.ending.id] += 1
                break
            if phase is Phase.STUCK:
                return f"{scene.place}: no choice is available in scene '{scene.id}' (every choice's condition is false)"
            if taken == max_steps:
                report.unfinished += 1
                break
            if phase is Phase.CONTINUING:
                runner.proceed()
            else:
                view = turn.choices[rng.randint(1, len(turn.choices)) - 1]
                choice_hits[f"{scene.id}#{view.index + 1}"] += 1
                runner.choose(view.number)
            report.steps += 1
        report.words[start.label].append(words)
        return None
    except StoryRuntimeError as exc:
        return str(exc)
    except RunnerError as exc:
        return f"engine error in scene '{runner.state.scene}': {exc}"
    except KeyboardInterrupt:
        report.interrupted = True
        report.runs -= 1  # playtest() counts every run it began; this one did not finish
        return None
