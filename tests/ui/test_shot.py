"""`face-value shot` renders a scene headless into a PNG of the asked size that is not blank."""

from __future__ import annotations

import os
import subprocess
import sys

import pygame
import pytest

from tests.conftest import FIXTURES, ROOT

STAGED = str(FIXTURES / "stories" / "staged")


def shot(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", "shot", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("size, settings", [("1280x720", []), ("1024x600", ["--settings", "theme=high_contrast", "--settings", "text_size=4"])])
def test_shot_writes_a_png_of_the_size_that_is_not_blank(tmp_path, size, settings):
    out = tmp_path / "zhou.png"
    result = shot("--story", STAGED, "zhou_visit", "--out", str(out), "--size", size, "--set", "compliance=80", *settings)
    assert result.returncode == 0, result.stderr
    image = pygame.image.load(str(out))
    assert image.get_size() == tuple(int(n) for n in size.split("x"))
    colours = {tuple(image.get_at((x, y))) for x in range(0, image.get_width(), 7) for y in range(0, image.get_height(), 7)}
    assert len(colours) > 50


@pytest.mark.parametrize("args, message", [
    (["nowhere", "--out", "x.png"], "no scene 'nowhere'"),
    (["shop", "--out", "x.png", "--size", "huge"], "not a size like 1280x720"),
    (["shop", "--out", "x.png", "--set", "compliance=lots"], "compliance holds a whole number"),
    (["shop", "--out", "x.png", "--set", "compliance=300"], "outside 0..100"),
    (["shop", "--out", "x.png", "--settings", "theme=pink"], "'pink' is not a valid value for theme"),
    (["shop", "--out", "/no/such/dir/x.png"], "no folder /no/such/dir"),
])
def test_shot_bad_arguments_are_one_line_errors(args, message):
    result = shot("--story", STAGED, *args)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_shot_takes_the_story_folder_first_like_every_command(tmp_path):
    out = tmp_path / "zhou.png"
    result = shot(STAGED, "--scene", "zhou_visit", "--out", str(out), "--size", "640x360")
    assert result.returncode == 0, result.stderr
    assert pygame.image.load(str(out)).get_size() == (640, 360)


@pytest.mark.parametrize("args, message", [
    ([STAGED, "--scene", "nowhere"], "no scene 'nowhere' in"),
    ([STAGED, "--story", STAGED], "give the story folder once"),
])
def test_shot_story_folder_errors_are_one_line(args, message):
    result = shot(*args, "--out", "x.png")
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1
