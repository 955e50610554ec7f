"""check's deeper warnings (game/engine/lint.py): each at the place to fix, with a hint, and
none on the bundled story or on what `new` makes."""

from __future__ import annotations

import builtins
import re

import pytest

from game.cli import main
from game.engine import load_story
from game.engine.lint import lint
from tests.conftest import ROOT

STORY = """
title: Deeper
start: harbour
variables:
  coins: 4
  ticket: false
  spare: 7          # nothing reads it
  fare: 2           # read, never set
  docked: false
"""

SCENES = """
scenes:
  harbour:
    text: "You have {coins} coins."
    background: harbour
    choices:
      - text: Buy a ticket
        goto: harbour
        if: not ticket and coins >= fare
        set: {ticket: true, coins: coins - fare}
      - text: Bribe the captain
        goto: ferry
        if: coins > 10
      - text: Board
        goto: ferry
        if: ticket and coins >= 0
      - text: Walk
        goto: shore
        set: {docked: false}
  ferry:
    text: Away.
    ending: {id: ferry, title: Ferry}
  shore:
    text:
      - The shore.
      - if: docked
        text: The boat is in.
    ending: {id: shore, title: Shore}
"""

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def check(capsys, folder, *more) -> tuple[int, list[str]]:
    code = main(["check", str(folder), *more])
    out, err = capsys.readouterr()
    return code, (out + err).splitlines()


@pytest.fixture
def deeper(make_story):
    folder = make_story(SCENES, story=STORY)
    (folder / "assets" / "backgrounds").mkdir(parents=True)
    (folder / "assets" / "backgrounds" / "harbour.png").write_bytes(PNG)
    (folder / "assets" / "backgrounds" / "old_pier.png").write_bytes(PNG)
    return folder


def test_each_deeper_warning_names_its_place_and_a_fix(capsys, deeper):
    code, lines = check(capsys, deeper, "--strict")
    text = "\n".join(lines)
    assert code == 1 and lines[-1].endswith("0 errors, 6 warnings (3 scenes, 11 words, 2 endings)"), text
    story, scenes = f"{deeper}/story.yaml", f"{deeper}/scenes.yaml"
    expected = [
        f"{story}:6:3: warning: variable 'spare' is declared but nothing reads it (use it in an if:, as {{spare}} in a text or as a measure, or remove it)",
        f"{story}:7:3: warning: variable 'fare' is read (first in scene 'harbour') but never set: it is always 2",
        f"{scenes}:10:9: warning: in scene 'harbour', choice 2's condition 'coins > 10' is always false (coins is 2..4 in every state explore reaches)",
        f"{scenes}:18:23: warning: in scene 'harbour', set docked: false never changes anything (docked is False wherever explore reaches) (remove it, or set another value)",
        f"{scenes}:22:3: warning: in scene 'shore', a paragraph's condition 'docked' is always false",
        f"{deeper}/assets/backgrounds/old_pier.png: warning: no scene or character uses backgrounds/old_pier.png (use it with background: old_pier, or delete the file)",
    ]
    for line in expected:
        assert line in text, f"{line}\n--- not in ---\n{text}"


def test_a_condition_that_can_go_either_way_is_not_flagged(capsys, deeper):
    _, lines = check(capsys, deeper)
    assert not any("not ticket and coins >= fare" in line or "ticket and coins >= 0" in line for line in lines)


def test_scene_text_longer_than_the_page_limit(capsys, make_story):
    long = " ".join(["The rain goes on and on over the harbour."] * 60)
    folder = make_story(f"scenes:\n  start:\n    text:\n      - {long}\n      - {long}\n    ending: {{id: end, title: End}}\n", story="title: Long\nstart: start\n")
    code, lines = check(capsys, folder, "--strict")
    assert code == 1
    warning = next(line for line in lines if "text-too-long" in line or "pages of the window" in line)
    pages = int(re.search(r"takes (\d+) pages", warning).group(1))
    assert warning.startswith(f"{folder}/scenes.yaml:2:3: warning: the text of scene 'start' takes {pages} pages") and pages > 3
    _, lines = check(capsys, folder, "--max-pages", str(pages))
    assert not any("pages of the window" in line for line in lines)


def test_without_pygame_the_page_check_is_skipped_silently(capsys, make_story, monkeypatch):
    real_import = builtins.__import__

    def no_pygame(name, *args, **kwargs):
        if name == "pygame" or name.startswith("pygame."):
            raise ImportError("No module named 'pygame'", name="pygame")
        return real_import(name, *args, **kwargs)

    long = " ".join(["Rain."] * 3000)
    folder = make_story(f"scenes:\n  start:\n    text: {long}\n    ending: {{id: end, title: End}}\n", story="title: Long\nstart: start\n")
    monkeypatch.setattr(builtins, "__import__", no_pygame)
    code, lines = check(capsys, folder, "--strict")
    assert code == 0 and lines == [f"{folder}: 0 errors, 0 warnings (1 scene, 3,000 words, 1 ending)"]


def test_ranges_that_explore_cannot_finish_prove_nothing(make_story):
    counting = "scenes:\n  start:\n    text: Count.\n    choices:\n      - text: Up\n        goto: start\n        set: {n: n + 1}\n      - text: Stop\n        goto: end\n        if: n > 100000000\n  end:\n    text: End.\n    ending: {id: end, title: End}\n"
    story = load_story(make_story(counting, story="title: Count\nstart: start\nvariables:\n  n: 0\n")).story
    assert not any(p.code.startswith("always") for p in lint(story))


def test_the_bundled_story_and_a_new_story_have_no_deeper_warnings(capsys, tmp_path):
    code, lines = check(capsys, ROOT / "story", "--strict")
    assert code == 0 and " 0 errors, 0 warnings " in lines[-1], lines
    assert main(["new", str(tmp_path / "ferry")]) == 0
    capsys.readouterr()
    code, lines = check(capsys, tmp_path / "ferry", "--strict")
    assert code == 0 and "0 warnings" in lines[-1]
