"""Before/after of an optimisation, paired in one run: the same probe runs in a fresh process on a
checkout of REF (before) and on this tree (after), interleaved B A B A ..., 7 pairs.

    python tests/bench/before_after.py main cli-version cli-help undo restore transcript load step
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PAIRS = 7
CACHE = Path(tempfile.gettempdir()) / "face-value-bench-stories"


def probe(name: str) -> float:
    """One figure, in ms of CPU, measured inside this process on whichever `game` is importable."""
    if name in ("cli-version", "cli-help"):
        raise SystemExit("cli probes run the command itself")
    import gc

    from game.engine import Runner, load_story
    sys.path.insert(0, str(ROOT))
    from tests.support.synth import write_story

    scenes = 5000 if name != "step-100" else 100
    folder = CACHE / f"story_{scenes}"
    if not folder.exists():
        write_story(folder, scenes)
    if name == "load":
        gc.disable()
        began = time.process_time()
        load_story(folder)
        return (time.process_time() - began) * 1000
    story = load_story(folder).story
    runner = Runner(story)
    if name.startswith("step"):
        from game.engine.playtest import PlaytestReport, Start, _one_run
        rng, report = random.Random(7), PlaytestReport(scope=list(story.scenes))
        began = time.process_time()
        for _ in range(150):
            _one_run(runner, rng, Start(), 200, report)
        return (time.process_time() - began) * 1e6 / report.steps  # µs per step
    rng = random.Random(3)
    runner.restart(seed=3)
    while len(runner.state.history) < 1000:
        turn = runner.turn
        onward = [c for c in turn.choices if not story.scenes[turn.scene.choices[c.index].goto].ending]
        runner.choose(rng.choice(onward).number)
    if name == "undo":
        began = time.process_time()
        for _ in range(10):
            runner.undo()
        return (time.process_time() - began) * 100
    if name == "restore":
        from game.engine.saves import _state_from_json
        state = _state_from_json(json.loads(json.dumps(runner.state.to_json())), story, [])
        began = time.process_time()
        runner.restore(state)
        return (time.process_time() - began) * 1000
    if name == "transcript":
        began = time.process_time()
        runner.transcript()
        return (time.process_time() - began) * 1000
    raise SystemExit(f"no probe {name}")


def measure(tree: Path, name: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if name.startswith("cli-"):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "game", "--" + name[4:]], cwd=tree, env=env, capture_output=True, check=True)
        return (time.perf_counter() - began) * 1000
    out = subprocess.run([sys.executable, __file__, "--probe", name], cwd=tree, env=env, capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def main(ref: str, names: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "before"
        before.mkdir()
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive, check=True)
        print(f"before = {ref}, after = this tree; load average {os.getloadavg()[0]:.2f}; {PAIRS} pairs, fresh processes")
        print(f"{'figure':>12} {'before median':>14} {'after median':>13} {'(min-max before / after)':>30}")
        for name in names:
            pairs = [(measure(before, name), measure(ROOT, name)) for _ in range(PAIRS)]
            b, a = [p[0] for p in pairs], [p[1] for p in pairs]
            unit = "µs/step" if name.startswith("step") else ("ms wall" if name.startswith("cli") else "ms CPU")
            print(f"{name:>12} {statistics.median(b):>10.2f} {statistics.median(a):>10.2f}  {unit}  "
                  f"({min(b):.2f}-{max(b):.2f} / {min(a):.2f}-{max(a):.2f})", flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--probe":
        print(probe(sys.argv[2]))
    else:
        sys.exit(main(sys.argv[1], sys.argv[2:]))
