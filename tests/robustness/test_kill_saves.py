"""kill -9 during saving loses no slot, and the temp files it leaves are removed when the save
folder is next opened. Runs only in the long campaign (FACE_VALUE_FUZZ=long, `make fuzz`):
each kill starts a fresh Python process."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from game.engine import Runner, SaveStore, load_story
from tests.conftest import FIXTURES, ROOT

KILLS = 300
SLOTS = ("1", "2", "autosave")
WRITER = '''
import sys
from pathlib import Path
from game.engine import Runner, SaveStore, load_story

story = load_story(Path(sys.argv[1])).story
store = SaveStore(Path(sys.argv[2]), story)
runner = Runner(story, seed=int(sys.argv[3]))
print("ready", flush=True)
turn = 0
while True:
    turn += 1
    if runner.turn.choices:
        runner.choose(1 + turn % len(runner.turn.choices))
    elif runner.turn.phase.name == "CONTINUING":
        runner.proceed()
    else:
        runner.restart(seed=turn)
    store.write(("1", "2", "autosave")[turn % 3], runner.state, {"steps": turn}, thumbnail=b"\\x89PNG\\r\\n\\x1a\\n" + bytes(4000))
'''

pytestmark = pytest.mark.skipif(os.environ.get("FACE_VALUE_FUZZ") != "long", reason="the kill -9 loop runs in `make fuzz` only")


def test_kill_9_while_saving_loses_nothing_and_leaves_nothing(tmp_path):
    story_dir = FIXTURES / "stories" / "staged"
    story = load_story(story_dir).story
    folder = tmp_path / "saves"
    store = SaveStore(folder, story)
    for slot in SLOTS:
        store.write(slot, Runner(story, seed=1).state)
    rng = random.Random(int(os.environ.get("FACE_VALUE_FUZZ_SEED", "20261202")))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    left_behind = 0
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(story_dir), str(folder), str(kill)],
                                 stdout=subprocess.PIPE, env=env, cwd=ROOT)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        left_behind = max(left_behind, len([p for p in folder.iterdir() if p.name.endswith(".tmp")]))
    temps = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    lost = []
    for slot in SLOTS:
        try:
            SaveStore(folder, story).read(slot)
        except Exception as exc:  # noqa: BLE001 - any failure is a lost save
            lost.append(f"{slot}: {exc}")
    old = time.time() - 120  # a minute and more has passed: the temp files are stale now
    for path in temps:
        os.utime(path, (old, old))
    listed = SaveStore(folder, story).slots()
    remaining = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    print(f"\nkill -9 loop: {KILLS} kills during saves, {len(temps)} temp files left behind, "
          f"{len(remaining)} after reopening, {len(lost)} saves lost")
    assert lost == []
    assert {s.slot for s in listed if not s.error} == set(SLOTS)
    assert remaining == []
