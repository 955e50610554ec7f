"""Text layout: word wrap, paragraphs and *emphasis*, measured once; rendered lines cached."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

import pygame

from .typography import typeset

_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    italic: bool = False


@dataclass(frozen=True)
class Line:
    """One laid-out line: its runs, pixel width, and how many characters it shows."""

    runs: tuple[Run, ...]
    width: int

    @property
    def chars(self) -> int:
        return sum(len(run.text) for run in self.runs)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class TextStyle:
    """Fonts and spacing for one block of text."""

    regular: pygame.font.Font
    italic: pygame.font.Font
    line_height: int
    paragraph_gap: int
    _widths: dict = field(default_factory=dict, repr=False)

    def font(self, italic: bool) -> pygame.font.Font:
        return self.italic if italic else self.regular

    def width(self, text: str, italic: bool = False) -> int:
        key = (text, italic)
        width = self._widths.get(key)
        if width is None:
            width = self.font(italic).size(text)[0]
            if len(self._widths) > 20_000:
                self._widths.clear()
            self._widths[key] = width
        return width


def parse_emphasis(text: str) -> list[Run]:
    """`*word*` is emphasised (italic); a lone asterisk stays as it is."""
    runs, pos = [], 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos:match.start()]))
        runs.append(Run(match.group(1), True))
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def wrap_paragraph(text: str, width: int, style: TextStyle) -> list[Line]:
    """Break one paragraph into lines no wider than `width` (a newline forces a break), with
    curly quotes and dashes put in."""
    lines: list[Line] = []
    for hard_line in typeset(text).split("\n"):
        lines.extend(_wrap_runs(parse_emphasis(hard_line), width, style))
    return lines


def _words(runs: list[Run]):
    """(word, italic, space_before) triples."""
    for run in runs:
        for match in re.finditer(r"(\s*)(\S+)", run.text):
            yield match.group(2), run.italic, bool(match.group(1))


def _wrap_runs(runs: list[Run], width: int, style: TextStyle) -> list[Line]:
    lines, current, current_width = [], [], 0
    space = style.width(" ")
    for word, italic, spaced in _words(runs):
        pieces = _split_long(word, italic, width, style) if style.width(word, italic) > width else [word]
        for number, piece in enumerate(pieces):
            gap = space if current and spaced and number == 0 else 0
            candidate = Run((" " if gap else "") + piece, italic)
            estimate = current_width + gap + style.width(piece, italic)
            if current and not _fits(current + [candidate], estimate, width, style):
                lines.append(_line(current, style))
                current, current_width = [], 0
                candidate, estimate = Run(piece, italic), style.width(piece, italic)
            current.append(candidate)
            current_width = estimate
    if current or not lines:
        lines.append(_line(current, style))
    return lines


def _fits(runs: list[Run], estimate: int, width: int, style: TextStyle, slack: int = 8) -> bool:
    """Word widths add up to about the line's width; near the edge, kerning decides, so measure."""
    if estimate <= width - slack:
        return True
    if estimate > width + slack:
        return False
    return _line(runs, style).width <= width


def _split_long(word: str, italic: bool, width: int, style: TextStyle) -> list[str]:
    pieces, piece = [], ""
    for char in word:
        if piece and style.width(piece + char, italic) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return pieces + [piece]


def _line(runs: list[Run], style: TextStyle) -> Line:
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].italic == run.italic:
            merged[-1] = Run(merged[-1].text + run.text, run.italic)
        else:
            merged.append(run)
    return Line(tuple(merged), sum(style.width(r.text, r.italic) for r in merged))


def prefix_width(line: Line, chars: int, style: TextStyle) -> int:
    """Pixel width of the first `chars` characters of a line (for the typewriter)."""
    width = 0
    for run in line.runs:
        if chars >= len(run.text):
            width += style.width(run.text, run.italic)
            chars -= len(run.text)
        else:
            return width + style.font(run.italic).size(run.text[:chars])[0]
    return width


class LineCache:
    """Rendered line surfaces, keyed by content, style and colour; least recently used go first."""

    def __init__(self, limit: int = 600):
        self.limit = limit
        self._surfaces: OrderedDict = OrderedDict()

    def render(self, line: Line, style: TextStyle, color) -> pygame.Surface:
        key = (line.runs, id(style.regular), id(style.italic), color)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = pygame.Surface((max(1, line.width), style.line_height), pygame.SRCALPHA)
        x = 0
        for run in line.runs:
            font = style.font(run.italic)
            image = font.render(run.text, True, color)
            surface.blit(image, (x, (style.line_height - font.get_height()) // 2))
            x += style.width(run.text, run.italic)
        self._surfaces[key] = surface
        if len(self._surfaces) > self.limit:
            self._surfaces.popitem(last=False)
        return surface

    def clear(self) -> None:
        self._surfaces.clear()
