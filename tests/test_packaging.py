"""An installed wheel finds its bundled story and assets from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Build the wheel and install it into a private folder (not the checkout)."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp / "dist"), str(ROOT)], check=True, capture_output=True)
    wheel = next((tmp / "dist").glob("face_value-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(tmp / "site"), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return wheel, tmp / "site", elsewhere


def run_installed(site, cwd, *args, stdin=""):
    env = dict(os.environ, PYTHONPATH=str(site), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_wheel_bundles_story_assets_and_the_console_script(installed):
    wheel, _, _ = installed
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert "game/_bundled/story/story.yaml" in names
    assert any(n.startswith("game/_bundled/assets/") for n in names)
    assert "face-value = game.cli:main" in entry_points


def test_installed_game_checks_and_plays_from_another_folder(installed):
    _, site, elsewhere = installed
    where = run_installed(site, elsewhere, "-c", "import game, game.paths; print(game.__file__); print(game.paths.story_dir())")
    module_file, story_dir = where.stdout.split()
    assert module_file.startswith(str(site)) and story_dir.startswith(str(site))
    check = run_installed(site, elsewhere, "-m", "game", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    # 1 and 2 in turn: chapter 3's own-mask inspection takes a row and a column, and 2 leaves it
    play = run_installed(site, elsewhere, "-m", "game", "play", "--text", "--save-dir", str(elsewhere / "saves"), stdin="1\n2\n" * 300)
    assert play.returncode == 0, play.stderr
    assert "*** Ending:" in play.stdout
    assert (elsewhere / "saves" / "autosave.json").is_file()
