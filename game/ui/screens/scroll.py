"""A scrolling column of wrapped text (history, ending summary, help): only the lines wholly in
view are drawn."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..input import Act, Intent
from ..textlayout import Line, TextStyle, wrap_paragraph


def reading_px(app) -> int:
    """The text size of a reading panel, in pixels: 20 at the default size, scaled."""
    return max(12, round(20 * app.unit * app.settings.text_scale))


def reading_column(app, box: pygame.Rect) -> TextColumn:
    """A column for a reading panel (help, history) in `box`: the player's font and text size,
    and the panel's width less its margins. Set `view` with `view_below_heading` once filled."""
    px = reading_px(app)
    style = TextStyle(app.fonts.get(app.settings.font, px), app.fonts.get(app.settings.font, px, italic=True), round(px * 1.45), round(px * 0.6))
    return TextColumn(style, box.width - app.px(64))


def view_below_heading(app, column: "TextColumn", box: pygame.Rect) -> None:
    """The column's view: under the panel's 28 px heading, inside its margins."""
    heading = app.font(28, bold=True).get_height() + app.px(28)
    column.view = pygame.Rect(box.x + app.px(28), box.y + heading, column.width, box.height - heading - app.px(20))


def close_or_scroll(screen, intent: Intent, closing_act) -> None:
    """A reading panel's keys: Esc, Enter, its own key or a click outside it closes it; the
    rest scroll it."""
    if intent.act in (Act.BACK, closing_act, Act.ACTIVATE) or intent.act is Act.CLICK and not screen.box.collidepoint(intent.pos):
        screen.app.sound_of("back")()
        screen.app.pop()
        return
    screen.column.handle(intent)


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
