"""A titled list of buttons over a dimmed or pictured backdrop: the base of the title, pause
and chapter menus."""

from __future__ import annotations

import pygame

from ..input import Act, Intent
from ..widgets import Button, ButtonList, panel, shade, text
from .base import Screen


class MenuScreen(Screen):
    """Buttons in a panel, with a heading; Esc goes back unless `can_go_back` is False."""

    opaque = False
    heading = ""
    can_go_back = True
    button_height = 46

    def __init__(self, app):
        super().__init__(app)
        self.list = self.make_list(0)
        self.box = pygame.Rect(0, 0, 0, 0)

    def buttons(self) -> list[Button]:
        raise NotImplementedError

    def make_list(self, focus: int) -> ButtonList:
        return ButtonList(self.buttons(), focus).with_sounds(self.app.sound_of("hover"), self.app.sound_of("click"))

    def rebuild(self) -> None:
        self.list = self.make_list(self.list.focus)
        self.relayout()

    def relayout(self) -> None:
        """Size the panel to its buttons, place it, then lay the buttons out inside it."""
        app = self.app
        self.button_size = (
            min(app.size[0] - app.px(80), max(app.px(340), max(app.font(20).size(b.label)[0] for b in self.list.buttons) + app.px(60))),
            max(app.font(20).get_height() + app.px(18), app.px(self.button_height)),
        )
        self.heading_height = app.font(30, bold=True).get_height() + app.px(24) if self.heading else 0
        gap = app.px(10)
        total = self.heading_height + len(self.list.buttons) * (self.button_size[1] + gap) - gap
        self.box = pygame.Rect(0, 0, self.button_size[0] + app.px(48), total + app.px(48))
        self.place()
        self.list.layout((self.box.x + app.px(24), self.box.y + app.px(24) + self.heading_height), *self.button_size, gap)

    def place(self) -> None:
        """Where the panel goes: the middle of the window, unless a screen says otherwise."""
        self.box.center = (self.app.size[0] // 2, self.app.size[1] // 2)

    def handle(self, intent: Intent) -> None:
        if intent.act is Act.BACK and self.can_go_back:
            self.app.sound_of("back")()
            self.app.pop()
        elif intent.act is Act.CHOOSE:
            self.list.activate(intent.number - 1)
        else:
            self.list.handle(intent)

    def spoken(self) -> tuple[str, str]:
        return self.heading, self.list.spoken()

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        shade(surface, self.app.theme)

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        self.draw_backdrop(surface)
        panel(surface, self.box, theme, alpha=255)
        if self.heading:
            text(surface, self.heading, app.font(30, bold=True), theme.accent, (self.box.centerx, self.box.y + app.px(18)), align="center")
        self.list.draw(surface, theme, app.font(20))
