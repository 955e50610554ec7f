"""Live-reload benchmark: reloading the bundled story mid-playthrough (load, check, carry the
state over), F5 in the window until the new frame is drawn, the cost of one --watch poll, and
idle CPU with --watch on."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGETS = {"reload_ms": 200.0, "f5_frame_ms": 200.0, "watch_idle_cpu_percent": 5.0}
REPEATS = 15
MOVES = 40


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def copy_of_story(scratch: Path) -> Path:
    """The bundled story in a scratch folder (its assets path made absolute), so it can be edited."""
    from game import paths
    folder = scratch / "story"
    shutil.copytree(paths.story_dir(), folder)
    meta = folder / "story.yaml"
    assets = (paths.story_dir() / "../assets").resolve()
    meta.write_text(meta.read_text(encoding="utf-8").replace("assets: ../assets", f"assets: {assets}"), encoding="utf-8")
    return folder


def played(runner, moves: int):
    for _ in range(moves):
        turn = runner.turn
        if turn.ending or not (turn.choices or turn.phase.value == "continuing"):
            break
        runner.choose(1) if turn.choices else runner.proceed()
    return runner


def edit_a_scene(folder: Path, round_: int) -> None:
    """What a writer does between reloads: change a sentence of the scene being played."""
    path = folder / "chapter1" / "morning.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("the rain has found", f"the rain (take {round_}) has found", 1) if round_ == 0
                    else text.replace(f"(take {round_ - 1})", f"(take {round_})", 1), encoding="utf-8")


def engine_reload(folder: Path) -> dict:
    from game.engine import Runner, load_story
    from game.engine.reload import reload_runner
    from game.live import LiveStory
    story = load_story(folder, "story").story
    runner = played(Runner(story, seed=1), MOVES)
    live = LiveStory(folder, "story")
    totals, cpus, loads, carries = [], [], [], []
    for round_ in range(REPEATS):
        edit_a_scene(folder, round_)
        began, cpu = time.perf_counter(), time.process_time()
        outcome = live.reload(runner)
        totals.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert outcome.ok and outcome.runner.state.scene == runner.state.scene, outcome.summary()
        began = time.perf_counter()
        fresh = load_story(folder, "story").story
        loads.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        reload_runner(runner, fresh)
        carries.append((time.perf_counter() - began) * 1000)
    return {
        "moves": len(runner.state.history), "scenes": len(story.scenes),
        "reload_p50": statistics.median(totals), "reload_p90": percentile(totals, 0.9), "reload_min": min(totals),
        "reload_cpu": statistics.median(cpus),
        "load_p50": statistics.median(loads), "carry_p50": statistics.median(carries),
    }


def window_f5(folder: Path, scratch: Path) -> dict:
    """F5 posted as a key event until the reloaded scene is on screen, at 1920x1080."""
    import pygame

    from game.engine import load_story
    from game.live import LiveStory
    from game.ui.app import App
    from game.ui.live import LiveTools
    from game.ui.screens.scene import SceneScreen
    story = load_story(folder, "story").story
    app = App(story, size=(1920, 1080), data_dir=scratch / "data", save_dir=scratch / "data" / "saves")
    tools = LiveTools.attach(app, LiveStory(folder, "story"))
    played(app.session.runner, MOVES)
    app.push(SceneScreen(app))
    for _ in range(10):
        app.step(block=False)
    times, cpus = [], []
    for round_ in range(REPEATS):
        edit_a_scene(folder, REPEATS + round_)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0))
        began, cpu = time.perf_counter(), time.process_time()
        app.step(block=False)  # dispatch F5, reload, lay out and draw the new frame
        times.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert tools.last.ok, tools.last.summary()
    app.close()
    return {"f5_p50": statistics.median(times), "f5_p90": percentile(times, 0.9), "f5_min": min(times), "f5_cpu": statistics.median(cpus)}


def watch_costs(folder: Path, scratch: Path) -> dict:
    """One poll's scan of the story files, and the CPU an idle window uses with --watch on."""
    from game.engine import load_story
    from game.live import LiveStory, story_files
    from game.ui.app import App
    from game.ui.live import LiveTools
    from game.ui.screens.title import TitleScreen
    began = time.perf_counter()
    for _ in range(200):
        story_files(folder)
    scan_us = (time.perf_counter() - began) / 200 * 1e6
    story = load_story(folder, "story").story
    app = App(story, size=(1280, 720), data_dir=scratch / "idle", save_dir=scratch / "idle" / "saves")
    LiveTools.attach(app, LiveStory(folder, "story", watch=True))
    app.push(TitleScreen(app))
    app.step(block=False)
    app.toast_text = ""
    cpu, wall = time.process_time(), time.monotonic()
    while time.monotonic() - wall < 5.0:
        app.step(block=True)
    idle = (time.process_time() - cpu) / (time.monotonic() - wall) * 100
    app.close()
    return {"scan_us": scan_us, "files": len(story_files(folder)), "idle_cpu": idle}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder = copy_of_story(scratch)
        engine = engine_reload(folder)
        window = window_f5(folder, scratch)
        watch = watch_costs(folder, scratch)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; wall-clock times grow with it, CPU times much less")
    print(f"reload of the bundled story ({engine['scenes']} scenes) after {engine['moves']} moves, {REPEATS} times, one file edited each time:")
    print(f"  reload wall p50 {engine['reload_p50']:.1f} ms, p90 {engine['reload_p90']:.1f} ms, min {engine['reload_min']:.1f} ms; "
          f"CPU p50 {engine['reload_cpu']:.1f} ms (target: CPU p50 < {TARGETS['reload_ms']:.0f} ms)")
    print(f"  of which load + check p50 {engine['load_p50']:.1f} ms, carrying the state over p50 {engine['carry_p50']:.1f} ms (wall)")
    print(f"F5 in the window to the new frame at 1920x1080: wall p50 {window['f5_p50']:.1f} ms, p90 {window['f5_p90']:.1f} ms, "
          f"min {window['f5_min']:.1f} ms; CPU p50 {window['f5_cpu']:.1f} ms (target: CPU p50 < {TARGETS['f5_frame_ms']:.0f} ms)")
    print(f"--watch: one poll scans {watch['files']} files in {watch['scan_us']:.0f} µs; idle CPU on the title with --watch {watch['idle_cpu']:.1f}% of a core (target < {TARGETS['watch_idle_cpu_percent']:.0f}%)")
    missed = [name for name, ok in (
        ("reload", engine["reload_cpu"] < TARGETS["reload_ms"]),
        ("F5 frame", window["f5_cpu"] < TARGETS["f5_frame_ms"]),
        ("watch idle CPU", watch["idle_cpu"] < TARGETS["watch_idle_cpu_percent"]),
    ) if not ok]
    print("targets met" if not missed else "TARGETS MISSED: " + ", ".join(missed))
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
