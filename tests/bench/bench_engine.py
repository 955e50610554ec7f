"""Engine benchmark: load+check against raw YAML parsing, step time at 100 and 5,000 scenes."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.engine import Runner, load_story, playtest  # noqa: E402
from tests.support.synth import write_story  # noqa: E402

REPEATS = 5
TARGETS = {"load_ratio": 2.0, "step_ratio": 1.5, "steps_per_second": 20_000}


def median_seconds(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def raw_parse(folder: Path) -> None:
    for path in sorted(folder.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def step_microseconds(story, steps: int = 30_000) -> float:
    """Median over repeats of the time per random step (choose or continue), in microseconds."""
    samples = []
    for seed in range(REPEATS):
        report = playtest(story, runs=max(1, steps // 60), seed=seed, max_steps=200)
        samples.append(report.seconds / max(1, report.steps) * 1e6)
    return statistics.median(samples)


def measure(scenes: int, root: Path) -> dict:
    folder = write_story(root / f"story_{scenes}", scenes)
    size = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
    parse = median_seconds(lambda: raw_parse(folder))
    load = median_seconds(lambda: load_story(folder))
    result = load_story(folder)
    assert result.ok, [str(p) for p in result.problems.errors][:5]
    build = median_seconds(lambda: Runner(result.story))
    step = step_microseconds(result.story)
    return {"scenes": scenes, "bytes": size, "parse": parse, "load": load, "build": build, "step_us": step}


def peak_memory(folder: Path) -> int:
    """Peak traced memory of loading the story and playing 500 random steps (measured apart:
    tracing slows everything it watches)."""
    tracemalloc.start()
    result = load_story(folder)
    playtest(result.story, runs=10, seed=1, max_steps=50)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        small = measure(100, Path(tmp))
        large = measure(5000, Path(tmp))
        peak = peak_memory(Path(tmp) / "story_5000")
    print(f"{'scenes':>7} {'YAML MB':>8} {'raw parse s':>12} {'load+check s':>13} {'ratio':>6} {'machine s':>10} {'µs/step':>8}")
    for row in (small, large):
        print(f"{row['scenes']:>7} {row['bytes'] / 1e6:>8.2f} {row['parse']:>12.4f} {row['load']:>13.4f} "
              f"{row['load'] / row['parse']:>6.2f} {row['build']:>10.4f} {row['step_us']:>8.1f}")
    load_ratio = large["load"] / large["parse"]
    step_ratio = large["step_us"] / small["step_us"]
    steps_per_second = 1e6 / large["step_us"]
    print(f"load+check / raw parse at 5,000 scenes: {load_ratio:.2f} (target <= {TARGETS['load_ratio']})")
    print(f"step time 5,000 vs 100 scenes: {step_ratio:.2f} (target <= {TARGETS['step_ratio']})")
    print(f"steps per second at 5,000 scenes: {steps_per_second:,.0f} (target >= {TARGETS['steps_per_second']:,})")
    print(f"peak traced memory, loading and playing the 5,000-scene story: {peak / 1e6:.1f} MB")
    print(f"medians of {REPEATS} repeats; Python {sys.version.split()[0]}, LibYAML {yaml.__with_libyaml__}")
    met = load_ratio <= TARGETS["load_ratio"] and step_ratio <= TARGETS["step_ratio"] and steps_per_second >= TARGETS["steps_per_second"]
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
