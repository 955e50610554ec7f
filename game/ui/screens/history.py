"""The backlog: every scene's text so far and the choices made, scrollable."""

from __future__ import annotations

import pygame

from ..input import Act, Intent
from ..widgets import panel, shade, text
from .base import Screen
from .scroll import TextColumn, close_or_scroll, reading_column, view_below_heading


class HistoryScreen(Screen):
    name = "history"
    opaque = False

    def __init__(self, app):
        super().__init__(app)
        self.moments = app.session.timeline()
        self.column: TextColumn | None = None
        self.box = pygame.Rect(0, 0, 0, 0)

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        self.box = pygame.Rect(0, 0, min(width - app.px(60), app.px(900)), height - app.px(48))
        self.box.center = (width // 2, height // 2)
        column = reading_column(app, self.box)
        for moment in self.moments:
            if app.live is not None:  # debug mode: which scene each part comes from
                column.add(f"[{moment.turn.scene.id}]", "muted")
            for paragraph in moment.turn.paragraphs:
                column.add(paragraph, "text")
            if moment.step and moment.step.choice >= 0:
                column.add(f"> {moment.step.text}", "accent")
            elif moment.step is None:
                column.add("(you are here)", "muted")
        view_below_heading(app, column, self.box)
        column.scroll_to_end()
        self.column = column

    def handle(self, intent: Intent) -> None:
        close_or_scroll(self, intent, Act.HISTORY)

    def spoken(self) -> tuple[str, str]:
        """The last few moments (all of it would take minutes to hear), then how to go back."""
        parts = []
        for moment in self.moments[-3:]:
            parts += list(moment.turn.paragraphs)
            if moment.step and moment.step.choice >= 0:
                parts.append(f"You chose: {moment.step.text}")
        from ..voice import sentences
        return sentences(["History, the last moments", *parts, "Escape goes back"]), ""

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme)
        panel(surface, self.box, theme, alpha=255)
        text(surface, "History", app.font(28, bold=True), theme.accent, (self.box.x + app.px(28), self.box.y + app.px(14)))
        text(surface, "Wheel or arrows to scroll. Esc: back.", app.font(15), theme.muted, (self.box.right - app.px(28), self.box.y + app.px(24)), align="right")
        self.column.draw(surface, app.lines, {"text": theme.text, "muted": theme.muted, "accent": theme.accent})
