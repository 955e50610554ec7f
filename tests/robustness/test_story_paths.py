"""A story folder's files are read only when they are plain files inside it, and asset names
lead only to files inside the assets folder; nothing hangs and nothing outside is probed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.engine import load_story
from game.engine.assets import MAX_NAME, resolve_inside
from game.engine.model import Story
from tests.conftest import ROOT, write_files

STORY = "title: Paths\nstart: a\nvariables: {}\n"
SCENES = "scenes:\n  a:\n    text: Hi.\n    ending: {id: e, title: E}\n"


def test_files_that_are_not_plain_files_in_the_folder_are_located_errors_and_never_hang(tmp_path):
    folder = write_files(tmp_path / "story", {"story.yaml": STORY, "scenes.yaml": SCENES})
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "passwd.yaml").symlink_to("/etc/passwd")
    (folder / "folder.yaml").mkdir()
    (folder / "inside.yaml").symlink_to(folder / "b.scene")  # a link inside the folder is fine
    (folder / "b.scene").write_text("scenes:\n  b:\n    text: B.\n    ending: {id: e, title: E}\n")
    done = subprocess.run([sys.executable, "-m", "game", "check", "story"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    expected = [
        "story/fifo.yaml: error: cannot read this file: it is not a regular file",
        "story/folder.yaml: error: this is a folder, not a scene file (scene files are plain .yaml files",
        "story/passwd.yaml: error: cannot read this file: the path leads outside its folder (story files are plain files inside the story folder)",
        "story/zero.yaml: error: cannot read this file: the path leads outside its folder (story files are plain files inside the story folder)",
    ]
    assert len(lines) == 5 and all(line.startswith(start) for line, start in zip(lines, expected)), lines
    assert not any("inside.yaml" in line for line in lines)
    assert done.stderr == ""


@pytest.mark.parametrize("make", ["fifo", "dev-zero", "folder", "outside"])
def test_a_story_yaml_that_is_not_a_plain_file_is_one_error(tmp_path, make):
    folder = write_files(tmp_path / "story", {"scenes.yaml": SCENES})
    path = folder / "story.yaml"
    if make == "fifo":
        os.mkfifo(path)
    elif make == "dev-zero":
        path.symlink_to("/dev/zero")
    elif make == "folder":
        path.mkdir()
    else:
        (tmp_path / "elsewhere.yaml").write_text(STORY)
        path.symlink_to(tmp_path / "elsewhere.yaml")
    problems = [str(p) for p in load_story(folder, "story").problems]
    assert len(problems) == 1 and problems[0].startswith("story/story.yaml: error: cannot read this file: "), problems


def asset_story(tmp_path, name: str):
    folder = write_files(tmp_path / "story", {"story.yaml": STORY, "scenes.yaml": (
        "scenes:\n  a:\n    text: Hi.\n    background: " + name + "\n    ending: {id: e, title: E}\n")})
    (folder / "assets" / "backgrounds").mkdir(parents=True)
    return folder


def asset_problems(tmp_path, name: str) -> list[str]:
    return [str(p) for p in load_story(asset_story(tmp_path, name), "story").problems]


@pytest.mark.parametrize("name", ['"' + "x" * 300 + '"', '"a\\0b"', '"../../../../etc/passwd.png"', '"/etc/passwd.png"', '"backgrounds/../../x.png"', '"C:/x.png"'])
def test_asset_names_that_would_leave_the_assets_folder_are_refused(tmp_path, name):
    found = asset_problems(tmp_path, name)
    assert len(found) == 1 and "is not a file name inside the assets folder" in found[0], found
    assert found[0].startswith("story/scenes.yaml:4:17: error: ")


def test_check_says_the_same_for_an_outside_file_that_exists_and_one_that_does_not(tmp_path):
    real = tmp_path / "outside" / "real.png"
    real.parent.mkdir()
    real.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    for number, prefix in enumerate(("../../outside/", str(tmp_path / "outside") + "/")):
        there = asset_problems(tmp_path / f"a{number}", f'"{prefix}real.png"')
        missing = asset_problems(tmp_path / f"b{number}", f'"{prefix}fake.png"')
        assert [p.replace("real", "NAME") for p in there] == [p.replace("fake", "NAME") for p in missing]


def test_resolve_inside_refuses_every_name_that_is_not_a_plain_path_under_the_root(tmp_path):
    (tmp_path / "music").mkdir()
    (tmp_path / "music" / "out.ogg").symlink_to("/etc/hostname")
    assert resolve_inside(tmp_path, "music/theme.ogg") == tmp_path / "music" / "theme.ogg"  # existence is not its business
    for name in ["", "/etc/shadow", "../x.ogg", "music/../../x", "music//x.ogg", "./x", "a\x00b", "a\\b", "x" * (MAX_NAME + 1),
                 "a/" + "b" * 256, "\ud800.ogg", "C:/x", "music/out.ogg", None, 5, ["music/x.ogg"]]:
        assert resolve_inside(tmp_path, name) is None, name
    assert resolve_inside(None, "music/theme.ogg") is None


def test_a_stage_value_from_a_save_cannot_name_a_file_outside_the_assets_folder(tmp_path):
    story = Story("s", "S", "a", tmp_path, assets=tmp_path / "assets")
    assert story.asset_path("music/theme.ogg") == tmp_path / "assets" / "music" / "theme.ogg"
    assert story.asset_path("/etc/shadow") is None
    assert story.asset_path("../../../../etc/shadow") is None
    assert story.asset_path(None) is None


def test_an_assets_key_the_system_cannot_use_is_a_located_error(tmp_path):
    for name in ['"a\\0b"', '"' + "x" * 300 + '"', '"' + "y" * 2000 + '"']:
        folder = write_files(tmp_path / str(len(name)), {"story.yaml": STORY + f"assets: {name}\n", "scenes.yaml": SCENES})
        found = [str(p) for p in load_story(folder, "story").problems]
        assert len(found) == 1 and found[0].startswith("story/story.yaml:4:9: error: "), found


def test_the_bundled_story_loads_from_its_own_folder_only():
    result = load_story(ROOT / "story", "story")
    assert result.ok and result.story.assets == (ROOT / "assets").resolve()
