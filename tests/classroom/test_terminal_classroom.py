"""`play --text --classroom`: the terminal prints each prompt, asks for the room's counts, lets
the facilitator break a tie, stops at the chapter's end and offers the road not taken."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from game.classroom.lesson import Lesson
from game.classroom.record import Recorder
from game.classroom.textclass import ClassroomTextPlayer
from game.cli import main
from game.engine import Runner
from tests.support.sessions import LESSON, fixed_clock, lesson_story


def play(lines: list[str], folder):
    story = lesson_story()
    recorder = Recorder(story, folder, mode="classroom", clock=fixed_clock())
    lesson = Lesson(Runner(story), recorder, chapter=1)
    lesson.start()
    out = io.StringIO()
    code = ClassroomTextPlayer(lesson, out, io.StringIO("\n".join(lines) + "\n")).run()
    return code, out.getvalue(), json.loads(recorder.path.read_text())


def test_counts_a_tie_the_chapter_end_and_the_road_not_taken(tmp_path):
    lines = ["", "12 8", "", "nonsense", "4 4 1", "3", "2", "", "1", "", "2", "", "3", "", "r"]
    code, out, record = play(lines, tmp_path)
    assert code == 0
    assert "--- Talk about it ---" in out and "* Who is the register for?" in out
    assert "the majority chose 1" in out
    assert "type 3 counts, one per option" in out
    assert "a tie between 1 and 2: the facilitator picks one" in out and "type 1 or 2" in out
    assert out.count("*** End of chapter 1: The shop ***") == 2
    assert "The road not taken: type a number" in out and "1) The register: chose 'Keep the register'" in out
    assert "(back on the room's own path)" in out
    chosen = [(c["road"], c["text"], c.get("votes"), c["decided_by"]) for c in record["choices"]]
    assert chosen == [
        (0, "Keep the register", [12, 8], "majority"),
        (0, "Send her to the clinic", [4, 4, 1], "tie: facilitator"),
        (1, "Put it in a drawer", None, "facilitator"),
        (1, "Ask her to come back tomorrow", None, "facilitator"),
    ]


def test_the_cli_plays_a_classroom_chapter_in_the_terminal_and_records_it(monkeypatch, capsys, private_data_dir):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n1\n\n2\n\n"))
    assert main(["play", "--text", "--classroom", "--chapter", "1", "--nickname", "Owls", str(LESSON)]) == 0
    assert "*** End of chapter 1: The shop ***" in capsys.readouterr().out
    record = json.loads(next((private_data_dir / "sessions" / "lesson").glob("*.json")).read_text())
    assert record["nickname"] == "Owls" and record["mode"] == "classroom" and len(record["choices"]) == 2


def test_ordinary_terminal_play_records_unless_told_not_to(private_data_dir):
    for flags in ([], ["--no-record"]):
        done = subprocess.run([sys.executable, "-m", "game", "play", "--text", *flags, str(LESSON)], input="1\n1\n\n1\n",
                              capture_output=True, text=True, timeout=60, env={**os.environ, "FACE_VALUE_DATA_DIR": str(private_data_dir)})
        assert done.returncode == 0 and "*** Ending: A quiet night ***" in done.stdout
    files = list((private_data_dir / "sessions" / "lesson").glob("*.json"))
    assert len(files) == 1
    record = json.loads(files[0].read_text())
    assert record["mode"] == "single" and [e["id"] for e in record["endings"]] == ["home"]
