"""Drawing shared by the classroom screens: wrapped text and the room's bar chart, sized for a
projector (nothing smaller than the body text)."""

from __future__ import annotations

import pygame

from .theme import Theme
from .widgets import text


def wrap(words: str, font: pygame.font.Font, width: int) -> list[str]:
    """Lines of `words` no wider than `width` (a word longer than the width stands alone)."""
    lines, line = [], ""
    for word in words.split():
        trial = f"{line} {word}" if line else word
        if font.size(trial)[0] <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw_wrapped(surface, words: str, font, color, pos, width: int, max_lines: int | None = None) -> int:
    """Draw wrapped text from `pos`; returns the y below the last line."""
    x, y = pos
    lines = wrap(words, font, width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;") + "..."
    for line in lines:
        text(surface, line, font, color, (x, y))
        y += font.get_linesize()
    return y


def bar_rows(surface, rect: pygame.Rect, labels: list[str], counts: list[int], theme: Theme, font, selected: int | None,
             marked: set[int] = frozenset()) -> list[pygame.Rect]:
    """One row per option: its label over a bar as long as its share, the count at the end.
    Returns the rows' rects (for the mouse)."""
    rows = []
    total = max(1, sum(counts))
    top = max(counts + [1])
    row_h = min(rect.height // max(1, len(labels)), round(font.get_linesize() * 2.8))
    for index, (label, count) in enumerate(zip(labels, counts)):
        row = pygame.Rect(rect.x, rect.y + index * row_h, rect.width, row_h - max(4, row_h // 12))
        rows.append(row)
        if index == selected:
            pygame.draw.rect(surface, theme.button_hover, row.inflate(12, 6), border_radius=8)
            pygame.draw.rect(surface, theme.focus, row.inflate(12, 6), width=theme.focus_width, border_radius=8)
        line = wrap(label, font, row.width)[:1]
        shown = line[0] if line else ""
        if shown != label:
            shown = shown.rstrip(".,;") + "..."
        color = theme.accent if index in marked else theme.text
        text(surface, f"{index + 1}. {shown}", font, color, (row.x, row.y))
        bar_top = row.y + font.get_linesize()
        bar_h = max(6, min(row.bottom - bar_top - 4, round(font.get_height() * 1.3)))
        count_label = f"{count}  ({round(100 * count / total)}%)"
        room = row.width - font.size("999  (100%)")[0] - 16
        length = round(room * count / top)
        pygame.draw.rect(surface, theme.button, (row.x, bar_top, room, bar_h), border_radius=4)
        if theme.name == "high_contrast":  # the empty track is as dark as the panel: give it an edge
            pygame.draw.rect(surface, theme.button_edge, (row.x, bar_top, room, bar_h), width=2, border_radius=4)
        bar_color = theme.measure_colors[index % len(theme.measure_colors)]
        if length:
            pygame.draw.rect(surface, bar_color, (row.x, bar_top, length, bar_h), border_radius=4)
        text(surface, count_label, font, theme.text, (row.x + room + 12, bar_top + (bar_h - font.get_height()) // 2))
    return rows
