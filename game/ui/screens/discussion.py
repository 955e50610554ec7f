"""The discussion pause: before the choices, the scene's prompts on a card, with a countdown
the facilitator starts, pauses, extends or skips. Keyboard: Enter presses the focused button,
Left/Right move between them, + and - add or take 30 seconds, Esc goes to the choice."""

from __future__ import annotations

import pygame

from ...classroom.countdown import EXTEND_SECONDS, Countdown
from ..classroom_draw import draw_wrapped, wrap
from ..input import Act, Intent
from ..voice import sentences
from ..widgets import Button, ButtonList, panel, shade, text
from .base import Screen


class DiscussionCard(Screen):
    name = "discussion"
    opaque = False

    def __init__(self, app, lesson):
        super().__init__(app)
        self.lesson = lesson
        self.prompts = lesson.turn.discuss
        self.countdown = Countdown(lesson.discussion_seconds) if lesson.discussion_seconds else None
        self.box = pygame.Rect(0, 0, 0, 0)
        self.list = self.make_list()

    def make_list(self) -> ButtonList:
        buttons = []
        if self.countdown:
            label = "Pause" if self.countdown.running else ("Go on" if self.countdown.started and not self.countdown.done else "Start the timer")
            buttons += [Button(label, self.countdown.toggle, enabled=not self.countdown.done), Button(f"+{EXTEND_SECONDS} s", self.countdown.extend)]
        buttons.append(Button("Go to the choice" if not self.countdown or self.countdown.done else "Skip: go to the choice", self.close))
        focus = getattr(self, "list", None)
        listing = ButtonList(buttons, focus.focus if focus else 0)
        if self.countdown and self.countdown.done:
            listing.focus = len(buttons) - 1
        return listing.with_sounds(self.app.sound_of("hover"), self.app.sound_of("click"))

    @property
    def animating(self) -> bool:
        return bool(self.countdown and self.countdown.running)

    def close(self) -> None:
        self.app.pop()

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        self.box = pygame.Rect(0, 0, min(width - app.px(40), app.px(1100)), height - app.px(40))
        self.box.center = (width // 2, height // 2)
        font = app.font(24)
        button_h = font.get_height() + app.px(20)
        gap = app.px(14)
        buttons = self.list.buttons
        room = self.box.width - app.px(60)
        pad = max(8, button_h // 4)
        natural = [font.size(b.label)[0] + 2 * pad + app.px(8) for b in buttons]
        if sum(natural) + gap * (len(buttons) - 1) <= room:  # one row, each as wide as its label needs
            extra = (room - sum(natural) - gap * (len(buttons) - 1)) // len(buttons)
            x, y = self.box.x + app.px(30), self.box.bottom - app.px(30) - button_h
            for button, width in zip(buttons, natural):
                button.rect = pygame.Rect(x, y, width + extra, button_h)
                x += width + extra + gap
        else:  # large text on a narrow window: one above the other, never cut
            y = self.box.bottom - app.px(30) - len(buttons) * (button_h + gap) + gap
            for button in buttons:
                button.rect = pygame.Rect(self.box.x + app.px(30), y, room, button_h)
                y += button_h + gap

    def rebuild(self) -> None:
        self.list = self.make_list()
        self.relayout()

    def handle(self, intent: Intent) -> None:
        act = intent.act
        if act is Act.BACK:
            self.close()
        elif act in (Act.LEFT, Act.RIGHT):
            self.list.move(-1 if act is Act.LEFT else 1)
        elif act is Act.TEXT and self.countdown and intent.text in "+=-":
            self.countdown.extend() if intent.text in "+=" else self.countdown.shorten()
            self.rebuild()
        elif act is Act.CHOOSE:
            self.list.activate(intent.number - 1)
            self.after_press()
        elif self.list.handle(intent) and act in (Act.ACTIVATE, Act.CLICK):
            self.after_press()

    def after_press(self) -> None:
        if self.app.top is self:
            self.rebuild()

    def spoken(self) -> tuple[str, str]:
        """The prompts; then the timer's state (not every tick) with the focused button."""
        keys = f"Left and Right move between the buttons; plus and minus change the timer by {EXTEND_SECONDS} seconds" if self.countdown else ""
        words = sentences(["Talk about it", *self.prompts, keys])
        timer = ""
        if self.countdown:
            timer = "Time is up. " if self.countdown.done else ("Timer running. " if self.countdown.running else f"Timer {self.countdown.label()}, stopped. ")
        return words, timer + self.list.spoken()

    def update(self, dt: float) -> bool:
        if not self.countdown or not self.countdown.running:
            return False
        changed = self.countdown.update(dt)
        if self.countdown.done:
            self.rebuild()
        return changed

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme, 215)
        panel(surface, self.box, theme, alpha=255)
        x, y = self.box.x + app.px(30), self.box.y + app.px(24)
        inner = self.box.width - app.px(60)
        heading = app.font(36, bold=True)
        text(surface, "Talk about it", heading, theme.accent, (x, y))
        if self.countdown:
            clock = app.font(48, bold=True)
            color = theme.danger if self.countdown.done else theme.text
            text(surface, "Time is up" if self.countdown.done else self.countdown.label(), clock, color, (self.box.right - app.px(30), y - app.px(6)), align="right")
        y += heading.get_linesize() + app.px(16)
        font = app.font(30)
        bottom = self.list.buttons[0].rect.y - app.px(20)
        lines_left = max(1, (bottom - y) // font.get_linesize())
        for prompt in self.prompts:
            if lines_left <= 0:
                break
            needed = min(len(wrap(prompt, font, inner - app.px(30))), lines_left)
            pygame.draw.rect(surface, theme.accent, (x, y + app.px(6), app.px(8), needed * font.get_linesize() - app.px(12)))
            y = draw_wrapped(surface, prompt, font, theme.text, (x + app.px(30), y), inner - app.px(30), needed) + app.px(18)
            lines_left -= needed + 1
        self.list.draw(surface, theme, app.font(24))
