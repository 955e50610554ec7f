"""A scrolling column of wrapped text (history, ending summary, help): only the lines wholly in
view are drawn."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..input import Act, Intent
from ..textlayout import Line, TextStyle, wrap_paragraph


@dataclass
class Row:
    line: Line
    y: int
    color_key: str  # "text", "muted" or "accent"


class TextColumn:
    """Paragraphs laid out once for a width; scroll by wheel, arrows or page keys."""

    def __init__(self, style: TextStyle, width: int):
        self.style = style
        self.width = width
        self.rows: list[Row] = []
        self.height = 0
        self.offset = 0
        self.view = pygame.Rect(0, 0, 0, 0)

    def add(self, paragraph: str, color_key: str = "text", gap: int | None = None) -> None:
        if self.rows:
            self.height += self.style.paragraph_gap if gap is None else gap
        for line in wrap_paragraph(paragraph, self.width, self.style):
            self.rows.append(Row(line, self.height, color_key))
            self.height += self.style.line_height

    @property
    def max_offset(self) -> int:
        return max(0, self.height - self.view.height)

    def scroll_to_end(self) -> None:
        self.offset = self.max_offset

    def handle(self, intent: Intent) -> bool:
        step = self.style.line_height * 3
        page = max(step, self.view.height - self.style.line_height * 2)
        deltas = {Act.SCROLL_UP: -step, Act.UP: -step, Act.SCROLL_DOWN: step, Act.DOWN: step, Act.PAGE_UP: -page, Act.PAGE_DOWN: page}
        if intent.act not in deltas:
            return False
        self.offset = max(0, min(self.max_offset, self.offset + deltas[intent.act]))
        return True

    def draw(self, surface: pygame.Surface, lines, colors: dict) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.view)
        top = self.offset
        for row in self.rows:  # whole lines only: a line cut in half at an edge reads as a mistake
            if row.y < top:
                continue
            if row.y + self.style.line_height > top + self.view.height:
                break
            surface.blit(lines.render(row.line, self.style, colors[row.color_key]), (self.view.x, self.view.y + row.y - top))
        surface.set_clip(clip)
        if self.height > self.view.height:
            track = pygame.Rect(self.view.right + 6, self.view.y, 4, self.view.height)
            thumb_h = max(20, round(track.height * self.view.height / self.height))
            thumb_y = track.y + round((track.height - thumb_h) * self.offset / max(1, self.max_offset))
            pygame.draw.rect(surface, colors["muted"], (track.x, thumb_y, track.width, thumb_h), border_radius=2)
