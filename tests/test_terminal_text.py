"""How story text reads in the terminal: *emphasis* without asterisks (italic on a terminal that
can show it), and a `|` block without an extra blank line."""

from __future__ import annotations

import io

from game import emphasis
from game.engine import Runner, load_story
from game.textplay import TextPlayer

SCENES = """
scenes:
  start:
    text: |
      Rain, {name}.

      It is *very* late.
    choices:
      - text: Go *now*
        goto: the_end
  the_end:
    text: Done.
    ending: {id: done, title: Done}
"""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def played(folder, out) -> str:
    player = TextPlayer(Runner(load_story(folder).story, seed=1), None, out=out, inp=io.StringIO(""))
    player.run()
    return out.getvalue()


def test_piped_output_shows_emphasis_without_asterisks(make_story):
    text = played(make_story(SCENES), io.StringIO())
    assert "It is very late." in text and "1) Go now" in text and "*" not in text.replace("***", "")


def test_a_terminal_shows_emphasis_in_italic(make_story, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = played(make_story(SCENES), Terminal())
    assert f"It is {emphasis.ITALIC}very{emphasis.ROMAN} late." in text
    assert f"Go {emphasis.ITALIC}now{emphasis.ROMAN}" in text


def test_no_color_turns_italic_off(make_story, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert emphasis.ITALIC not in played(make_story(SCENES), Terminal())


def test_a_span_that_wraps_is_closed_on_each_line():
    lines = emphasis.wrap("word " * 3 + "*" + "long " * 12 + "span*", 30, True).split("\n")
    assert len(lines) > 1
    for line in lines:
        assert line.count(emphasis.ITALIC) == line.count(emphasis.ROMAN)


def test_a_lone_asterisk_stays(make_story):
    assert emphasis.wrap("2 * 3 is six", 40, False) == "2 * 3 is six"


def test_a_literal_block_adds_no_blank_line_at_the_end(make_story):
    runner = Runner(load_story(make_story(SCENES)).story, seed=1)
    assert runner.turn.paragraphs[-1].endswith("late.")
    text = played(make_story(SCENES), io.StringIO())
    assert "late.\n\n  1) Go now" in text
