"""The tutorial in docs/writing-stories.md, followed literally: every `face-value` command in
its `sh` blocks runs (in a temporary folder, as `face-value` would) and says what the page
shows; its story is what `new` makes; its edits check clean; its mistake reads as shown; the
map, explore and the terminal's debug view print what the page prints; a reload while playing
keeps the player where they are."""

from __future__ import annotations

import io
import re
import shlex

import pytest

from game.cli import main
from game.engine import load_story
from game.engine.runner import Runner
from game.live import LiveStory
from game.tools.newstory import SCENES_YAML, STORY_YAML
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "writing-stories.md").read_text(encoding="utf-8")
TUTORIAL = DOC[DOC.index("## Tutorial"):DOC.index("# Reference")]
STEPS = dict(re.findall(r"### (\d+)\. [^\n]*\n(.*?)(?=\n### \d+\. |\Z)", TUTORIAL, re.S))


def fenced(text: str) -> list[tuple[str, str]]:
    """(language, body) of each fenced block, in order."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)


def blocks(language: str, text: str = TUTORIAL) -> list[str]:
    return [body for lang, body in fenced(text) if lang == language]


def commands(step: str) -> list[list[str]]:
    """The face-value commands of a step's sh blocks, as argument lists."""
    found = []
    for block in blocks("sh", STEPS[step]):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == "face-value":
                found.append(words[1:])
    return found


def shown(step: str, after: str = "") -> str:
    """The first plain ``` block of a step (after the text `after`), without its last newline."""
    text = STEPS[step]
    return blocks("", text[text.index(after):] if after else text)[0].rstrip("\n")


@pytest.fixture
def here(tmp_path, monkeypatch):
    """A fresh folder to work in, as a writer's terminal would be."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, words: list[str], stdin: str = "", monkeypatch=None) -> tuple[int, str]:
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(words)
    out, err = capsys.readouterr()
    return code, out + err


def add_the_cafe(folder) -> None:
    """Step 4, as written: the choice after *Walk home along the shore*, the scene at the end."""
    choice, scene = blocks("yaml", STEPS["4"])
    scenes = folder / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    anchor = "      - text: Walk home along the shore\n        goto: shore\n"
    assert anchor in text
    scenes.write_text(text.replace(anchor, anchor + choice) + "\n" + scene, encoding="utf-8")


def test_the_tutorial_shows_the_files_new_makes():
    yaml_blocks = blocks("yaml", STEPS["2"])
    assert yaml_blocks[0] == STORY_YAML and yaml_blocks[1] == SCENES_YAML


def test_steps_1_to_3_make_play_check_and_count_the_story(capsys, here, monkeypatch):
    make, *_ = commands("1")
    assert make == ["new", "ferry"]
    code, out = run(capsys, make)
    assert code == 0 and (here / "ferry" / "assets" / "title.png").is_file()
    for folder in ("story.yaml", "scenes.yaml", ".schema", "README.md"):
        assert (here / "ferry" / folder).exists() and folder in shown("1")
    text_play = next(c for c in commands("1") if "--text" in c)
    code, out = run(capsys, text_play, "1\n2\n", monkeypatch)  # buy the ticket, then walk home
    assert code == 0 and shown("1", "reads:") in out and "*** Ending: The Long Way ***" in out
    check, stats = commands("3")
    code, out = run(capsys, check)
    assert code == 0 and out == "ferry: 0 errors, 0 warnings (3 scenes, 46 words, 2 endings)\n"
    code, out = run(capsys, stats)
    assert code == 0 and "harbour" in out and "2 endings" in out


def test_step_4_checks_clean_and_step_5s_mistake_reads_as_shown(capsys, here):
    run(capsys, ["new", "ferry"])
    add_the_cafe(here / "ferry")
    code, out = run(capsys, ["check", "ferry"])
    assert code == 0 and "0 errors" in out, out
    scenes = here / "ferry" / "scenes.yaml"
    cafe = "      coins: coins - 2\n    goto: ferry\n"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(cafe, cafe.replace("    goto", "     goto")), encoding="utf-8")
    code, out = run(capsys, ["check", "ferry"])
    message = re.search(r"check again:\n\n```\n(.*?)\n```", STEPS["5"], re.S).group(1)
    assert code == 1 and out.splitlines()[0] == message


def test_steps_6_and_7_map_and_prove_the_story(capsys, here):
    run(capsys, ["new", "ferry"])
    add_the_cafe(here / "ferry")
    [graph] = commands("6")
    code, out = run(capsys, graph)
    assert code == 0 and out.strip() == shown("6")
    page = (here / "ferry.html").read_text(encoding="utf-8")
    assert page.count('<g class="scene') == 4 and "class=\"link choice if\"" in page
    [explore] = commands("7")
    code, out = run(capsys, explore)
    timing = re.compile(r" in \d+\.\d+ s \([\d,]+ states/s\)")
    assert code == 0 and timing.sub("", out).startswith(shown("7") + "\n"), out

    scenes = here / "ferry" / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace("if: coins >= 2", "if: coins >= 5"), encoding="utf-8")
    code, out = run(capsys, explore)
    assert shown("7", "can never be reached") in out
    code, out = run(capsys, ["check", "ferry"])
    assert shown("7", "warns too") in out.splitlines()


def test_step_8_tests_from_the_middle_and_reloads_in_place(capsys, here, monkeypatch):
    run(capsys, ["new", "ferry"])
    add_the_cafe(here / "ferry")
    watch, middle = commands("8")
    assert watch == ["play", "ferry", "--watch"]
    code, out = run(capsys, middle, "d\n\n", monkeypatch)
    assert code == 0 and shown("8", "(`--text`)") in out and "*** Ending: Across the Water ***" in out

    # --watch in the window (and F5) reload through LiveStory: edit the harbour while a player
    # stands in it with a ticket, and they stay there, with their coins and ticket
    story = load_story(here / "ferry", "ferry").story
    runner = Runner(story)
    runner.choose(1)  # buy the ticket
    live = LiveStory(here / "ferry", "ferry", watch=True)
    scenes = here / "ferry" / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace("The ticket is damp", "The ticket is soaked"), encoding="utf-8")
    assert live.changed()
    reload = live.reload(runner)
    assert reload.ok, reload.summary()
    turn = reload.runner.turn
    assert turn.scene.id == "harbour" and reload.runner.state.variables == {"coins": 2, "ticket": True}
    assert "The ticket is soaked in your hand." in turn.paragraphs
