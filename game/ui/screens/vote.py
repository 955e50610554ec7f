"""The room's vote at a choice. Number keys add a vote to that option, Backspace takes one
off the option touched last, Left/Right change the selected option's count, T types the counts
(digits, Enter for the next option). Enter continues with the majority; on a tie the
facilitator picks one of the tied options with the arrows and Enter. Esc goes back to the text."""

from __future__ import annotations

import pygame

from ...classroom.votes import Tally
from ..classroom_draw import bar_rows, draw_wrapped, wrap
from ..input import Act, Intent
from ..voice import sentences
from ..widgets import panel, shade, text
from .base import Screen


KEYS = "1-9: add a vote  |  Backspace: take one off  |  Left/Right: change  |  T: type counts  |  Esc: back"


class VoteScreen(Screen):
    name = "vote"
    opaque = False

    def __init__(self, app, lesson, selected: int = 0):
        super().__init__(app)
        self.lesson = lesson
        self.turn = lesson.turn
        self.tally = Tally(len(self.turn.choices))
        self.selected = max(0, min(selected, len(self.turn.choices) - 1))
        self.typing: str | None = None  # digits typed for the selected option, while typing
        self.tie = False
        self.box = pygame.Rect(0, 0, 0, 0)
        self.chart = pygame.Rect(0, 0, 0, 0)
        self.rows: list[pygame.Rect] = []

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        self.box = pygame.Rect(0, 0, width - app.px(40), height - app.px(40))
        self.box.center = (width // 2, height // 2)
        top = self.box.y + app.px(24) + app.font(36, bold=True).get_linesize() + app.px(12)
        small, inner = app.font(22), self.box.width - app.px(60)
        self.keys_lines = len(wrap(KEYS, small, inner))
        longest = (self.status(), "No votes yet: number keys add a vote. Enter now goes on with the selected choice.",
                   f"Type the count for option {len(self.turn.choices)}: 999   (Enter: next option, Esc: stop typing)")
        self.status_lines = max(len(wrap(words, small, inner)) for words in longest)  # room for any status at this size
        bottom = self.box.bottom - app.px(24) - (self.status_lines + self.keys_lines) * small.get_linesize() - app.px(16)
        self.chart = pygame.Rect(self.box.x + app.px(30), top, self.box.width - app.px(60), bottom - top)

    # --- input ---------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        act = intent.act
        if self.typing is not None:
            self.handle_typing(intent)
        elif act is Act.BACK:
            self.app.pop()
        elif act is Act.CHOOSE:
            self.tally.add(intent.number)
            self.selected, self.tie = self.tally.last, False
        elif act is Act.UNDO:
            self.tally.remove()
            self.tie = False
        elif act in (Act.UP, Act.DOWN):
            self.selected = (self.selected + (-1 if act is Act.UP else 1)) % len(self.tally.counts)
        elif act in (Act.LEFT, Act.RIGHT):
            number = self.selected + 1
            self.tally.add(number) if act is Act.RIGHT else self.tally.remove(number)
            self.tie = False
        elif act is Act.TEXT and intent.text.lower() == "t":
            self.typing, self.selected = "", 0
        elif act is Act.ACTIVATE:
            self.go_on()
        elif act is Act.POINT:
            self.selected = next((i for i, r in enumerate(self.rows) if r.collidepoint(intent.pos)), self.selected)
        elif act is Act.CLICK:
            hit = next((i for i, r in enumerate(self.rows) if r.collidepoint(intent.pos)), None)
            if hit is not None:
                self.tally.add(hit + 1)
                self.selected, self.tie = hit, False

    def handle_typing(self, intent: Intent) -> None:
        act = intent.act
        if act is Act.TEXT and intent.text.isdigit():
            self.typing = (self.typing + intent.text)[-3:]
        elif act is Act.UNDO:
            self.typing = self.typing[:-1]
        elif act is Act.BACK:
            self.typing = None
        elif act is Act.ACTIVATE:
            if self.typing:
                self.tally.set(self.selected + 1, int(self.typing))
            self.tie = False
            if self.selected + 1 < len(self.tally.counts):
                self.selected += 1
                self.typing = ""
            else:
                self.typing = None
        elif act in (Act.UP, Act.DOWN):
            self.selected = (self.selected + (-1 if act is Act.UP else 1)) % len(self.tally.counts)
            self.typing = ""

    def go_on(self) -> None:
        """Enter: the majority continues; a tie asks for the facilitator's pick first."""
        if self.tally.winner is not None:
            self.decide(None)
        elif not self.tie and self.tally.total:
            self.tie = True
            leaders = self.tally.leaders()
            if self.selected + 1 not in leaders:
                self.selected = leaders[0] - 1
        elif self.selected + 1 in self.tally.leaders():
            self.decide(self.selected + 1)

    def decide(self, pick: int | None) -> None:
        self.lesson.decide(self.tally, pick)
        self.app.pop()

    # --- self-voicing -----------------------------------------------------------------------

    def spoken(self) -> tuple[str, str]:
        options = [f"Option {n}: {choice.text}" for n, choice in enumerate(self.turn.choices, 1)]
        words = sentences(["Room vote", *options, "Number keys add a vote, Backspace takes one off, T types the counts, Enter goes on"])
        count = self.tally.counts[self.selected]
        selected = f"Option {self.selected + 1}: {count} vote{'s' if count != 1 else ''}"
        return words, sentences([selected, f"{self.tally.total} in all", self.status()])

    # --- drawing ------------------------------------------------------------------------------

    def status(self) -> str:
        tally = self.tally
        if self.typing is not None:
            return f"Type the count for option {self.selected + 1}: {self.typing or '_'}   (Enter: next option, Esc: stop typing)"
        if not tally.total:
            return "No votes yet: number keys add a vote. Enter now goes on with the selected choice."
        if tally.winner is not None:
            return f"The majority chose {tally.winner}. Enter: go on."
        tied = " and ".join(str(n) for n in tally.leaders())
        if self.tie:
            return f"A tie between {tied}: pick one with Up/Down, then Enter."
        return f"A tie between {tied}. Enter: the facilitator picks."

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme, 215)
        panel(surface, self.box, theme, alpha=255)
        x = self.box.x + app.px(30)
        heading = app.font(36, bold=True)
        text(surface, f"Room vote: {self.tally.total} vote{'s' if self.tally.total != 1 else ''}", heading, theme.accent, (x, self.box.y + app.px(20)))
        leaders = set(n - 1 for n in self.tally.leaders()) if self.tally.total else set()
        font = app.font(26)
        labels = [c.text for c in self.turn.choices]
        self.rows = bar_rows(surface, self.chart, labels, self.tally.counts, theme, font, self.selected, leaders)
        small = app.font(22)
        y = self.box.bottom - app.px(20) - (self.status_lines + self.keys_lines) * small.get_linesize()
        draw_wrapped(surface, self.status(), small, theme.text, (x, y), self.box.width - app.px(60), self.status_lines)
        draw_wrapped(surface, KEYS, small, theme.muted, (x, y + self.status_lines * small.get_linesize()), self.box.width - app.px(60), self.keys_lines)
