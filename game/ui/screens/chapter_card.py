"""The chapter title card: "Chapter 2" and its title, for a moment as a chapter begins."""

from __future__ import annotations

import pygame

from ..input import Act, Intent
from ..widgets import text
from .base import Screen

CARD_SECONDS = 2.4  # how long the card stays unless a key skips it
FADE_SECONDS = 0.4  # in and out (none with reduced motion)


class ChapterCard(Screen):
    """Over the scene, which waits beneath it (its text does not start until the card goes).
    Any fresh press or click skips it; a held key's repeats do not, and nothing reaches the
    scene until the card has gone."""

    name = "chapter_card"
    opaque = False  # the scene is drawn beneath, for the fade

    def __init__(self, app, number: int):
        super().__init__(app)
        self.chapter = app.story.chapter(number)
        self.born = app.now()

    def handle(self, intent: Intent) -> None:
        if intent.repeat or intent.act in (Act.POINT, Act.SCROLL_UP, Act.SCROLL_DOWN):
            return
        self.app.pop()

    def update(self, dt: float) -> bool:
        if self.app.now() - self.born >= CARD_SECONDS:
            if self.app.top is self:
                self.app.pop()
            return True
        return not self.app.settings.reduced_motion

    def spoken(self) -> tuple[str, str]:
        return f"Chapter {self.chapter.number}: {self.chapter.title}", ""

    @property
    def animating(self) -> bool:
        return self.app.top is self  # counts down, and fades unless motion is reduced

    def opacity(self) -> int:
        """0..255: rising in, held, then falling out; always whole with reduced motion."""
        if self.app.settings.reduced_motion:
            return 255
        age = self.app.now() - self.born
        share = min(age / FADE_SECONDS, (CARD_SECONDS - age) / FADE_SECONDS, 1.0)
        return round(255 * max(0.0, share))

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        card = pygame.Surface(app.size).convert()
        card.fill(theme.shade)
        paper = app.story.asset_path("backgrounds/paper.png")
        if paper and paper.is_file() and theme.name != "high_contrast":
            card.blit(app.images.cover(paper, app.size), (0, 0))
        label, title = app.font(22), app.font(52, bold=True)
        size = 52
        while title.size(self.chapter.title)[0] > app.size[0] - app.px(80) and size > 24:
            size -= 4
            title = app.font(size, bold=True)
        gap = app.px(10)
        total = label.get_height() + gap + title.get_height()
        y = (app.size[1] - total) // 2
        centre = app.size[0] // 2
        text(card, f"Chapter {self.chapter.number}", label, theme.muted, (centre, y), align="center")
        y += label.get_height() + gap
        width = min(app.size[0] - app.px(80), title.size(self.chapter.title)[0])
        line_y = y + title.get_height() + app.px(14)
        text(card, self.chapter.title, title, theme.accent, (centre, y), align="center")
        pygame.draw.line(card, theme.accent, (centre - width // 4, line_y), (centre + width // 4, line_y), max(1, app.px(2)))
        card.set_alpha(self.opacity())
        surface.blit(card, (0, 0))
