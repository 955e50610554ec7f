"""The endings gallery: every ending of the story, found or still hidden, kept across games."""

from __future__ import annotations

from datetime import datetime

import pygame

from ..input import Act, Intent
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
        row = title_font.get_height() + small.get_height() + app.px(18)
        y = self.box.y + app.font(28, bold=True).get_height() + app.px(34)
        for ending in endings[self.offset:]:
            if y + row > self.box.bottom - app.px(10):
                text(surface, "more below (arrows or wheel)", small, theme.muted, (self.box.centerx, self.box.bottom - small.get_height() - app.px(8)), align="center")
                break
            entry = found.get(ending.id)
            x = self.box.x + app.px(28)
            if entry:
                text(surface, ending.title, title_font, theme.text, (x, y))
                detail = f"First reached {_date(entry.get('first_reached'))}; reached {entry.get('times', 1)} time{'s' if entry.get('times', 1) != 1 else ''}"
            else:
                text(surface, "? ? ?", title_font, theme.muted, (x, y))
                detail = "Not found yet"
            text(surface, detail, small, theme.muted, (x, y + title_font.get_height() + app.px(2)))
            y += row


def _date(stamp) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y")
    except (TypeError, ValueError):
        return "earlier"
