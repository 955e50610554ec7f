"""The error panel: what went wrong and where (file:line), with undo or back to the title."""

from __future__ import annotations

import pygame

from ..input import Act, Intent
from ..textlayout import TextStyle, wrap_paragraph
from ..widgets import Button, ButtonList, panel, shade, text
from .base import Screen


class ErrorScreen(Screen):
    name = "error"
    opaque = False

    def __init__(self, app, heading: str, detail: str):
        super().__init__(app)
        self.heading = heading
        self.details = [detail]
        self.box = pygame.Rect(0, 0, 0, 0)
        runner = app.session.runner
        self.list = ButtonList([
            Button("Undo the last move", app.undo_from_overlay, enabled=runner.can_undo),
            Button("Back to the game", self.dismiss),
            Button("Back to the title", self.to_title),
        ])

    def add(self, detail: str) -> None:
        if detail not in self.details:
            self.details.append(detail)
            self.relayout()

    def relayout(self) -> None:
        app = self.app
        self.box = pygame.Rect(0, 0, min(app.size[0] - app.px(60), app.px(820)), min(app.size[1] - app.px(40), app.px(480)))
        self.box.center = (app.size[0] // 2, app.size[1] // 2)
        height = app.font(19).get_height() + app.px(16)
        count = len(self.list.buttons)
        self.list.layout((self.box.x + app.px(28), self.box.bottom - app.px(24) - count * (height + app.px(8)) + app.px(8)), self.box.width - app.px(56), height, app.px(8))

    def dismiss(self) -> None:
        self.app.pop()

    def to_title(self) -> None:
        self.app.reset("title")

    def spoken(self) -> tuple[str, str]:
        return ". ".join([self.heading, *self.details]), self.list.spoken()

    def handle(self, intent: Intent) -> None:
        if intent.act is Act.BACK:
            self.dismiss()
        else:
            self.list.handle(intent)

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme)
        panel(surface, self.box, theme, alpha=255)
        pygame.draw.rect(surface, theme.danger, (self.box.x, self.box.y, self.box.width, app.px(6)), border_top_left_radius=10, border_top_right_radius=10)
        x, y = self.box.x + app.px(28), self.box.y + app.px(22)
        text(surface, self.heading, app.font(22, bold=True), theme.danger, (x, y))
        y += app.font(22, bold=True).get_height() + app.px(12)
        font = app.font(17)
        style = TextStyle(font, font, font.get_height() + app.px(4), app.px(8))
        limit = self.list.buttons[0].rect.y - app.px(12)
        for detail in self.details:
            for line in wrap_paragraph(detail, self.box.width - app.px(56), style):
                if y + style.line_height > limit:
                    break
                surface.blit(app.lines.render(line, style, theme.text), (x, y))
                y += style.line_height
            y += style.paragraph_gap
        self.list.draw(surface, theme, app.font(19))
