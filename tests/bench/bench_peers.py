"""`make bench-peers`: Face Value against inkjs 2.4.0 on the same generated story (tests/support/
synth.py writes it as YAML and as ink), each side in fresh processes, interleaved (ours, ink, ...)."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Report, max_rss_mb, run_child  # noqa: E402

PEERS = ROOT / "build" / "peers"
SIZES = (100, 1000, 5000)
PAIRS = 3
STEPS = 10_000


def ours(folder: str, cache: str) -> None:
    """The Python side, in fresh processes like inkjs's: `check` compiles (load+check from the
    YAML, then the compiled entry is written, untimed); a second process loads the compiled
    story and builds the machine (what a player's start does), then plays random steps."""
    import random

    from game.engine import Runner, load_story
    from game.engine.loader import engine_version
    from game.engine.playtest import PlaytestReport, Start, _one_run
    if cache.startswith("compile:"):
        from game.engine import compiled
        began = time.process_time()
        result = load_story(Path(folder))
        check = time.process_time() - began
        compiled.save(Path(cache[8:]), result.story, result.problems, folder, engine_version(), compiled.fingerprint(Path(folder)))
        print(json.dumps({"check": check}))
        return
    from game.engine.loader import load_to_play
    began = time.process_time()
    result = load_to_play(Path(folder), folder, compiled=Path(cache))  # as `face-value play` loads
    story = result.story
    runner = Runner(story)
    load = time.process_time() - began
    rng, report = random.Random(7), PlaytestReport(scope=list(story.scenes))
    began = time.process_time()
    while report.steps < STEPS:
        _one_run(runner, rng, Start(), 200, report)
    play = time.process_time() - began
    print(json.dumps({"load": load, "steps_per_second": report.steps / play, "peak_mb": max_rss_mb()}))


def ink(story: Path) -> dict:
    out = subprocess.run(["node", str(Path(__file__).with_name("peers_ink.js")), str(PEERS), str(story), str(STEPS)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    if shutil.which("node") is None:
        print("bench-peers needs Node.js (https://nodejs.org, or 'apt-get install nodejs npm'); then 'make bench-peers' installs inkjs into build/peers")
        return 0
    if not (PEERS / "node_modules" / "inkjs").exists():
        print("inkjs is missing: run 'npm install --prefix build/peers inkjs@2.4.0' (make bench-peers does)")
        return 0
    from tests.support.synth import write_ink, write_story
    report = Report("peers: Face Value vs inkjs 2.4.0")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scenes in SIZES:
            folder = write_story(Path(tmp) / f"story_{scenes}", scenes)
            ink_file = write_ink(Path(tmp) / f"story_{scenes}.ink", scenes)
            cache = Path(tmp) / f"compiled_{scenes}"
            pairs = []
            for _ in range(PAIRS):
                checked = run_child(__file__, "--child", str(folder), f"compile:{cache}")
                ours_side = {**run_child(__file__, "--child", str(folder), str(cache)), **checked}
                pairs.append((ours_side, ink(ink_file)))
            med = lambda side, key: statistics.median(p[side][key] for p in pairs)  # noqa: E731
            rows[scenes] = {
                "check": med(0, "check") / med(1, "compile"), "load": med(0, "load") / med(1, "load"),
                "steps": med(0, "steps_per_second") / med(1, "steps_per_second"),
                "rss": (med(0, "peak_mb"), med(1, "peak_mb")),
                "raw": {k: (med(0, k), med(1, k2)) for k, k2 in (("check", "compile"), ("load", "load"), ("steps_per_second", "steps_per_second"))},
            }
            report.note(f"{scenes:,} scenes: ours {rows[scenes]['raw']} vs ink (CPU s; steps/s), medians of {PAIRS} fresh processes each")
    print()
    print(f"| | {' | '.join(f'{n:,} scenes' for n in SIZES)} |")
    print(f"|---|{'---|' * len(SIZES)}")
    print("| `check` vs ink compile (CPU s, ours/ink) | " + " | ".join(f"{rows[n]['check']:.2f}" for n in SIZES) + " |")
    print("| load: our compiled story + machine vs inkjs `new Story(json)` (CPU, ours/ink) | " + " | ".join(f"{rows[n]['load']:.2f}" for n in SIZES) + " |")
    print("| steps/s, our playtest loop vs an inkjs Continue/Choose loop | " + " | ".join(f"{rows[n]['steps']:.2f}x" for n in SIZES) + " |")
    print("| peak RSS (VmHWM), ours vs inkjs | " + " | ".join(f"{rows[n]['rss'][0]:.0f} vs {rows[n]['rss'][1]:.0f} MB" for n in SIZES) + " |")
    print()
    report.figure("load at 5,000 scenes, ours/inkjs", rows[5000]["load"], at_most=1.0)
    report.figure("steps per second at 5,000 scenes, ours/inkjs", rows[5000]["steps"], "x", at_least=3.0)
    return report.finish()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        ours(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
