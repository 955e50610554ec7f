"""Ordinary play with the "think about it" setting on: after a choice, the scene's discussion
prompts as a quiet note at the bottom; any key or click puts it away."""

from __future__ import annotations

import pygame

from ..classroom_draw import draw_wrapped, wrap
from ..input import Act, Intent
from ..voice import sentences
from ..widgets import panel, text
from .base import Screen


class ThinkNote(Screen):
    name = "think_note"
    opaque = False

    def __init__(self, app, prompts: tuple[str, ...]):
        super().__init__(app)
        self.prompts = prompts
        self.box = pygame.Rect(0, 0, 0, 0)

    def relayout(self) -> None:
        app = self.app
        width = min(app.size[0] - app.px(40), app.px(900))
        font = app.font(19, italic=True)
        lines = sum(len(wrap(p, font, width - app.px(40))) for p in self.prompts) + 1
        gaps = app.px(8) * (len(self.prompts) - 1)
        height = min(app.size[1] - app.px(28), lines * font.get_linesize() + gaps + app.px(40) + app.font(15).get_linesize())
        self.box = pygame.Rect(0, 0, width, height)
        self.box.midbottom = (app.size[0] // 2, app.size[1] - app.px(14))

    def handle(self, intent: Intent) -> None:
        if intent.act not in (Act.POINT, Act.TEXT):
            self.app.pop()

    def spoken(self) -> tuple[str, str]:
        return sentences(["Think about it", *self.prompts, "Any key to go on"]), ""

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        panel(surface, self.box, theme, alpha=255)  # opaque: the scene's text never shows through the note
        x, y = self.box.x + app.px(20), self.box.y + app.px(12)
        font = app.font(19, italic=True)
        text(surface, "Think about it", app.font(19, bold=True), theme.accent, (x, y))
        y += font.get_linesize()
        for prompt in self.prompts:
            y = draw_wrapped(surface, prompt, font, theme.text, (x, y), self.box.width - app.px(40)) + app.px(8)
        text(surface, "any key to go on", app.font(15), theme.muted, (self.box.right - app.px(16), self.box.bottom - app.font(15).get_linesize() - app.px(6)), align="right")
