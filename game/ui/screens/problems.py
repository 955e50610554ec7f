"""The problems overlay: a reload found errors in the edited story. Each error with its
file:line:col; the game keeps playing the last version that loaded."""

from __future__ import annotations

import pygame

from ..input import Act, Intent
from ..textlayout import TextStyle
from ..widgets import panel, shade, text
from .base import Screen
from .scroll import TextColumn


class ProblemsOverlay(Screen):
    name = "problems"
    opaque = False

    def __init__(self, app, problems: list, watching: bool = False):
        super().__init__(app)
        self.problems = problems
        self.watching = watching
        self.column: TextColumn | None = None
        self.box = pygame.Rect(0, 0, 0, 0)

    def show(self, problems: list) -> None:
        """A later reload failed too: show its errors instead."""
        self.problems = problems
        self.relayout()

    @property
    def heading(self) -> str:
        count = len(self.problems)
        return f"The edited story has {count} error{'' if count == 1 else 's'}"

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        self.box = pygame.Rect(0, 0, min(width - app.px(48), app.px(1000)), height - app.px(48))
        self.box.center = (width // 2, height // 2)
        font = app.font(17)
        style = TextStyle(font, app.font(17, italic=True), font.get_height() + app.px(4), app.px(10))
        column = TextColumn(style, self.box.width - app.px(64))
        for problem in self.problems:
            column.add(str(problem.place), "accent")
            column.add(problem.message + (f" ({problem.hint})" if problem.hint else ""), "text", gap=0)
        top = self.box.y + app.px(20) + app.font(24, bold=True).get_height() + app.px(8) + 2 * (app.font(15).get_height() + app.px(4)) + app.px(12)
        column.view = pygame.Rect(self.box.x + app.px(28), top, column.width, self.box.bottom - app.px(20) - top)
        self.column = column

    def handle(self, intent: Intent) -> None:
        if intent.act in (Act.BACK, Act.ACTIVATE) or intent.act is Act.CLICK and not self.box.collidepoint(intent.pos):
            self.app.sound_of("back")()
            self.app.pop()
            return
        self.column.handle(intent)

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme, 215)
        panel(surface, self.box, theme, alpha=250)
        pygame.draw.rect(surface, theme.danger, (self.box.x, self.box.y, self.box.width, app.px(6)), border_top_left_radius=10, border_top_right_radius=10)
        x, y = self.box.x + app.px(28), self.box.y + app.px(20)
        heading = app.font(24, bold=True)
        text(surface, self.heading, heading, theme.danger, (x, y))
        y += heading.get_height() + app.px(8)
        small = app.font(15)
        fix = "save the file again to reload" if self.watching else "press F5 to reload"
        text(surface, f"Still playing the last version that loaded. Fix the files, then {fix}.", small, theme.text, (x, y))
        y += small.get_height() + app.px(4)
        text(surface, "Esc or Enter: back to the game  ·  arrows or wheel: scroll", small, theme.muted, (x, y))
        self.column.draw(surface, app.lines, {"text": theme.text, "muted": theme.muted, "accent": theme.accent})
