"""Chapter starts: each chapter's middle path and its named starts ("complied", "resisted") are
states real play reaches, leave at most half the endings open and never soft-lock; the loader
checks them where they are written; the CLI, the terminal and the classroom picker begin there."""

from __future__ import annotations

import importlib.util
import io
import sys

import pygame
import pytest

from game import paths
from game.cli import main
from game.engine import load_story
from game.engine.explore import explore
from game.engine.playtest import chapter_starts
from tests.conftest import ROOT, write_files
from tests.ui.conftest import make_app  # noqa: F401 - the window fixture


@pytest.fixture(scope="module")
def story():
    loaded = load_story(paths.story_dir(), "story")
    assert loaded.ok
    return loaded.story


def prove_module():
    spec = importlib.util.spec_from_file_location("prove_endings", ROOT / "tools" / "prove_endings.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("prove_endings", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def proofs(story):
    module = prove_module()
    return {number: module.prove(story, number) for number in (2, 3)}


def test_the_story_offers_named_starts_in_chapters_two_and_three(story):
    assert story.chapter(2).start_names == ["complied", "resisted"]
    assert story.chapter(3).start_names == ["complied", "resisted", "bare_faced"]
    middle = story.chapter(3).values_for()
    # the middle path is not a committed resister any more
    assert not middle.get("helped_qiao") and not middle.get("mule_hidden") and middle.get("protest", 0) == 0


@pytest.mark.parametrize("number", [2, 3])
def test_every_start_is_a_state_real_play_reaches(story, proofs, number):
    proof = proofs[number]
    for start in chapter_starts(story.chapter(number)):
        values = story.initial_values() | start.values
        key = {name: values[name] for name in proof.deciding}
        assert key in proof.entry_states, f"{start.label}: no playthrough of chapters 1-{number - 1} arrives like this"


def test_each_chapter_three_start_leaves_at_most_half_the_endings_and_together_all(story, proofs):
    proof = proofs[3]
    reachable = set()
    for start in chapter_starts(story.chapter(3)):
        values = story.initial_values() | start.values
        open_ = proof.open_endings[proof.entry_states.index({n: values[n] for n in proof.deciding})]
        assert 2 <= len(open_) and len(open_) * 2 <= len(story.endings), (start.label, sorted(open_))
        reachable |= open_
    assert reachable | {"shutters_down"} == set(story.endings)


def test_explore_proves_each_start_consistent(story):
    for chapter in story.chapters:
        for start in chapter_starts(chapter):
            report, _ = explore(story, start)
            assert report.complete and not report.stuck and not report.traps and not report.errors, start.label
            assert any(e.path for e in report.endings.values()) or report.exits, start.label


STORY_YAML = """\
title: Starts
start: one
variables:
  brave: false
  coins: 2
chapters:
  - title: One
    start: one
    starts:
      - name: rich
        label: You are rich
        values: {coins: 10}
      - name: rich
        label: Again
      - name: Bad Name
        label: Spaces
      - name: typo
        label: A typo
        values: {coinz: 3}
      - name: wrong
        label: Wrong type
        values: {brave: 3}
      - name: nolabel
"""
SCENES = "scenes:\n  one:\n    text: Hello.\n    ending: {id: done, title: Done}\n"


def test_bad_starts_are_located_errors(tmp_path):
    folder = write_files(tmp_path / "s", {"story.yaml": STORY_YAML, "scenes.yaml": SCENES})
    result = load_story(folder, "s")
    found = {(p.code, p.place.line) for p in result.problems.errors}
    assert {("duplicate-start", 13), ("bad-id", 15), ("unknown-variable", 19), ("type-error", 22), ("missing-key", 23)} <= found
    messages = " | ".join(p.message for p in result.problems.errors)
    assert "start 'typo' of chapter 1 values name unknown variable 'coinz'" in messages
    assert all(p.place.path.endswith("story.yaml") for p in result.problems.errors)


def test_cli_wrong_start_name_lists_the_starts(capsys):
    assert main(["play", "--text", "--chapter", "3", "--start", "complyed"]) == 2
    err = capsys.readouterr().err
    assert "complied, resisted, bare_faced" in err and "\n" not in err.strip()
    assert main(["play", "--text", "--start", "complied"]) == 2
    assert "--chapter" in capsys.readouterr().err


def test_terminal_named_start_plays_to_its_chapter_end(monkeypatch, capsys, private_data_dir, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n" * 400))
    code = main(["play", "--text", "--no-record", "--chapter", "2", "--start", "resisted", "--seed", "1", "--save-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "End of chapter 2" in out and "Chapter 3" not in out
    assert "Old Mule" in out


def test_terminal_classroom_begins_at_a_named_start(monkeypatch, capsys, private_data_dir):
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n" * 400))
    code = main(["play", "--text", "--classroom", "--no-record", "--chapter", "3", "--start", "resisted", "--seed", "1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Chapter 3, start: You resisted: Old Mule hidden, logs to Qiao, the scrambler" in out
    assert "Old Mule is in the back room" in out
    assert "*** Ending:" in out


def test_classroom_picker_chooses_a_chapter_then_a_named_start(make_app, story):
    from tests.ui.conftest import press, settle

    app = make_app(story)
    app.push("title")
    settle(app)
    app.push("classroom")
    settle(app)
    screen = app.top
    assert [row.label for row in screen.rows][:2] == ["Chapter", "Start"]
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)                   # chapter 3
    press(app, pygame.K_DOWN)
    assert screen.start_label(screen.value(screen.start_row)) == "The middle path"
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)                   # the second named start: resisted
    assert screen.value(screen.start_row) == "resisted"
    app.draw()
    press(app, pygame.K_LEFT)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_LEFT)                    # round to the last: bare_faced
    assert screen.value(screen.start_row) == "bare_faced"
    for _ in range(4):
        press(app, pygame.K_DOWN)                # timer, projector, nickname, Start
    press(app, pygame.K_RETURN)
    runner = app.session.runner
    assert app.top.name == "scene" and runner.state.scene == "c3_start"
    assert runner.state.variables["protest"] == 1 and runner.state.variables["installed"] is False
    assert app.session.lesson.start_name == "bare_faced"
    assert app.session.recorder.document["start"] == "bare_faced"
