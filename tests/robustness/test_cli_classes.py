"""Each class of hostile input of issue 10 (saves, the environment, shot's output, leftovers,
playtest's size), met through the real `python -m game` command: exit 1 or 2 (never 70), a
one-line error, no traceback, no hang. Stories and expressions are in the story campaigns."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from game.engine import Runner, SaveStore, load_story
from tests.conftest import FIXTURES, ROOT

LANE = FIXTURES / "stories" / "lane"
STAGED = FIXTURES / "stories" / "staged"
HANG_SECONDS = 60  # a bound for "never hangs", not a speed target


def face_value(*args, stdin: bytes = b"", env: dict | None = None, drop: tuple = (), timeout: float = HANG_SECONDS):
    """Run the real command; `env` adds variables, `drop` removes some."""
    environment = {k: v for k, v in os.environ.items() if k not in drop}
    environment.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)})
    environment.update(env or {})
    for name in drop:
        environment.pop(name, None)
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, env=environment, timeout=timeout, cwd=ROOT)


def text(stream: bytes) -> str:
    return stream.decode("utf-8", "backslashreplace")


def one_line_error(result, codes=(1, 2)) -> str:
    err = text(result.stderr)
    assert result.returncode in codes, (result.returncode, err)
    assert "Traceback" not in err and "internal error" not in err
    assert err.count("\n") == 1, err
    return err.strip()


# --- saves ----------------------------------------------------------------------------------

def good_save(story_dir: Path, folder: Path, slot: str = "1") -> dict:
    story = load_story(story_dir).story
    runner = Runner(story, seed=4)
    runner.choose(1)
    path = SaveStore(folder, story).write(slot, runner.state, {"scene_title": "x"})
    return json.loads(path.read_text())


def with_state(document: dict, **changes) -> bytes:
    document = json.loads(json.dumps(document))
    for key, value in changes.items():
        document["state"][key] = value
    return json.dumps(document).encode()


BROKEN = {
    "nan-seed": lambda d: with_state(d, seed="__X__").replace(b'"__X__"', b"NaN"),
    "infinity-variable": lambda d: json.dumps(d).replace('"trust": 50', '"trust": Infinity').encode(),
    "info-not-an-object": lambda d: json.dumps({**d, "info": [1, 2]}).encode(),
    "5000-digit-seed": lambda d: with_state(d, seed="__X__").replace(b'"__X__"', b"9" * 5000),
    "nested-100000-deep": lambda d: with_state(d, history="__X__").replace(b'"__X__"', b"[" * 100_000 + b"]" * 100_000),
    "wrong-version": lambda d: json.dumps({**d, "version": "1"}).encode(),
    "seed-of-the-wrong-type": lambda d: with_state(d, seed=[1]),
    "history-of-the-wrong-type": lambda d: with_state(d, history={"scene": "shop"}),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_save_given_to_load_is_one_line_exit_1(tmp_path, kind):
    document = good_save(LANE, tmp_path)
    (tmp_path / "5.json").write_bytes(BROKEN[kind](document))
    result = face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), "--load", "5", stdin=b"q\n")
    err = one_line_error(result, codes=(1,))
    assert err.startswith(f"face-value: cannot load: {tmp_path}/5.json: ")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_special_file_as_a_save_does_not_hang_load_or_l(tmp_path, kind):
    good_save(LANE, tmp_path, "1")
    odd = tmp_path / "5.json"
    os.mkfifo(odd) if kind == "fifo" else odd.symlink_to("/dev/zero")
    err = one_line_error(face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), "--load", "5"), codes=(1,))
    assert "cannot read the save" in err
    result = face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), stdin=b"l\nl 5\nq\n")
    out = text(result.stdout)
    assert result.returncode == 0 and "Traceback" not in text(result.stderr)
    assert "loaded slot 1" in out and "not loaded: " in out and "cannot read the save" in out


def test_l_loads_the_newest_good_slot_past_broken_ones(tmp_path):
    document = good_save(LANE, tmp_path, "1")
    for slot, kind in zip("6789", ["nan-seed", "info-not-an-object", "5000-digit-seed", "nested-100000-deep"]):
        broken = json.loads(json.dumps(document))
        broken["saved_at"] = "2999-01-01T00:00:00+00:00"
        (tmp_path / f"{slot}.json").write_bytes(BROKEN[kind](broken))
    result = face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), stdin=b"l\nq\n")
    assert result.returncode == 0 and "loaded slot 1" in text(result.stdout)


def test_l_with_only_broken_slots_names_them_rather_than_saying_there_are_none(tmp_path):
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    (tmp_path / "nan.json").write_text('{"format": "face-value-save", "version": 1, "seed": NaN}')
    result = face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), stdin=b"l\nq\n")
    assert result.returncode == 0
    assert "no save could be read (fifo, nan, zero: 'l SLOT' says why)" in text(result.stdout)
    assert "there are no saves yet" not in text(result.stdout)


def test_a_tampered_measure_is_clamped_with_a_note(tmp_path):
    document = good_save(STAGED, tmp_path)
    document["state"]["variables"]["compliance"] = 99999
    document["state"]["variables"]["owner_password"] = "x"
    document["state"]["stage"]["music"] = "/etc/shadow"
    (tmp_path / "1.json").write_text(json.dumps(document))
    result = face_value("play", "--text", str(STAGED), "--save-dir", str(tmp_path), "--load", "1", stdin=b"m\nq\n")
    err = text(result.stderr)
    assert result.returncode == 0 and "Traceback" not in err
    assert "face-value: note: 'compliance' was 99999, outside its range: now 100" in err
    assert "face-value: note: left out what this story does not have: owner_password" in err
    assert "face-value: note: the save's music is not a file of this story's assets: left out" in err
    assert "Compliance: 100 (0 to 100)" in text(result.stdout)


# --- the environment ------------------------------------------------------------------------

def _free_display() -> str:
    number = next(n for n in range(150, 400) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    return f":{number}"


@pytest.mark.parametrize("display", ["stale", "unset"])
def test_no_display_means_the_terminal_player(tmp_path, display):
    env = {"DISPLAY": _free_display()} if display == "stale" else {}
    result = face_value("play", str(LANE), "--save-dir", str(tmp_path), stdin=b"q\n", env=env,
                        drop=("SDL_VIDEODRIVER", "WAYLAND_DISPLAY") + (() if display == "stale" else ("DISPLAY",)))
    assert result.returncode == 0
    assert text(result.stderr).strip() == "face-value: no display found, so the game plays in the terminal (--text)"
    assert "== The Lane ==" in text(result.stdout)


STRICT = {"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}  # as under en_US.UTF-8: strict stdio


@pytest.mark.parametrize("locale", ["C", "C.UTF-8", "strict"])
def test_paths_and_input_that_are_not_utf8_never_crash(tmp_path, locale):
    env = STRICT if locale == "strict" else {"LC_ALL": locale}
    drop = () if locale == "strict" else ("PYTHONIOENCODING",)
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/l\xffane"))
    shutil.copytree(LANE, odd)
    for args in (["check", str(odd)], ["check", str(odd), "--format", "json"], ["playtest", str(odd), "--runs", "3"],
                 ["stats", str(odd)], ["new", os.fsdecode(os.fsencode(tmp_path) + b"/n\xffw")]):
        result = face_value(*args, env=env, drop=drop)
        assert result.returncode == 0, (args, text(result.stderr))
        assert b"l\xffane" in result.stdout or b"l\\udcffane" in result.stdout or args[0] == "new"
    missing = one_line_error(face_value("check", os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff"), env=env, drop=drop), codes=(2,))
    assert "no such story folder" in missing
    result = face_value("play", "--text", str(odd), "--save-dir", str(odd) + "-saves", stdin=b"\xff\xfe\n1\n\xc3\n", env=env, drop=drop)
    assert result.returncode == 0 and "Traceback" not in text(result.stderr), text(result.stderr)
    assert "type a number from 1 to" in text(result.stdout)


# --- shot's output --------------------------------------------------------------------------

@pytest.mark.parametrize("out, code, words", [
    ("/proc/x.png", 1, "cannot write /proc/x.png"),
    ("/dev/full", 2, "it is not a regular file"),
    ("{tmp}/no/such/folder/x.png", 2, "no folder"),
    ("{tmp}", 2, "it is a folder"),
])
def test_shot_into_a_place_it_cannot_write_is_one_line(tmp_path, out, code, words):
    out = out.format(tmp=tmp_path)
    err = one_line_error(face_value("shot", str(LANE), "--out", out), codes=(code,))
    assert words in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # never replaced by a file, even as root


def test_a_failed_shot_write_is_an_error_never_success(tmp_path, capsys, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("os.fsync", full)
    code = main(["shot", str(LANE), "--out", str(tmp_path / "x.png")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == f"face-value: error: cannot write {tmp_path / 'x.png'}: No space left on device\n"
    assert list(tmp_path.iterdir()) == []


# --- leftovers and playtest -----------------------------------------------------------------

def test_stale_temp_files_of_ours_are_removed_when_the_save_folder_opens(tmp_path):
    good_save(LANE, tmp_path, "1")
    old = time.time() - 3600
    for name in (".1.json.abcd1234.tmp", ".1.png.x_y9z8w7.tmp"):
        (tmp_path / name).write_bytes(b"{half")
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".2.json.fresh123.tmp").write_bytes(b"{being written")  # a writer still at work
    (tmp_path / "notes.tmp").write_bytes(b"not ours")
    os.utime(tmp_path / "notes.tmp", (old, old))
    result = face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), stdin=b"l\nq\n")
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".2.json.fresh123.tmp", "1.json", "notes.tmp"]


def test_playtest_runs_are_capped_and_say_so():
    err = one_line_error(face_value("playtest", str(LANE), "--runs", "100001"), codes=(2,))
    assert "at most 100,000 runs" in err
    assert "at most 100,000" in " ".join(text(face_value("playtest", "--help").stdout).split())


def test_ctrl_c_in_playtest_prints_the_runs_done(tmp_path):
    environment = {**os.environ, "SDL_VIDEODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "game", "playtest", "--runs", "100000"], cwd=ROOT, env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(6)  # long enough to be inside the runs (the story loads first); the runs take minutes
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=HANG_SECONDS)
    err = text(err)
    assert "Traceback" not in err
    done = int(err.split("interrupted after ")[1].split(" of ")[0].replace(",", ""))
    assert 0 < done < 100_000 and err.strip().endswith("of 100,000 runs; the figures below are for those runs")
    assert text(out).startswith(f"story: {done} runs, ")


@pytest.mark.parametrize("make", [lambda p: os.mkfifo(p), lambda p: p.symlink_to("/dev/zero"),
                                  lambda p: p.write_bytes(b"[" * 100_000), lambda p: p.write_bytes(b'{"format": NaN}')])
def test_a_broken_replay_file_is_one_line_exit_1(tmp_path, make):
    make(tmp_path / "r.json")
    err = one_line_error(face_value("play", "--text", str(LANE), "--save-dir", str(tmp_path), "--replay", str(tmp_path / "r.json")), codes=(1,))
    assert err.startswith(f"face-value: cannot replay: {tmp_path / 'r.json'}: ")
