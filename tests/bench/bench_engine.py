"""Engine benchmark, every figure paired and interleaved (see harness.py): load+check against a raw
YAML parse, step time at 100 and 5,000 scenes, undo, restore and transcript at 1,000 moves, peak
RSS of a fresh process, and `face-value --version` / `--help` start-up."""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import PAIRS, Report, Sample, max_rss_mb, paired, repeated, run_child  # noqa: E402

from game.engine import Runner, load_story  # noqa: E402
from game.engine.loader import load_to_play  # noqa: E402
from game.engine.playtest import PlaytestReport, Start, _one_run  # noqa: E402
from game.engine.saves import _state_from_json  # noqa: E402
from tests.support.synth import write_confined_story, write_story  # noqa: E402

TARGETS = {
    "load_ratio": 1.3, "step_ratio": 1.2, "rss_above_mb": 50, "restore_ms": 15, "transcript_ms": 15,
    "undo_ms": 1.0, "cli_ms": 50,
}
MOVES = 1000
STEP_RUNS = 150  # random playthroughs per timed run (up to 200 steps each)


def raw_parse(folder: Path) -> None:
    for path in sorted(folder.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def loaded(folder: Path):
    result = load_story(folder)
    assert result.ok, [str(p) for p in result.problems.errors][:5]
    return result.story


def loaded_to_play(folder: Path):
    """As `face-value play` loads (loader.load_to_play: the story leaves the collector's scans)."""
    result = load_to_play(folder)
    assert result.ok, [str(p) for p in result.problems.errors][:5]
    return result.story


def random_play(runner: Runner, runs: int = STEP_RUNS) -> int:
    """The playtest loop (the same seeds every time, so every timed run makes the same steps)."""
    rng = random.Random(7)
    report = PlaytestReport(scope=list(runner.story.scenes))
    for _ in range(runs):
        _one_run(runner, rng, Start(), 200, report)
    return report.steps


def long_playthrough(runner: Runner, moves: int = MOVES, seed: int = 3) -> None:
    """Play `moves` moves, never into an ending: a random choice among those that lead on."""
    rng = random.Random(seed)
    runner.restart(seed=seed)
    story = runner.story
    while len(runner.state.history) < moves:
        turn = runner.turn
        onward = [c for c in turn.choices if not story.scenes[turn.scene.choices[c.index].goto].ending]
        runner.choose(rng.choice(onward).number)


def each_timed(setup, action, times: int = PAIRS * 3) -> Sample:
    """CPU and wall time of `action` alone (after an untimed `setup`), `times` times."""
    sample = Sample()
    for _ in range(times):
        setup()
        cpu, wall = time.process_time(), time.perf_counter()
        action()
        sample.add(time.process_time() - cpu, time.perf_counter() - wall)
    return sample


def load_figures(report: Report, folders: dict) -> None:
    for scenes, folder in folders.items():
        size = sum(p.stat().st_size for p in folder.rglob("*.yaml")) / 1e6
        pair = paired(lambda: raw_parse(folder), lambda: load_story(folder))
        report.note(f"{scenes:,} scenes ({size:.2f} MB of YAML), GC paused on both sides:")
        report.note(f"  raw yaml.load (CSafeLoader): {pair.a.line()}")
        report.note(f"  load_story (load + check):   {pair.b.line()}")
        target = TARGETS["load_ratio"] if scenes == 5000 else None
        report.figure(f"load+check / raw parse at {scenes:,} scenes (CPU, median of pair ratios)", pair.ratio,
                      at_most=target, detail=f"wall {pair.wall_ratio:.2f}")
    cache = Path(tempfile.mkdtemp(prefix="face-value-compiled-"))
    big = folders[5000]
    load_story(big, compiled=cache)  # writes the entry
    warm = paired(lambda: raw_parse(big), lambda: load_story(big, compiled=cache))
    report.note(f"  compiled story (game/engine/compiled.py), 5,000 scenes: {warm.b.line()}")
    report.figure("compiled load at 5,000 scenes (CPU ms, median)", warm.b.median_cpu * 1000, " ms",
                  detail=f"{warm.ratio:.2f}x the raw YAML parse")


def step_figures(report: Report, small, large, confined) -> None:
    runners = {scenes: Runner(story) for scenes, story in ((100, small), (5000, large))}
    steps = {scenes: random_play(r) for scenes, r in runners.items()}
    pair = paired(lambda: random_play(runners[100]), lambda: random_play(runners[5000]), gc_enabled=True)
    per_step = {100: pair.a.median_cpu / steps[100] * 1e6, 5000: pair.b.median_cpu / steps[5000] * 1e6}
    ratio = pair.ratio * steps[100] / steps[5000]
    report.note(f"random play, {steps[100]:,} steps at 100 scenes: {pair.a.line()}")
    report.note(f"random play, {steps[5000]:,} steps at 5,000 scenes: {pair.b.line()}")
    report.figure("µs per step at 100 scenes (CPU)", per_step[100])
    report.figure("µs per step at 5,000 scenes (CPU)", per_step[5000])
    report.figure("steps per second at 5,000 scenes (CPU)", 1e6 / per_step[5000])
    report.figure("step time 5,000 vs 100 scenes (median of pair ratios)", ratio, at_most=TARGETS["step_ratio"])
    build = repeated(lambda: Runner(large))
    report.note(f"building a Runner (the transitions machine) at 5,000 scenes: {build.line()}")
    walled = Runner(confined)
    assert random_play(walled) == steps[100], "the confined story no longer plays the small story's steps"
    inside = paired(lambda: random_play(runners[100]), lambda: random_play(walled), gc_enabled=True)
    report.note(f"a 5,000-scene story whose play can reach only 100 scenes (the 100-scene story's): {inside.b.line()}")
    report.figure("step time, 5,000 scenes of which play reaches 100, vs 100 scenes (for reference)", inside.ratio)
    bare = {scenes: bare_machine(scenes) for scenes in (100, 5000)}
    floor = paired(lambda: bare_walk(bare[100]), lambda: bare_walk(bare[5000]), gc_enabled=True)
    report.note(f"transitions alone (a bare Machine of the same shape, nothing of Face Value; {BARE_STEPS:,} "
                f"random triggers): 100 states {floor.a.line(1e6 / BARE_STEPS, 'µs')}; 5,000 states {floor.b.line(1e6 / BARE_STEPS, 'µs')}")
    report.figure("step time 5,000 vs 100 states, transitions alone (for reference)", floor.ratio)


BARE_STEPS = 30_000


def bare_machine(states: int):
    """A transitions Machine with `states` states and three guarded transitions out of each, as
    the synthetic story has, and nothing else: what its trigger costs as the machine grows."""
    from transitions import Machine

    class Model:
        pass

    rng = random.Random(1)
    model = Model()
    machine = Machine(model=model, states=[f"s{i}" for i in range(states)], initial="s0",
                      auto_transitions=False, send_event=True)
    for i in range(states):
        for k, target in enumerate([(i + 1) % states, rng.randrange(states), rng.randrange(states)]):
            machine.add_transition(f"choose_{k}", f"s{i}", f"s{target}", conditions=[lambda event: True])
    return model


def bare_walk(model) -> None:
    rng = random.Random(7)
    triggers = [getattr(model, f"choose_{k}") for k in range(3)]
    for _ in range(BARE_STEPS):
        triggers[rng.randrange(3)]()


def history_figures(report: Report, story) -> None:
    runner = Runner(story)
    long_playthrough(runner)
    saved = json.loads(json.dumps(runner.state.to_json()))
    last = runner.state.history[-1]
    report.note(f"a playthrough of {len(runner.state.history):,} moves on the 5,000-scene story")

    def redo():
        if len(runner.state.history) < MOVES:
            runner.choose(next(c.number for c in runner.turn.choices if c.index == last.choice))

    undo = each_timed(redo, runner.undo)
    report.note(f"  undo one move: {undo.line(1000, 'ms')}")
    report.figure(f"undo at {MOVES:,} moves (CPU ms, median)", undo.median_cpu * 1000, " ms", at_most=TARGETS["undo_ms"])
    states = []
    restore = each_timed(lambda: states.append(_state_from_json(saved, story, [])), lambda: runner.restore(states[-1]))
    assert len(runner.state.history) == MOVES, "the save's history no longer replayed"
    report.note(f"  restore a save: {restore.line(1000, 'ms')}")
    report.figure(f"restore a save at {MOVES:,} moves (CPU ms, median)", restore.median_cpu * 1000, " ms", at_most=TARGETS["restore_ms"])
    transcript = each_timed(lambda: None, runner.transcript)
    report.note(f"  transcript(): {transcript.line(1000, 'ms')}")
    report.figure(f"transcript() at {MOVES:,} moves (CPU ms, median)", transcript.median_cpu * 1000, " ms", at_most=TARGETS["transcript_ms"])


def rss_figures(report: Report, folder: Path) -> None:
    """Peak RSS of a fresh process that loads and plays the story, against one that only imports
    the engine (a peak is a whole-process figure, so each is its own process)."""
    base, played = [], []
    for _ in range(3):
        base.append(run_child(__file__, "--child", "rss-base")["peak_mb"])
        played.append(run_child(__file__, "--child", "rss-play", str(folder))["peak_mb"])
    base_mb, played_mb = sorted(base)[1], sorted(played)[1]
    report.note(f"peak RSS: interpreter with the engine imported {base_mb:.1f} MB; after loading and playing 5,000 scenes {played_mb:.1f} MB (medians of 3 fresh processes)")
    report.figure("peak RSS above the interpreter's own, 5,000 scenes", played_mb - base_mb, " MB", at_most=TARGETS["rss_above_mb"])


def cli_figures(report: Report) -> None:
    """Start-up of `face-value --version` and `--help` in fresh processes, beside `python -c pass`."""
    for flag in ("--version", "--help"):
        command = [sys.executable, "-m", "game", flag]
        empty = [sys.executable, "-c", "pass"]
        pair = paired(lambda: _child_run(empty), lambda: _child_run(command), gc_enabled=True, warmup=True)
        cpu = _child_cpu(command)
        walls = "/".join(f"{v * 1000:.1f}" for v in (min(pair.b.wall), pair.b.median_wall, max(pair.b.wall)))
        report.note(f"python -c pass: wall {pair.a.median_wall * 1000:.1f} ms; face-value {flag}: wall {walls} ms (min/median/max of {len(pair.b.wall)})")
        report.figure(f"face-value {flag} (wall ms, median)", pair.b.median_wall * 1000, " ms", at_most=TARGETS["cli_ms"],
                      detail=f"child CPU {cpu:.1f} ms")


def _child_run(command: list[str]) -> None:
    subprocess.run(command, capture_output=True, check=True, cwd=ROOT)


def _child_cpu(command: list[str], times: int = PAIRS) -> float:
    samples = []
    for _ in range(times):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        _child_run(command)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        samples.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return sorted(samples)[len(samples) // 2]


def child(mode: str, folder: str | None) -> None:
    if mode == "rss-play":
        story = loaded(Path(folder))
        random_play(Runner(story), runs=10)
    print(json.dumps({"peak_mb": max_rss_mb()}))


def main(only: set[str]) -> int:
    report = Report("engine")
    with tempfile.TemporaryDirectory() as tmp:
        folders = {n: write_story(Path(tmp) / f"story_{n}", n) for n in (100, 5000)}
        confined = write_confined_story(Path(tmp) / "story_confined", 5000, 100)
        sections = {
            "load": lambda: load_figures(report, folders),
            "step": lambda: step_figures(report, loaded_to_play(folders[100]), loaded_to_play(folders[5000]), loaded_to_play(confined)),
            "history": lambda: history_figures(report, loaded_to_play(folders[5000])),
            "rss": lambda: rss_figures(report, folders[5000]),
            "cli": lambda: cli_figures(report),
        }
        for name, section in sections.items():
            if only and name not in only:
                continue
            try:
                section()
            except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others
                report.figure(f"{name} section failed: {type(exc).__name__}: {exc}", 1, at_most=0)
    report.note(f"Python {sys.version.split()[0]}, LibYAML {yaml.__with_libyaml__}")
    return report.finish()


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        sys.exit(main(set(sys.argv[1:])))
