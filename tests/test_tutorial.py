"""The tutorial in docs/writing-stories.md is true: its story is what `new` makes, its change
checks clean, and its broken version gives the message the page shows."""

from __future__ import annotations

import re

from game.cli import main
from game.tools.newstory import SCENES_YAML, STORY_YAML
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "writing-stories.md").read_text(encoding="utf-8")
TUTORIAL = DOC[DOC.index("## Tutorial"):DOC.index("# Reference")]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", TUTORIAL, re.S)


def check(capsys, folder) -> tuple[int, str]:
    code = main(["check", str(folder)])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_tutorial_shows_the_files_new_makes():
    yaml_blocks = blocks("yaml")
    assert yaml_blocks[0] == STORY_YAML and yaml_blocks[1] == SCENES_YAML


def test_the_tutorial_change_checks_clean_and_its_mistake_reads_as_shown(capsys, tmp_path):
    folder = tmp_path / "ferry"
    assert main(["new", str(folder)]) == 0
    choice, scene = blocks("yaml")[2], blocks("yaml")[3]
    scenes = folder / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    anchor = "      - text: Walk home along the shore\n        goto: shore\n"
    scenes.write_text(text.replace(anchor, anchor + choice) + "\n" + scene, encoding="utf-8")
    code, out = check(capsys, folder)
    assert code == 0 and "0 errors" in out, out
    cafe = "      coins: coins - 2\n    goto: ferry\n"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(cafe, cafe.replace("    goto", "     goto")), encoding="utf-8")
    code, out = check(capsys, folder)
    shown = re.search(r"check again:\n\n```\n(.*?)\n```", TUTORIAL, re.S).group(1)
    assert code == 1 and out.splitlines()[0] == str(folder) + shown[len("ferry"):]
