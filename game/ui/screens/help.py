"""Help (F1 from any screen): the keys, and what each of the story's measures means, with its
value now when a playthrough is under way."""

from __future__ import annotations

import pygame

from ..input import Act, Intent
from ..voice import sentences
from ..widgets import panel, shade, text
from .base import Screen
from .scroll import TextColumn, close_or_scroll, reading_column, reading_px, view_below_heading

KEYS = (
    ("Space, Enter or a click", "show the rest of the text, then the next page, then the focused choice"),
    ("1 to 9", "pick that choice"),
    ("Up and Down", "move between the choices"),
    ("Page Up or Left", "the page before"),
    ("Backspace or the wheel up", "undo the last move"),
    ("Tab", "step through the measures, with what each one means"),
    ("H", "history: the story so far"),
    ("Esc or a right click", "the pause menu: save, load, settings"),
    ("V", "self-voicing on or off: the game reads itself aloud"),
    ("F1", "this help"),
    ("F11 or Alt+Enter", "fullscreen"),
)


def measure_lines(story, values: dict | None) -> list[str]:
    """'Lane's trust (0 to 100, now 60): What Fenghuang Lane thinks of you.' for each measure."""
    lines = []
    for measure in story.measures:
        now = f", now {values[measure.variable]}" if values and measure.variable in values else ""
        about = measure.description or "no description in the story"
        lines.append(f"{measure.label} ({measure.low} to {measure.high}{now}): {about}")
    return lines


class HelpScreen(Screen):
    name = "help"
    opaque = False

    def __init__(self, app):
        super().__init__(app)
        self.column: TextColumn | None = None
        self.box = pygame.Rect(0, 0, 0, 0)

    def values(self) -> dict | None:
        """The measures' values when a scene is being played under this help."""
        return self.app.session.runner.state.variables if self.app.find("scene") else None

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        self.box = pygame.Rect(0, 0, min(width - app.px(40), app.px(1000)), height - app.px(40))
        self.box.center = (width // 2, height // 2)
        column = reading_column(app, self.box)
        px = reading_px(app)
        column.add("Keys", "accent")
        for key, does in KEYS:
            column.add(f"{key}: {does}", "text", gap=0)
        if app.story.measures:
            column.add("The measures", "accent")
            for line in measure_lines(app.story, self.values()):
                column.add(line, "text", gap=round(px * 0.3))
        view_below_heading(app, column, self.box)
        self.column = column

    def handle(self, intent: Intent) -> None:
        close_or_scroll(self, intent, Act.HELP)

    def spoken(self) -> tuple[str, str]:
        keys = [f"{key}: {does}" for key, does in KEYS]
        measures = ["The measures", *measure_lines(self.app.story, self.values())] if self.app.story.measures else []
        return sentences(["Help. Escape goes back", "Keys", *keys, *measures]), ""

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme)
        panel(surface, self.box, theme, alpha=255)
        text(surface, "Help", app.font(28, bold=True), theme.accent, (self.box.x + app.px(28), self.box.y + app.px(14)))
        text(surface, "Arrows to scroll. Esc: back.", app.font(15), theme.muted, (self.box.right - app.px(28), self.box.y + app.px(24)), align="right")
        self.column.draw(surface, app.lines, {"text": theme.text, "muted": theme.muted, "accent": theme.accent})
