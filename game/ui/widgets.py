"""Buttons, button lists, option rows and panels, drawn from the theme with a visible focus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from .input import Act, Intent
from .theme import Theme


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, alpha: int | None = None, radius: int = 10) -> None:
    """A rounded panel in the theme's panel colour."""
    alpha = theme.panel_alpha if alpha is None else alpha
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*theme.panel, alpha), layer.get_rect(), border_radius=radius)
    surface.blit(layer, rect.topleft)
    if theme.name == "high_contrast":
        pygame.draw.rect(surface, theme.text, rect, width=2, border_radius=radius)


OVERLAY_SHADE = 224  # behind an overlay the scene is a dim hint of itself, never readable text


def shade(surface: pygame.Surface, theme: Theme, alpha: int = OVERLAY_SHADE) -> None:
    """Dim everything drawn so far (behind a menu)."""
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    layer.fill((*theme.shade, 255 if theme.name == "high_contrast" else alpha))
    surface.blit(layer, (0, 0))


def text(surface: pygame.Surface, words: str, font: pygame.font.Font, color, pos, align: str = "left") -> pygame.Rect:
    image = font.render(words, True, color)
    rect = image.get_rect()
    setattr(rect, {"left": "topleft", "center": "midtop", "right": "topright"}[align], pos)
    surface.blit(image, rect)
    return rect


def edge(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, radius: int = 8) -> None:
    """A button's outline, visible against the panel (3:1 or more)."""
    pygame.draw.rect(surface, theme.button_edge, rect, width=theme.edge_width, border_radius=radius)


def fit_text(line: str, font: pygame.font.Font, width: int) -> str:
    """The line, cut with an ellipsis if it is wider than `width`."""
    if font.size(line)[0] <= width:
        return line
    while line and font.size(line + "\u2026")[0] > width:
        line = line[:-1]
    return line.rstrip() + "\u2026"


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, radius: int = 8) -> None:
    pygame.draw.rect(surface, theme.focus, rect.inflate(theme.focus_width * 2 + 2, theme.focus_width * 2 + 2), width=theme.focus_width, border_radius=radius + 3)


@dataclass
class Button:
    label: str
    action: Callable[[], None]
    enabled: bool = True
    detail: str = ""
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))


class ButtonList:
    """A vertical list of buttons: arrows move the focus, Enter or a click activates, the
    mouse hovering moves the focus too."""

    def __init__(self, buttons: list[Button], focus: int = 0):
        self.buttons = buttons
        self.focus = self._first_enabled(focus)
        self.hover_sound: Callable[[], None] = lambda: None
        self.click_sound: Callable[[], None] = lambda: None

    def _first_enabled(self, start: int) -> int:
        for offset in range(len(self.buttons)):
            index = (start + offset) % len(self.buttons)
            if self.buttons[index].enabled:
                return index
        return 0

    def layout(self, top_left: tuple[int, int], width: int, height: int, gap: int) -> pygame.Rect:
        x, y = top_left
        for button in self.buttons:
            button.rect = pygame.Rect(x, y, width, height)
            y += height + gap
        return pygame.Rect(x, top_left[1], width, y - gap - top_left[1])

    def move(self, delta: int) -> None:
        index = self.focus
        for _ in range(len(self.buttons)):
            index = (index + delta) % len(self.buttons)
            if self.buttons[index].enabled:
                self.focus = index
                return

    def handle(self, intent: Intent) -> bool:
        """True when the intent was used."""
        if intent.act is Act.UP:
            self.move(-1)
        elif intent.act is Act.DOWN:
            self.move(1)
        elif intent.act is Act.ACTIVATE:
            self.activate(self.focus)
        elif intent.act is Act.POINT:
            hit = self.hit(intent.pos)
            if hit is not None and hit != self.focus:
                self.focus = hit
                self.hover_sound()
            return hit is not None
        elif intent.act is Act.CLICK:
            hit = self.hit(intent.pos)
            if hit is None:
                return False
            self.focus = hit
            self.activate(hit)
        else:
            return False
        return True

    def spoken(self) -> str:
        """The focused button as self-voicing reads it: 'Load, button 3 of 8'."""
        if not self.buttons:
            return ""
        button = self.buttons[self.focus]
        detail = f", {button.detail}" if button.detail else ""
        off = ", unavailable" if not button.enabled else ""
        return f"{button.label}{detail}, button {self.focus + 1} of {len(self.buttons)}{off}"

    def hit(self, pos) -> int | None:
        for index, button in enumerate(self.buttons):
            if button.enabled and button.rect.collidepoint(pos):
                return index
        return None

    def activate(self, index: int) -> None:
        if 0 <= index < len(self.buttons) and self.buttons[index].enabled:
            self.focus = index
            self.click_sound()
            self.buttons[index].action()

    def with_sounds(self, hover: Callable[[], None], click: Callable[[], None]) -> "ButtonList":
        self.hover_sound, self.click_sound = hover, click
        return self

    def draw(self, surface: pygame.Surface, theme: Theme, font: pygame.font.Font, detail_font: pygame.font.Font | None = None) -> None:
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, theme, font, focused=index == self.focus, detail_font=detail_font)


def draw_button(surface, button: Button, theme: Theme, font, focused: bool, detail_font=None) -> None:
    rect = button.rect
    color = theme.button_hover if focused else theme.button
    if button.enabled:
        pygame.draw.rect(surface, color, rect, border_radius=8)
    edge = theme.button_edge if button.enabled else theme.disabled
    pygame.draw.rect(surface, edge, rect, width=theme.edge_width if button.enabled else 1, border_radius=8)
    label_color = theme.button_text if button.enabled else theme.disabled
    pad = max(8, rect.height // 4)
    if button.detail and detail_font:
        pad = max(8, (rect.height - font.get_height() - detail_font.get_height()) // 2)
        text(surface, button.label, font, label_color, (rect.x + pad, rect.y + pad))
        detail = fit_text(button.detail, detail_font, rect.width - 2 * pad)
        text(surface, detail, detail_font, theme.muted if button.enabled else theme.disabled, (rect.x + pad, rect.y + pad + font.get_height()))
    else:
        image = font.render(button.label, True, label_color)
        surface.blit(image, image.get_rect(midleft=(rect.x + pad, rect.centery)))
    if focused:
        focus_ring(surface, rect, theme)
