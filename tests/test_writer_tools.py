"""The writer's commands: `new` makes a story that passes `check --strict`, `stats` counts it,
`shot` takes STORY_DIR like the others, and a mistyped command is called one."""

from __future__ import annotations

import json

import pygame
import pytest

from game.cli import main
from game.engine import load_story
from tests.conftest import FIXTURES, ROOT

LANE = str(FIXTURES / "stories" / "lane")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_makes_a_story_that_passes_check_strict(capsys, tmp_path):
    folder = tmp_path / "ferry"
    code, out, _ = run(capsys, "new", folder)
    assert code == 0 and "3 scenes and 2 endings" in out
    code, out, err = run(capsys, "check", folder, "--strict")
    assert code == 0, out + err
    story = load_story(folder).story
    assert len(story.scenes) == 3
    assert sorted(s.ending.id for s in story.scenes.values() if s.ending) == ["ferry", "shore"]
    assert any(c.condition is not None for s in story.scenes.values() for c in s.choices)


def test_new_stories_title_art_is_a_real_picture_the_title_screen_uses(capsys, tmp_path):
    folder = tmp_path / "ferry"
    run(capsys, "new", folder)
    art = pygame.image.load(str(folder / "assets" / "title.png"))
    assert art.get_size() == (1280, 720)
    story = load_story(folder).story
    assert story.asset_path("title.png") == folder / "assets" / "title.png"


def test_new_story_files_name_schemas_that_are_there(capsys, tmp_path):
    folder = tmp_path / "ferry"
    run(capsys, "new", folder)
    for name, schema in (("story.yaml", "story.schema.json"), ("scenes.yaml", "scene.schema.json")):
        first = (folder / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema=.schema/{schema}"
        assert (folder / ".schema" / schema).read_text(encoding="utf-8") == (ROOT / "docs" / "schema" / schema).read_text(encoding="utf-8")


@pytest.mark.parametrize("setup, message", [
    (lambda p: (p / "x.txt").write_text("mine"), "is not empty; give a new folder, or an empty one"),
    (lambda p: None, "is a file, not a folder"),
])
def test_new_refuses_a_folder_with_something_in_it_in_one_line(capsys, tmp_path, setup, message):
    folder = tmp_path / "mine"
    if message.startswith("is a file"):
        folder.write_text("a file")
    else:
        folder.mkdir()
        setup(folder)
    code, _, err = run(capsys, "new", folder)
    assert code == 2 and err.count("\n") == 1 and message in err
    assert not (folder / "story.yaml").exists() if folder.is_dir() else folder.read_text() == "a file"


def test_new_in_an_empty_folder_is_fine(capsys, tmp_path):
    assert run(capsys, "new", tmp_path)[0] == 0
    assert (tmp_path / "story.yaml").is_file()


def test_stats_counts_per_chapter_and_scene_with_the_formula(capsys):
    code, out, _ = run(capsys, "stats", "--format", "json")
    assert code == 0
    table = json.loads(out)
    assert table["formula"] == "minutes = words / 150 + 10 s a choice, reading every scene once"
    story = load_story(ROOT / "story").story
    assert table["story"]["scenes"] == len(story.scenes)
    assert [c["number"] for c in table["chapters"]] == [1, 2, 3]
    assert sum(c["words"] for c in table["chapters"]) == table["story"]["words"]
    assert sum(s["choices"] for s in table["scenes"]) == table["story"]["choices"] == sum(len(s.choices) for s in story.scenes.values())
    first = table["scenes"][0]
    assert first["minutes"] == round(first["words"] / 150 + first["choices"] * 10 / 60, 1)


def test_stats_text_names_every_scene_and_its_place(capsys):
    code, out, _ = run(capsys, "stats", LANE)
    assert code == 0 and "words / 150 + 10 s a choice" in out
    for scene_id in load_story(LANE).story.scenes:
        assert f"\n{scene_id} " in out
    assert "lane/shop.yaml:" in out


def test_stats_refuses_a_broken_story(capsys, make_story):
    folder = make_story("scenes:\n  start:\n    text: x\n")
    code, _, err = run(capsys, "stats", folder)
    assert code == 1 and "dead end" in err
