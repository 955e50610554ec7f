"""Word wrap, emphasis and the typewriter's partial widths."""

from __future__ import annotations

import pygame
import pytest

from game import paths
from game.ui.fonts import Fonts
from game.ui.textlayout import LineCache, Run, TextStyle, parse_emphasis, prefix_width, wrap_paragraph


@pytest.fixture(scope="module")
def style():
    pygame.font.init()
    fonts = Fonts(paths.assets_dir() / "fonts")
    return TextStyle(fonts.get("default", 22), fonts.get("default", 22, italic=True), 32, 12)


def test_emphasis():
    assert parse_emphasis("a *big* day") == [Run("a "), Run("big", True), Run(" day")]
    assert parse_emphasis("5 * 3 is fifteen") == [Run("5 * 3 is fifteen")]


@pytest.mark.parametrize("width", [60, 150, 333, 640])
def test_lines_never_exceed_the_width_and_keep_every_word(style, width):
    text = "The printer hums a *note* you have never heard, and the notice says: install by 18:00 tomorrow, or else. " * 3
    lines = wrap_paragraph(text + "Antidisestablishmentarianism", width, style)
    for line in lines:
        assert line.width <= width
        rendered = style.regular.size(line.text)[0] if not any(r.italic for r in line.runs) else line.width
        assert rendered <= width
    assert "".join(line.text for line in lines).replace(" ", "") == (text + "Antidisestablishmentarianism").replace(" ", "").replace("*", "")


def test_newlines_force_breaks(style):
    assert [line.text for line in wrap_paragraph("one\ntwo", 500, style)] == ["one", "two"]


def test_prefix_width_grows_to_the_line_width(style):
    line = wrap_paragraph("Rain on the *shutters*.", 500, style)[0]
    widths = [prefix_width(line, n, style) for n in range(line.chars + 1)]
    assert widths == sorted(widths) and widths[0] == 0 and widths[-1] == line.width


def test_rendered_lines_are_cached(style):
    cache = LineCache()
    line = wrap_paragraph("Rain on the shutters.", 500, style)[0]
    assert cache.render(line, style, (255, 255, 255)) is cache.render(line, style, (255, 255, 255))


def test_the_space_before_and_after_emphasis_is_kept(style):
    line = wrap_paragraph("You watch it until it is *gone* now.", 2000, style)[0]
    assert line.text == "You watch it until it is gone now."
    assert [run.italic for run in line.runs if "gone" in run.text] == [True]


def test_a_scrolling_column_draws_only_whole_lines_at_every_offset(style):
    """Help, history and the ending summary scroll: a line half cut at the panel's edge was
    seen at 1024x600 with the largest text; now a line shows whole or not at all."""
    from game.ui.input import Act, Intent
    from game.ui.screens.scroll import TextColumn

    column = TextColumn(style, 300)
    for number in range(12):
        column.add(f"Paragraph {number}: " + "words that wrap over more than one line " * 2, gap=7)
    column.view = pygame.Rect(10, 20, 300, 5 * style.line_height + 13)  # not a whole number of lines
    drawn: list[int] = []

    class Lines:
        def render(self, line, style_, color):
            return pygame.Surface((1, 1))

    class Surface(pygame.Surface):
        def blit(self, image, where, *args, **kwargs):
            drawn.append(where[1])
            return super().blit(image, where, *args, **kwargs)

    for _ in range(40):
        drawn.clear()
        column.draw(Surface((400, 400)), Lines(), {"text": (0, 0, 0), "muted": (0, 0, 0), "accent": (0, 0, 0)})
        assert drawn, "nothing drawn at all"
        assert all(column.view.top <= y and y + style.line_height <= column.view.bottom for y in drawn), (column.offset, drawn)
        column.handle(Intent(Act.DOWN))
    assert column.offset == column.max_offset
