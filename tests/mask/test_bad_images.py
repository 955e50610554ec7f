"""Any file handed to the mask reader gets a one-line answer, never a crash or a hang."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from game import mask


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def cases():
    rng = np.random.default_rng(1)
    good = png(Image.fromarray(rng.integers(0, 255, (64, 64, 3), dtype=np.uint8)))
    yield "truncated", good[: len(good) // 2]
    yield "not an image", b"hello, this is text\n" * 20
    yield "empty", b""
    yield "greyscale", png(Image.new("L", (200, 150), 128))
    yield "alpha", png(Image.new("RGBA", (200, 150), (200, 100, 50, 0)))
    yield "palette", png(Image.new("P", (200, 150), 3))
    yield "16-bit", png(Image.new("I;16", (200, 150), 40000))
    yield "1x1", png(Image.new("RGB", (1, 1)))
    yield "20,000 px wide", png(Image.new("RGB", (20000, 12), (250, 240, 200)))
    yield "bomb", png(Image.new("1", (30000, 30000)))
    yield "random bytes", bytes(rng.integers(0, 256, 5000, dtype=np.uint8))
    header = png(Image.new("RGB", (300, 300), (200, 180, 150)))
    flipped = bytearray(header)
    for i in range(60, len(flipped), 97):
        flipped[i] ^= 0x5A
    yield "bit flips", bytes(flipped)


@pytest.mark.parametrize("name,data", list(cases()), ids=[n for n, _ in cases()])
def test_reader_answers_every_file(name, data):
    try:
        image = mask.decode_image(data, name)
    except mask.ImageError as exc:
        assert str(exc).startswith(name) and "\n" not in str(exc)
        return
    found = mask.read_code(image)
    assert found.payload is None and found.message.startswith("no code found")


def run(*args, timeout=60):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "game", "mask", *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_cli_refuses_fifos_devices_and_folders(tmp_path):
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero", str(tmp_path), str(tmp_path / "missing.png")):
        done = run("read", target, timeout=20)
        assert done.returncode == 1, done
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_cli_make_read_scramble_show(tmp_path):
    from game import paths

    face = paths.assets_dir() / "portraits" / "zhou.png"
    out = tmp_path / "mask.png"
    made = run("make", str(face), "--portrait", "--printer", "P-0000042", "--time", "2021-05-01T08:15", "--out", str(out))
    assert made.returncode == 0, made.stderr
    read = run("read", str(out))
    assert read.returncode == 0 and "P-0000042" in read.stdout and "2021-05-01 08:15" in read.stdout
    Image.open(out).convert("RGB").save(tmp_path / "mask.jpg", quality=60)
    assert "P-0000042" in run("read", str(tmp_path / "mask.jpg")).stdout
    scrambled = run("scramble", str(out), "--out", str(tmp_path / "s.png"))
    assert scrambled.returncode == 0 and "scrambled" in scrambled.stdout
    assert run("read", str(tmp_path / "s.png")).returncode == 1
    shown = run("show", str(out), "--out", str(tmp_path / "v.png"))
    assert shown.returncode == 0
    view = np.asarray(Image.open(tmp_path / "v.png"))
    assert view.shape[1] > 1000 and view.std() > 20


@pytest.mark.parametrize("args,what", [
    (("make", "x.png", "--printer", "abc", "--out", "y.png"), "--printer"),
    (("make", "x.png", "--printer", "1", "--out", "y.png", "--time", "yesterday"), "--time"),
    (("read",), "required"),
    (("show", "x.png", "--out", "/no/such/folder/v.png"), "no folder"),
    (("scramble", "x.png", "--out", "out.gif"), ".png"),
])
def test_cli_usage_errors_are_one_line(args, what):
    done = run(*args)
    assert done.returncode == 2
    assert what in done.stderr and done.stderr.count("\n") == 1
