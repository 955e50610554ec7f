"""Shared test setup: headless pygame, a private per-user data folder, story-writing helpers."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the real per-user folder."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("FACE_VALUE_DATA_DIR", str(folder))
    return folder


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text} into folder (text is dedented); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return folder


STORY_YAML = """
title: Test Story
start: start
variables:
  score: 0
  trust: 50
  met_guo: false
  name: "Lin"
"""


@pytest.fixture
def make_story(tmp_path):
    """make_story(scenes_yaml, story_yaml=STORY_YAML, **more_files) -> folder."""
    def make(scenes: str, story: str = STORY_YAML, **more: str) -> Path:
        files = {"story.yaml": story, "scenes.yaml": scenes}
        files.update({name.replace("__", "/") + ".yaml": text for name, text in more.items()})
        return write_files(tmp_path / "story", files)
    return make
