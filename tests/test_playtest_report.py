"""playtest's richer report: hit counts, rarest scenes, a chapter's own coverage, cut lists that
say so, a replay of every failing run that `play --replay` follows, --require-all-endings."""

from __future__ import annotations

import json

from game.cli import main
from game.engine import load_story
from game.engine.replay import play_replay, read_replay
from game.engine.runner import Phase, Runner
from tests.conftest import FIXTURES

SOFTLOCK = FIXTURES / "stories" / "softlock"
STAGED = FIXTURES / "stories" / "staged"


def playtest(capsys, *args) -> tuple[int, str, str]:
    code = main(["playtest", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_hit_counts_add_up_to_the_moves_made(capsys):
    code, out, _ = playtest(capsys, SOFTLOCK, "--runs", "200", "--format", "json")
    report = json.loads(out)
    assert report["scene_hits"]["counter"] >= 200  # every run starts there, some come back
    choice_moves = sum(report["choice_hits"].values())
    assert 0 < choice_moves < report["steps"]  # the rest are gotos
    assert report["choice_hits"]["counter#3"] == 0  # the bribe needs credit 100, never had
    assert [r["scene"] for r in report["rarest_scenes"]][0] in report["scene_hits"]
    hits = [r["hits"] for r in report["rarest_scenes"]]
    assert hits == sorted(hits) and min(hits) > 0


def test_every_failing_run_leaves_a_replay_that_plays_to_where_it_failed(capsys, tmp_path):
    folder = tmp_path / "replays"
    code, out, _ = playtest(capsys, SOFTLOCK, "--runs", "100", "--replays", folder)
    assert code == 1 and "no choice is available in scene 'decision'" in out
    files = sorted(folder.iterdir())
    assert files and f"{len(files)} replay file(s) in {folder}" in out
    story = load_story(SOFTLOCK).story
    for file in files[:5]:
        runner = Runner(story)
        play_replay(runner, read_replay(file))
        assert runner.state.scene == "decision" and runner.turn.phase is Phase.STUCK


def test_require_all_endings_names_the_missed_ones(capsys):
    code, _, err = playtest(capsys, SOFTLOCK, "--runs", "100", "--require-all-endings")
    assert code == 1 and "never reached (--require-all-endings): vault" in err


def test_a_chapter_counts_only_its_own_scenes(capsys):
    story = load_story(STAGED).story
    night = [s for s in story.scenes.values() if s.chapter == 2]
    code, out, _ = playtest(capsys, STAGED, "--chapter", "2", "--runs", "50", "--format", "json")
    report = json.loads(out)
    assert report["scenes_in_coverage"] == len(night) < len(story.scenes)
    assert set(report["scene_hits"]) == {s.id for s in night}
    code, out, _ = playtest(capsys, STAGED, "--chapter", "2", "--runs", "50")
    assert f"of the {len(night)} scenes of chapter 2" in out.splitlines()[0]


def test_a_long_list_says_how_much_it_shows(capsys, make_story):
    scenes = ["scenes:", "  start:", "    text: Many doors.", "    choices:", "      - text: Leave\n        goto: out"]
    scenes += [f"      - text: Door {n}\n        goto: room{n}\n        if: false" for n in range(30)]
    scenes += ["  out:", "    text: Outside.", "    ending: {id: out, title: Out}"]
    scenes += [f"  room{n}:\n    text: Room {n}.\n    goto: out" for n in range(30)]
    folder = make_story("\n".join(scenes) + "\n")
    code, out, _ = playtest(capsys, folder, "--runs", "10")
    assert "scenes never visited: 30 (20 of 30 shown)" in out
    assert len([line for line in out.splitlines() if line.strip().endswith(tuple(f"room{n}" for n in range(30)))]) == 20
