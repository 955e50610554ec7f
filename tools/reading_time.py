"""How long each chapter takes a class to play: words at 150 a minute plus 10 seconds for each
choice, over many seeded random playthroughs driven by the engine's Runner.

    .venv/bin/python tools/reading_time.py [story_dir] [--runs 3000] [--seed 1]

Two figures per chapter: the chapter as met in a whole playthrough from the start, and the
chapter started on its own (its story.yaml values). Prints median, 10th and 90th percentile.
Words are those of the scene text shown (choice labels are covered by the 10 seconds).
With --scenes, also the scenes that cost a chapter the most minutes in an average
playthrough (share of playthroughs that see the scene x its minutes): the places to cut.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import Phase, Runner, load_story  # noqa: E402

WORDS_PER_MINUTE = 150
SECONDS_PER_CHOICE = 10


def play(runner: Runner, rng: random.Random, chapter: int | None, max_steps: int = 500, by_scene: dict | None = None) -> dict:
    """One random playthrough; minutes spent in each chapter (and, into by_scene, in each scene)."""
    words: dict = defaultdict(int)
    choices: dict = defaultdict(int)
    for _ in range(max_steps):
        turn = runner.turn
        number = turn.scene.chapter
        if chapter is not None and number != chapter:
            break
        shown = sum(len(p.split()) for p in turn.paragraphs)
        words[number] += shown
        chose = turn.phase is Phase.CHOOSING
        if by_scene is not None:
            by_scene[turn.scene.id] += shown / WORDS_PER_MINUTE + chose * SECONDS_PER_CHOICE / 60
        if turn.phase is Phase.ENDED or turn.phase is Phase.STUCK:
            break
        if turn.phase is Phase.CONTINUING:
            runner.proceed()
        else:
            choices[number] += 1
            runner.choose(rng.randint(1, len(turn.choices)))
    return {n: words[n] / WORDS_PER_MINUTE + choices[n] * SECONDS_PER_CHOICE / 60 for n in words}


def measure(story, runs: int, seed: int, by_scene: dict | None = None) -> dict:
    """{label: [minutes, ...]} for each chapter, in whole playthroughs and started alone.

    A chapter counts only when it was played to its end (a run that stuck or ran out of steps
    inside its last chapter does not count that chapter)."""
    rng = random.Random(seed)
    runner = Runner(story, seed=seed)
    found: dict = defaultdict(list)
    for _ in range(runs):
        runner.restart(seed=rng.randrange(2**31))
        minutes = play(runner, rng, None, by_scene=by_scene)
        for number, value in minutes.items():
            if number != max(minutes) or runner.turn.phase is Phase.ENDED:
                found[f"chapter {number} in a whole playthrough"].append(value)
    for chapter in story.chapters:
        for _ in range(runs // 3):
            runner.start_chapter(chapter.number, seed=rng.randrange(2**31))
            found[f"chapter {chapter.number} started alone"].append(play(runner, rng, chapter.number)[chapter.number])
    return found


def summary(values: list) -> dict:
    ordered = sorted(values)
    pick = lambda share: ordered[min(len(ordered) - 1, int(share * len(ordered)))]  # noqa: E731
    return {"runs": len(values), "median": round(statistics.median(values), 1), "p10": round(pick(0.1), 1), "p90": round(pick(0.9), 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", default=str(Path(__file__).resolve().parent.parent / "story"))
    parser.add_argument("--runs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenes", type=int, default=0, metavar="N", help="also list the N scenes that cost the most minutes")
    args = parser.parse_args(argv)
    loaded = load_story(Path(args.story), "story")
    if not loaded.ok:
        print(f"{args.story}: the story has errors; run face-value check", file=sys.stderr)
        return 1
    by_scene: dict = defaultdict(float)
    for label, values in sorted(measure(loaded.story, args.runs, args.seed, by_scene).items()):
        figures = summary(values)
        print(f"{label}: median {figures['median']} min (10% {figures['p10']}, 90% {figures['p90']}; {figures['runs']} runs)")
    if args.scenes:
        print(f"scenes that cost the most, in minutes per whole playthrough ({args.runs} runs):")
        for scene, total in sorted(by_scene.items(), key=lambda item: -item[1])[: args.scenes]:
            print(f"  {scene:28} {total / args.runs:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
