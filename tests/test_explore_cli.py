"""The explore command and replay files from a user's side: exit codes, messages, and
`play --replay` taking the terminal player to the point explore found."""

from __future__ import annotations

import io
import json

from game.cli import main
from tests.conftest import FIXTURES, write_files

SOFTLOCK = str(FIXTURES / "stories" / "softlock")


def test_explore_exits_1_and_names_the_unreachable_ending_and_the_soft_lock(capsys):
    assert main(["explore", SOFTLOCK]) == 1
    out = capsys.readouterr().out
    assert "scenes.yaml:51:3: vault (The Vault): UNREACHABLE" in out
    assert "scenes.yaml:28:3: soft-lock: in scene 'decision' every choice here is hidden" in out
    assert "the moves only go round scenes 'stamp', 'decision', 'queue', 'queue_more'" in out
    assert "scenes.yaml:10:9: choice 3 of scene 'counter' (Bribe the clerk), if: credit >= 100" in out


def test_explore_on_a_sound_story_exits_0(tmp_path, capsys):
    folder = write_files(tmp_path / "sound", {
        "story.yaml": "title: Sound\nstart: a\nvariables:\n  n: 0\n",
        "scenes.yaml": """
            scenes:
              a:
                text: A.
                choices:
                  - {text: Count, goto: a, if: n < 3, set: {n: n + 1}}
                  - {text: Leave, goto: b}
              b:
                text: B.
                ending: {id: b, title: B}
            """,
    })
    assert main(["explore", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "5 states" in out and "complete" in out and "ranges reached: n 0..3" in out


def test_a_search_cut_short_says_what_it_covered(capsys):
    main(["explore", SOFTLOCK, "--max-states", "5"])
    out = capsys.readouterr().out
    assert "5 states" in out and "INCOMPLETE" in out and "--max-states 5" in out


def test_unknown_chapter_is_a_usage_error(capsys):
    assert main(["explore", SOFTLOCK, "--chapter", "2"]) == 2
    assert "there is no chapter 2" in capsys.readouterr().err


def test_replay_files_play_to_the_ending_in_the_terminal(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "replays"
    main(["explore", SOFTLOCK, "--replays", str(folder), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    stamped = folder / "ending-stamped.json"
    assert document["replays"][str(stamped)]["checked"].startswith("checked")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["play", SOFTLOCK, "--text", "--replay", str(stamped), "--save-dir", str(tmp_path / "saves")]) == 0
    assert "*** Ending: Stamped ***" in capsys.readouterr().out


def test_a_replay_that_no_longer_fits_says_where(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "face-value-replay", "version": 1, "story": "the-locked-counter", "seed": 0,
                               "steps": [{"scene": "counter", "choice": 2}]}), encoding="utf-8")
    assert main(["play", SOFTLOCK, "--text", "--replay", str(bad), "--save-dir", str(tmp_path / "saves")]) == 1
    assert "move 1: choice 3 of scene 'counter' is not offered now" in capsys.readouterr().err


def test_a_file_that_is_not_a_replay_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["play", SOFTLOCK, "--text", "--replay", str(bad), "--save-dir", str(tmp_path / "saves")]) == 1
    err = capsys.readouterr().err
    assert "not a replay file" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
