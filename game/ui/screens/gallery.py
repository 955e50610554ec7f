"""The endings gallery: every ending of the story, found (its picture, title and first line) or still hidden, kept across games."""

from __future__ import annotations

from datetime import datetime

import pygame

from ..ending_art import ending_line, ending_picture
from ..input import Act, Intent
from ..textlayout import TextStyle, wrap_paragraph
from ..typography import ELLIPSIS
from ..widgets import panel, shade, text
from .base import Screen


class GalleryScreen(Screen):
    name = "gallery"
    opaque = False

    def __init__(self, app):
        super().__init__(app)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.offset = 0

    def relayout(self) -> None:
        app = self.app
        self.box = pygame.Rect(0, 0, min(app.size[0] - app.px(60), app.px(860)), app.size[1] - app.px(48))
        self.box.center = (app.size[0] // 2, app.size[1] // 2)

    def handle(self, intent: Intent) -> None:
        if intent.act in (Act.UP, Act.SCROLL_UP):
            self.offset = max(0, self.offset - 1)
        elif intent.act in (Act.DOWN, Act.SCROLL_DOWN):
            self.offset = min(max(0, len(self.app.story.endings) - 1), self.offset + 1)
        elif intent.act in (Act.BACK, Act.ACTIVATE, Act.CLICK):
            self.app.sound_of("back")()
            self.app.pop()

    def spoken(self) -> tuple[str, str]:
        endings = list(self.app.story.endings.values())
        found = self.app.session.gallery.endings
        names = [e.title if e.id in found else "not found yet" for e in endings]
        heading = f"Endings found: {sum(e.id in found for e in endings)} of {len(endings)}"
        return ". ".join([heading, *names, "Escape goes back"]), ""

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme)
        panel(surface, self.box, theme, alpha=255)
        endings = list(app.story.endings.values())
        found = app.session.gallery.endings
        heading = f"Endings found: {sum(e.id in found for e in endings)} of {len(endings)}"
        text(surface, heading, app.font(28, bold=True), theme.accent, (self.box.x + app.px(28), self.box.y + app.px(16)))
        text(surface, "Esc: back", app.font(15), theme.muted, (self.box.right - app.px(28), self.box.y + app.px(26)), align="right")
        title_font, small = app.font(21, bold=True), app.font(15)
        y = self.box.y + app.font(28, bold=True).get_height() + app.px(34)
        for ending in endings[self.offset:]:
            row = self.row_height(title_font, small)
            if y + row > self.box.bottom - app.px(10):
                text(surface, "more below (arrows or wheel)", small, theme.muted, (self.box.centerx, self.box.bottom - small.get_height() - app.px(8)), align="center")
                break
            self.draw_entry(surface, ending, found.get(ending.id), pygame.Rect(self.box.x + app.px(28), y, self.box.width - app.px(56), row), title_font, small)
            y += row + app.px(12)

    def row_height(self, title_font, small) -> int:
        return title_font.get_height() + 2 * small.get_height() + self.app.px(12)

    def draw_entry(self, surface, ending, entry, rect: pygame.Rect, title_font, small) -> None:
        """One ending: its picture, title, first line and when it was found; a hidden one keeps
        all three back."""
        app, theme = self.app, self.app.theme
        thumb = pygame.Rect(rect.x, rect.y, round(rect.height * 16 / 9), rect.height)
        picture = ending_picture(app.story, ending.id) if entry else None
        if picture is not None:
            surface.blit(app.images.cover(picture, thumb.size), thumb.topleft)
        else:
            pygame.draw.rect(surface, theme.button, thumb, border_radius=6)
            text(surface, "?", title_font, theme.muted, (thumb.centerx, thumb.centery - title_font.get_height() // 2), align="center")
        pygame.draw.rect(surface, theme.button_edge, thumb, width=theme.edge_width, border_radius=6)
        x = thumb.right + app.px(16)
        width = rect.right - x
        if entry:
            times = entry.get("times", 1)
            title, title_color = ending.title, theme.text
            line = ending_line(app.story, ending.id)
            detail = f"First reached {_date(entry.get('first_reached'))}; reached {times} time{'s' if times != 1 else ''}"
        else:
            title, title_color, line, detail = "? ? ?", theme.muted, "", "Not found yet"
        text(surface, title, title_font, title_color, (x, rect.y))
        y = rect.y + title_font.get_height() + app.px(2)
        if line:
            surface.blit(app.lines.render(self.fitted(line, small, width), self.line_style(small), theme.text), (x, y))
        y += small.get_height() + app.px(2)
        text(surface, detail, small, theme.muted, (x, y))

    def line_style(self, font) -> TextStyle:
        """The first line in italics, at the size of `font` (the small text)."""
        italic = self.app.font(15, italic=True)
        return TextStyle(italic, italic, font.get_height(), 0)

    def fitted(self, line: str, font, width: int):
        """The ending's first line, on one line: cut with an ellipsis when it is too wide."""
        style = self.line_style(font)
        lines = wrap_paragraph(line, width, style)
        if len(lines) <= 1:
            return lines[0]
        words = line.split()
        while len(words) > 1:
            words.pop()
            shorter = wrap_paragraph(" ".join(words).rstrip(",;:") + ELLIPSIS, width, style)
            if len(shorter) == 1:
                return shorter[0]
        return lines[0]


def _date(stamp) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y")
    except (TypeError, ValueError):
        return "earlier"
