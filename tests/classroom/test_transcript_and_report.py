"""The teacher's files: `sessions`, `transcript` and `report`, built from sessions played on a
fixture story, with bad files in the folder named and skipped."""

from __future__ import annotations

import json
import re

import pytest

from game.cli import main
from tests.support.sessions import LESSON, five_sessions


@pytest.fixture
def folder(tmp_path):
    sessions = tmp_path / "class"
    sessions.mkdir()
    five_sessions(sessions)
    return sessions


def add_bad_files(folder):
    (folder / "broken.json").write_text("{oops", encoding="utf-8")
    other = json.loads(next(folder.glob("lesson-*.json")).read_text())
    (folder / "other-story.json").write_text(json.dumps({**other, "story": "someone-else"}))
    (folder / "old.json").write_text(json.dumps({**other, "version": 0}))


def test_sessions_lists_each_file_with_its_nickname_and_outcome(folder, capsys):
    assert main(["sessions", "--dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.count("classroom") == 5
    assert "'Room 4B'" in out and "A quiet night" in out and "In the crowd" in out and "chapter 1, 2 choices, chapter end" in out


def test_the_transcript_follows_the_path_with_prompts_votes_and_abridged_text(folder, capsys):
    path = next(p for p in folder.glob("*.json") if "Room 4B" in p.read_text())
    assert main(["transcript", str(path), "--story", str(LESSON)]) == 0
    text = capsys.readouterr().out
    assert "### 1. The register" in text and "*Talk about it:* Who is the register for?" in text
    assert "- Keep the register (12 votes, chosen)" in text and "- Put it in a drawer (8 votes)" in text
    assert "> Officer Zhou leaves a register on the counter." in text
    assert text.rstrip().endswith("**Ending: A quiet night**")


def test_the_html_transcript_is_printable(folder, tmp_path):
    path = next(folder.glob("*.json"))
    out = tmp_path / "t.html"
    assert main(["transcript", str(path), "--format", "html", "--story", str(LESSON), "--out", str(out)]) == 0
    page = out.read_text()
    assert "@page" in page and "break-inside: avoid" in page and "<script" not in page and "http" not in page
    assert "Talk about it: Who is the register for?" in page and "class='chosen'" in page


def test_a_transcript_of_a_broken_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    assert main(["transcript", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.json" in err and "not valid JSON" in err


def test_the_report_shows_each_choice_point_endings_measures_and_least_taken_roads(folder, tmp_path, capsys):
    add_bad_files(folder)
    out = tmp_path / "report.html"
    assert main(["report", str(folder), "--story", str(LESSON), "--out", str(out)]) == 0
    streams = capsys.readouterr()
    skipped = [line for line in streams.err.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 3
    assert any("broken.json: not valid JSON" in s for s in skipped)
    assert any("other-story.json: is from another story ('someone-else', not 'lesson')" in s for s in skipped)
    assert any("old.json: is version 0" in s for s in skipped)
    assert "5 session(s), 3 choice point(s)" in streams.out
    page = out.read_text()
    assert page.count("<svg class='chart' ") == 3 and page.count("<svg class='chart measures'") == 1
    assert "<script" not in page and "src=" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    register = page[page.index("<h3>The register</h3>"):page.index("<h3>Tang at the counter</h3>")]
    # 12+4+9+20+6 keep the register, 8+16+9+0+14 put it in a drawer (the tie at 9-9 went to the first)
    assert "51 votes (52%)" in register and "47 votes (48%)" in register and "Who is the register for?" in register
    assert re.search(r"<strong>A quiet night</strong>: 3 sessions", page) and "<strong>In the crowd</strong>: 1 session<" in page
    assert "End of chapter 1</strong>: 1 session" in page
    assert "Started from the beginning: 4; chapter 1: 1." in page  # where each session began
    least = page[page.index("The least-taken roads"):]
    assert "Ask her to come back tomorrow" in least or "Print it on the old machine" in least


def test_report_takes_globs_and_says_when_nothing_matched(folder, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(folder / "lesson-*.json"), str(tmp_path / "nowhere"), "--story", str(LESSON), "--out", str(out)]) == 0
    streams = capsys.readouterr()
    assert "5 session(s)" in streams.out and "nowhere: no such file or folder" in streams.err


def test_the_prompt_sheet_gives_every_prompt_its_scene_and_choices(capsys):
    assert main(["prompts", str(LESSON)]) == 0
    sheet = capsys.readouterr().out
    assert sheet.index("### The register") < sheet.index("### Tang at the counter")
    assert "- **Who is the register for?**" in sheet
    assert "- **You kept a register before. Would you again?** *(only when `kept_register`)*" in sheet
    assert "The choices here: (1) Print it on the old machine; (2) Send her to the clinic; (3) Ask her to come back tomorrow." in sheet
    assert "> Tang Yue asks for a mask with her own face" in sheet


def test_the_report_says_which_named_start_a_session_began_at(folder, tmp_path):
    record = json.loads(next(folder.glob("lesson-*.json")).read_text())
    (folder / "named.json").write_text(json.dumps({**record, "session": "named1", "chapter": 1, "start": "complied"}))
    out = tmp_path / "report.html"
    assert main(["report", str(folder), "--story", str(LESSON), "--out", str(out)]) == 0
    assert "Started from the beginning: 4; chapter 1: 1; chapter 1, start &#x27;complied&#x27;: 1." in out.read_text()
