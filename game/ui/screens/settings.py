"""Settings, applied at once and saved: text speed and size, font, theme, motion, volumes, fullscreen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

from ..input import Act, Intent
from ..settings import FONTS, TEXT_SIZES, TEXT_SPEEDS, THEMES
from ..widgets import edge, focus_ring, panel, shade, text
from .base import Screen

NAMES = {
    "slow": "Slow", "normal": "Normal", "fast": "Fast", "instant": "Instant",
    "default": "Default", "dyslexic": "OpenDyslexic", "high_contrast": "High contrast",
}


@dataclass
class Row:
    label: str
    key: str
    values: list
    show: Callable[[object], str]


def _rows() -> list[Row]:
    on_off = lambda v: "On" if v else "Off"  # noqa: E731
    return [
        Row("Text speed", "text_speed", list(TEXT_SPEEDS), lambda v: NAMES[v]),
        Row("Text size", "text_size", list(range(len(TEXT_SIZES))), lambda v: f"{v + 1} of {len(TEXT_SIZES)}"),
        Row("Font", "font", list(FONTS), lambda v: "Lato" if v == "default" else NAMES[v]),
        Row("Theme", "theme", list(THEMES), lambda v: NAMES[v]),
        Row("Reduced motion", "reduced_motion", [False, True], on_off),
        Row("Music volume", "music_volume", list(range(11)), lambda v: f"{v * 10}%"),
        Row("Sound volume", "sound_volume", list(range(11)), lambda v: f"{v * 10}%"),
        Row("Fullscreen", "fullscreen", [False, True], on_off),
        Row("Session records", "session_records", [False, True], on_off),
        Row("Think-about-it notes", "think_notes", [False, True], on_off),
        Row("Self-voicing (V)", "self_voicing", [False, True], on_off),
    ]


class SettingsScreen(Screen):
    """Up/down picks a row; left/right (or a click on either half of the value) changes it."""
    name = "settings"

    opaque = False

    def __init__(self, app):
        super().__init__(app)
        self.rows = _rows()
        self.focus = 0
        self.box = pygame.Rect(0, 0, 0, 0)
        self.row_rects: list[pygame.Rect] = []
        self.back_rect = pygame.Rect(0, 0, 0, 0)

    def relayout(self) -> None:
        app = self.app
        font = app.font(20)
        row_h = font.get_height() + app.px(16)
        gap = app.px(6)
        heading = app.font(28, bold=True).get_height() + app.px(26)
        width = min(app.size[0] - app.px(60), max(app.px(620), font.size("Reduced motion")[0] + font.size("<  High contrast  >")[0] + app.px(100)))
        count = len(self.rows) + 1
        height = heading + count * (row_h + gap) + app.px(30)
        self.box = pygame.Rect(0, 0, width, min(height, app.size[1] - app.px(20)))
        self.box.center = (app.size[0] // 2, app.size[1] // 2)
        row_h = min(row_h, (self.box.height - heading - app.px(30)) // count - gap)
        y = self.box.y + heading
        self.row_rects = []
        for _ in self.rows:
            self.row_rects.append(pygame.Rect(self.box.x + app.px(24), y, self.box.width - app.px(48), row_h))
            y += row_h + gap
        self.back_rect = pygame.Rect(self.box.x + app.px(24), y, self.box.width - app.px(48), row_h)

    def value_index(self, row: Row) -> int:
        return row.values.index(getattr(self.app.settings, row.key))

    def change(self, row: Row, delta: int) -> None:
        if row.key == "self_voicing":
            self.app.sound_of("click")()
            self.app.toggle_voice()  # it says "on" (or which engine to install) and reads the screen
            return
        index = (self.value_index(row) + delta) % len(row.values)
        setattr(self.app.settings, row.key, row.values[index])
        self.app.sound_of("click")()
        self.app.apply_settings()

    def handle(self, intent: Intent) -> None:
        act = intent.act
        on_back = self.focus == len(self.rows)
        if act is Act.BACK or act is Act.ACTIVATE and on_back:
            self.app.sound_of("back")()
            self.app.pop()
        elif act in (Act.UP, Act.DOWN):
            self.focus = (self.focus + (-1 if act is Act.UP else 1)) % (len(self.rows) + 1)
        elif act in (Act.LEFT, Act.RIGHT) and not on_back:
            self.change(self.rows[self.focus], -1 if act is Act.LEFT else 1)
        elif act is Act.ACTIVATE:
            self.change(self.rows[self.focus], 1)
        elif act in (Act.POINT, Act.CLICK):
            self.pointer(intent)

    def spoken(self) -> tuple[str, str]:
        if self.focus == len(self.rows):
            return "Settings", f"Back, button {self.focus + 1} of {self.focus + 1}"
        row = self.rows[self.focus]
        value = row.show(getattr(self.app.settings, row.key))
        return "Settings", f"{row.label}: {value}. Left and Right change it. Row {self.focus + 1} of {len(self.rows) + 1}"

    def pointer(self, intent: Intent) -> None:
        if self.back_rect.collidepoint(intent.pos):
            self.focus = len(self.rows)
            if intent.act is Act.CLICK:
                self.app.pop()
            return
        for index, rect in enumerate(self.row_rects):
            if rect.collidepoint(intent.pos):
                self.focus = index
                if intent.act is Act.CLICK:
                    middle = rect.x + rect.width * 0.45 + (rect.width * 0.55) / 2
                    self.change(self.rows[index], -1 if intent.pos[0] < middle else 1)

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme)
        panel(surface, self.box, theme, alpha=255)
        text(surface, "Settings", app.font(28, bold=True), theme.accent, (self.box.x + app.px(24), self.box.y + app.px(14)))
        font = app.font(20)
        for index, (row, rect) in enumerate(zip(self.rows, self.row_rects)):
            focused = index == self.focus
            pygame.draw.rect(surface, theme.button_hover if focused else theme.button, rect, border_radius=8)
            edge(surface, rect, theme)
            middle_y = rect.centery - font.get_height() // 2
            text(surface, row.label, font, theme.button_text, (rect.x + app.px(14), middle_y))
            value_area = pygame.Rect(rect.x + rect.width * 0.45, rect.y, rect.width * 0.55, rect.height)
            text(surface, "<", font, theme.accent, (value_area.x + app.px(8), middle_y))
            text(surface, ">", font, theme.accent, (value_area.right - app.px(8), middle_y), align="right")
            text(surface, row.show(getattr(app.settings, row.key)), font, theme.text, (value_area.centerx, middle_y), align="center")
            if focused:
                focus_ring(surface, rect, theme)
        focused = self.focus == len(self.rows)
        pygame.draw.rect(surface, theme.button_hover if focused else theme.button, self.back_rect, border_radius=8)
        edge(surface, self.back_rect, theme)
        text(surface, "Back", font, theme.button_text, (self.back_rect.centerx, self.back_rect.centery - font.get_height() // 2), align="center")
        if focused:
            focus_ring(surface, self.back_rect, theme)
