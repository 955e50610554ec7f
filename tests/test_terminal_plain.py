"""`play --plain`: the terminal for a screen reader (Orca reads it line by line). No decorative
lines, one announcement per line, changes said in words, "Autosaved." on leaving, and a
"more" prompt for a long scene on a short terminal, never with piped input. And `m` says
what each measure means."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from game.engine import Runner, SaveStore, load_story
from game.textplay import TextPlayer
from tests.conftest import FIXTURES, ROOT

LONG = "The rain has found the gap above the kitchen window again, and a saucepan on the sill catches it, one flat note every few seconds, " * 3

STORY = """
title: Plain Story
start: kitchen
variables:
  trust: 50
  privacy: 50
measures:
  - {variable: trust, label: Trust, min: 0, max: 100, description: What the lane thinks of you.}
  - {variable: privacy, label: Privacy, min: 0, max: 100}
chapters:
  - title: Morning
    start: kitchen
"""

SCENES = f"""
scenes:
  kitchen:
    speaker: mum
    text:
      - "{LONG}"
      - "One."
      - "Two."
      - "Three."
      - "Four."
    choices:
      - text: Help the lane
        goto: lane
        set: {{trust: trust + 10, privacy: privacy - 5}}
      - text: Stay in
        goto: lane
  lane:
    text: The lane at night.
    ending: {{id: night, title: Night}}
"""

CHARACTERS = "characters:\n  mum: {name: Mum}\n"


def story(make_story):
    return load_story(make_story(SCENES, STORY + CHARACTERS)).story


def played(story, typed: str, *, plain: bool = True, page_lines: int | None = None, store=None) -> str:
    out = io.StringIO()
    TextPlayer(Runner(story, seed=1), store, out=out, inp=io.StringIO(typed), plain=plain, page_lines=page_lines).run()
    return out.getvalue()


def test_plain_mode_has_no_decoration_and_one_announcement_a_line(make_story):
    shown = played(story(make_story), "1\n")
    lines = shown.splitlines()
    assert "==" not in shown and "---" not in shown and "***" not in shown and "[Mum]" not in shown
    assert all(line.strip() for line in lines)  # no blank lines for a screen reader to announce
    assert lines[:3] == ["Plain Story. Type h for help.", "Chapter 1: Morning.", "Mum says:"]
    assert LONG.strip() in lines  # a paragraph is one line, however long: never wrapped mid-sentence
    assert "Choice 1: Help the lane" in lines and "Choice 2: Stay in" in lines
    assert "Trust up 10, now 60." in lines and "Privacy down 5, now 45." in lines
    assert "Ending: Night." in lines


def test_the_ordinary_terminal_keeps_its_look(make_story):
    shown = played(story(make_story), "1\n", plain=False)
    assert "== Plain Story ==" in shown and "--- Chapter 1: Morning ---" in shown and "Trust +10 (now 60)" in shown


def test_leaving_says_the_game_was_autosaved(make_story, tmp_path):
    loaded = story(make_story)
    store = SaveStore(tmp_path / "saves", loaded)
    lines = played(loaded, "2\n", store=store).splitlines()  # 2 leads to the ending: nothing to say
    assert "Autosaved." not in lines
    out = io.StringIO()
    runner = Runner(loaded, seed=1)
    TextPlayer(runner, store, out=out, inp=io.StringIO("q\n"), plain=True).run()
    assert "Autosaved." not in out.getvalue()  # no move made, nothing was saved
    folder = make_story(SCENES.replace("goto: lane\n        set", "goto: kitchen\n        set"), STORY + CHARACTERS)
    looping = load_story(folder).story
    shown = played(looping, "1\nq\n", store=SaveStore(tmp_path / "saves2", looping))
    assert shown.splitlines()[-1].endswith("Autosaved.")


def test_a_long_scene_pages_on_a_short_terminal(make_story):
    shown = played(story(make_story), "\n\n1\n", page_lines=3)
    assert shown.count("More: press Enter.") == 2  # 7 lines of text and choices, 3 at a time
    for paragraph in ("One.", "Two.", "Three.", "Four.", "Choice 2: Stay in"):
        assert paragraph in shown


def test_piped_input_is_never_paged(make_story):
    player = TextPlayer(Runner(story(make_story), seed=1), None, out=io.StringIO(), inp=io.StringIO("1\n"), plain=True)
    assert player.page_lines == 0


def test_m_says_each_measure_its_value_and_what_it_means(make_story):
    for plain in (True, False):
        lines = played(story(make_story), "m\n", plain=plain).splitlines()
        assert any(line.endswith("Trust: 50 (0 to 100). What the lane thinks of you.") for line in lines)
        assert any(line.endswith("Privacy: 50 (0 to 100)") for line in lines)


def test_play_plain_from_the_command_line_with_piped_input(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "game", "play", "--plain", str(FIXTURES / "stories" / "lane"), "--save-dir", str(tmp_path)],
                            input="3\n", capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Choice 1: Install it now" in result.stdout and "Ending: The Dark Shop." in result.stdout
    assert "==" not in result.stdout and "More:" not in result.stdout


def test_a_chapter_played_on_its_own_ends_plainly():
    staged = load_story(FIXTURES / "stories" / "staged").story
    runner = Runner(staged, seed=1)
    runner.start_chapter(1, seed=1)
    out = io.StringIO()
    TextPlayer(runner, None, out=out, inp=io.StringIO("2\n"), plain=True).run()
    lines = out.getvalue().splitlines()
    assert "End of chapter 1: Morning." in lines and "***" not in out.getvalue()
    assert "Go out" in lines and all(line.strip() for line in lines)


def test_classroom_mode_in_plain_words(tmp_path):
    from game.classroom.lesson import Lesson
    from game.classroom.record import Recorder
    from game.classroom.textclass import ClassroomTextPlayer
    from tests.support.sessions import fixed_clock, lesson_story

    story = lesson_story()
    lesson = Lesson(Runner(story), Recorder(story, tmp_path, mode="classroom", clock=fixed_clock()), chapter=1)
    lesson.start()
    out = io.StringIO()
    ClassroomTextPlayer(lesson, out, io.StringIO("\n12 8\n"), plain=True).run()
    shown = out.getvalue()
    assert "Talk about it." in shown and "Who is the register for?" in shown.splitlines()
    assert "Choice 1: 12 votes, 60%. Keep the register" in shown
    assert "---" not in shown and "==" not in shown and "#" not in shown
