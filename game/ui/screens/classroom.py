"""Classroom mode's start: which chapter and, where the story offers them, which of its named
starts ("You complied"), how long the discussion timer runs, the projector preset (largest
text, high contrast) and an optional group nickname for the session record."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...classroom.record import NICKNAME_LIMIT, clean_nickname
from ..classroom_draw import draw_wrapped, wrap
from ..classroom_flow import start_lesson
from ..input import Act, Intent
from ..widgets import focus_ring, panel, shade, text
from .base import Screen

TIMERS = (0, 60, 90, 120, 180, 300)
NOTE = ("Up/Down choose a line, Left/Right change it, Enter starts. No names are needed: the record keeps only a "
        "random id and this nickname, on this computer.")


@dataclass
class Choice:
    label: str
    values: list
    index: int
    show: object


class ClassroomScreen(Screen):
    name = "classroom"
    opaque = False

    def __init__(self, app, chapter: int | None = None, nickname: str = "", start: str | None = None):
        super().__init__(app)
        chapters = [c.number for c in app.story.chapters] + [None]
        titles = {c.number: f"{c.number}. {c.title}" for c in app.story.chapters}
        first = chapters.index(chapter) if chapter is not None and chapter in chapters else 0
        self.chapter_row = Choice("Chapter", chapters, first, lambda v: titles.get(v, "The whole story"))
        # Only a story with named starts gets the row: a named start, or the chapter's middle path.
        self.start_row = Choice("Start", [None], 0, self.start_label) if any(c.starts for c in app.story.chapters) else None
        self.timer_row = Choice("Discussion timer", list(TIMERS), TIMERS.index(120), lambda v: f"{v // 60}:{v % 60:02d}" if v else "Off")
        self.projector_row = Choice("Projector preset", [True, False], 0, lambda v: "On: large text, high contrast" if v else "Off")
        self.rows = [row for row in (self.chapter_row, self.start_row, self.timer_row, self.projector_row) if row is not None]
        self.refresh_starts(start)
        self.nickname = clean_nickname(nickname)
        self.focus = 0
        self.rects: list[pygame.Rect] = []
        self.box = pygame.Rect(0, 0, 0, 0)

    def chosen_chapter(self):
        number = self.chapter_row.values[self.chapter_row.index]
        return self.app.story.chapter(number) if number is not None else None

    def start_label(self, name: str | None) -> str:
        chapter = self.chosen_chapter()
        if name is None:
            return "The middle path" if chapter is not None else "The story's beginning"
        return next(s.label for s in chapter.starts if s.name == name)

    def refresh_starts(self, wanted: str | None = None) -> None:
        """The start row follows the chapter: its middle path, then its named starts."""
        if self.start_row is None:
            return
        chapter = self.chosen_chapter()
        self.start_row.values = [None] + (chapter.start_names if chapter is not None else [])
        self.start_row.index = self.start_row.values.index(wanted) if wanted in self.start_row.values else 0

    @property
    def takes_typing(self) -> bool:
        return self.focus == len(self.rows)  # the nickname field

    def spoken(self) -> tuple[str, str]:
        if self.focus < len(self.rows):
            row = self.rows[self.focus]
            focus = f"{row.label}: {row.show(row.values[row.index])}. Left and Right change it"
        elif self.focus == len(self.rows):
            focus = f"Nickname, optional, a text field: {self.nickname or 'empty'}"
        else:
            focus = "Start the lesson, button" if self.focus == len(self.rows) + 1 else "Back, button"
        words = "Classroom. Up and Down choose a line. No names are needed: the record keeps only a random id and a nickname, on this computer"
        return words, f"{focus}. {self.focus + 1} of {self.count}"

    @property
    def count(self) -> int:
        return len(self.rows) + 3  # the rows, the nickname, Start, Back

    def relayout(self) -> None:
        app = self.app
        font = app.font(24)
        row_h = font.get_height() + app.px(20)
        gap = app.px(10)
        heading = app.font(34, bold=True).get_linesize() + app.px(20)
        width = min(app.size[0] - app.px(40), app.px(1000))
        self.note_lines = len(wrap(NOTE, app.font(20), width - app.px(48)))  # all of it, at any text size
        note = app.font(20).get_linesize() * self.note_lines + app.px(10)
        height = min(app.size[1] - app.px(20), heading + self.count * (row_h + gap) + note + app.px(40))
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (app.size[0] // 2, app.size[1] // 2)
        row_h = min(row_h, (height - heading - note - app.px(40)) // self.count - gap)
        y = self.box.y + app.px(20) + heading
        self.rects = []
        for _ in range(self.count):
            self.rects.append(pygame.Rect(self.box.x + app.px(24), y, width - app.px(48), row_h))
            y += row_h + gap

    # --- input ---------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        act = intent.act
        on_name = self.focus == len(self.rows)
        if on_name and intent.text.isalpha() and act is not Act.TEXT:
            return  # W, A, S, D move elsewhere; in the nickname they are letters (typed as TEXT)
        if act is Act.BACK:
            self.app.pop()
        elif act in (Act.UP, Act.DOWN):
            self.focus = (self.focus + (-1 if act is Act.UP else 1)) % self.count
        elif act in (Act.LEFT, Act.RIGHT) and self.focus < len(self.rows):
            self.turn(self.rows[self.focus], -1 if act is Act.LEFT else 1)
        elif on_name and act is Act.TEXT:
            self.nickname = clean_nickname(self.nickname + intent.text)[:NICKNAME_LIMIT]
        elif on_name and act is Act.UNDO:
            self.nickname = self.nickname[:-1]
        elif act is Act.ACTIVATE:
            self.activate()
        elif act is Act.CLICK:
            hit = next((i for i, r in enumerate(self.rects) if r.collidepoint(intent.pos)), None)
            if hit is not None:
                self.focus = hit
                self.activate()

    def activate(self) -> None:
        if self.focus < len(self.rows):
            self.turn(self.rows[self.focus], 1)
        elif self.focus == len(self.rows) + 1:
            self.start()
        elif self.focus == len(self.rows) + 2:
            self.app.pop()
        else:
            self.focus += 1  # Enter in the nickname field: on to Start

    def turn(self, row: Choice, step: int) -> None:
        row.index = (row.index + step) % len(row.values)
        if row is self.chapter_row:
            self.refresh_starts()

    @staticmethod
    def value(row: Choice):
        return row.values[row.index]

    def start(self) -> None:
        named = self.value(self.start_row) if self.start_row is not None else None
        start_lesson(self.app, self.value(self.chapter_row), self.value(self.timer_row), self.value(self.projector_row), self.nickname, start=named)
        self.app.reset("scene")

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme, 215)
        panel(surface, self.box, theme, alpha=255)
        text(surface, "Classroom", app.font(34, bold=True), theme.accent, (self.box.x + app.px(24), self.box.y + app.px(16)))
        font = app.font(24)
        labels = [(row.label, row.show(row.values[row.index])) for row in self.rows]
        labels.append(("Nickname (optional)", (self.nickname or "type here") + ("_" if self.focus == len(self.rows) else "")))
        for index, rect in enumerate(self.rects):
            focused = index == self.focus
            pygame.draw.rect(surface, theme.button_hover if focused else theme.button, rect, border_radius=8)
            if theme.name == "high_contrast":
                pygame.draw.rect(surface, theme.text, rect, width=2, border_radius=8)
            y = rect.centery - font.get_height() // 2
            if index < len(labels):
                label, value = labels[index]
                text(surface, label, font, theme.button_text, (rect.x + app.px(14), y))
                arrows = index < len(self.rows)
                shown = f"<  {value}  >" if arrows else value
                color = theme.muted if index == len(self.rows) and not self.nickname else theme.text
                text(surface, shown, font, color, (rect.right - app.px(14), y), align="right")
            else:
                label = "Start the lesson" if index == len(labels) else "Back"
                text(surface, label, font, theme.button_text, (rect.centerx, y), align="center")
            if focused:
                focus_ring(surface, rect, theme)
        bottom = self.rects[-1].bottom + app.px(12)
        draw_wrapped(surface, NOTE, app.font(20), theme.muted, (self.box.x + app.px(24), bottom), self.box.width - app.px(48), self.note_lines)
