"""The end of a chapter played on its own (and, in classroom mode, of the story): what was
chosen, how the measures moved, the chapter's discussion questions. In classroom mode it
offers the road not taken, and the way back to the class's own path."""

from __future__ import annotations

import pygame

from ...classroom.summary import chapter_summary
from ..classroom_draw import draw_wrapped, wrap
from ..classroom_flow import end_lesson
from ..input import Act, Intent
from ..voice import sentences
from ..widgets import Button, ButtonList, panel, text
from .base import Screen


NO_QUESTIONS = "What would you have done differently, and what would it have cost?"


class ChapterEndScreen(Screen):
    name = "chapter_end"

    def __init__(self, app, lesson=None):
        super().__init__(app)
        self.lesson = lesson
        runner = app.session.runner
        turn = runner.turn
        chapter = lesson.chapter if lesson else runner.state.chapter
        over = lesson.chapter_over if lesson else chapter is not None
        self.summary = chapter_summary(runner, chapter if over else None)
        if over:
            self.heading = f"End of chapter {self.summary.number}: {self.summary.title}"
        else:
            self.heading = f"Ending: {turn.ending.title}" if turn.ending else self.summary.title
        self.list = ButtonList(self.buttons()).with_sounds(app.sound_of("hover"), app.sound_of("click"))
        self.left = pygame.Rect(0, 0, 0, 0)
        self.right = pygame.Rect(0, 0, 0, 0)

    def buttons(self) -> list[Button]:
        app, lesson = self.app, self.lesson
        if lesson is None:
            return [Button("Back to the title", lambda: app.reset("title")), Button("Play on", self.play_on)]
        items = [Button("The road not taken", lambda: app.push("roads", lesson=lesson), enabled=bool(lesson.choice_points()))]
        if lesson.on_road:
            items.append(Button("Back to the class's path", self.back_to_path))
        items.append(Button("Finish the lesson", self.finish))
        return items

    def play_on(self) -> None:
        """Go on into the next chapter: from here the playthrough is no longer one chapter's."""
        self.app.session.runner.state.chapter = None
        self.app.pop()

    def back_to_path(self) -> None:
        self.lesson.return_to_path()
        self.app.reset("chapter_end", lesson=self.lesson)

    def finish(self) -> None:
        end_lesson(self.app)
        self.app.reset("title")

    def relayout(self) -> None:
        """Two panels (the measures and the choices; the questions) over the buttons. What does
        not fit a panel goes on to a next page (Page Down), never off its edge."""
        app = self.app
        width, height = app.size
        margin, pad = app.px(30), app.px(20)
        button_h = app.font(24).get_height() + app.px(18)
        top = margin + app.font(38, bold=True).get_linesize() + app.px(20)
        bottom = height - margin - button_h - app.px(20)
        split = width // 2
        self.left_panel = pygame.Rect(margin, top, split - margin - app.px(10), bottom - top)
        self.right_panel = pygame.Rect(split + app.px(10), top, width - split - margin - app.px(10), bottom - top)
        self.left, self.right = self.left_panel.inflate(-2 * pad, -2 * pad), self.right_panel.inflate(-2 * pad, -2 * pad)
        count = len(self.list.buttons)
        gap = app.px(14)
        button_w = (width - 2 * margin - gap * (count - 1)) // count
        for index, button in enumerate(self.list.buttons):
            button.rect = pygame.Rect(margin + index * (button_w + gap), height - margin - button_h, button_w, button_h)
        head, font = app.font(26, bold=True), app.font(22)
        measures_h = head.get_linesize() + app.px(4) + len(self.summary.measures) * (font.get_linesize() + app.px(2)) + app.px(14)
        choices_top = self.left.y + measures_h + head.get_linesize() + app.px(4)
        lines = [min(2, len(wrap(f"{n}. {c}", font, self.left.width))) for n, c in enumerate(self.summary.choices, 1)]
        continued = self.left.y + head.get_linesize() + app.px(4)  # later pages: the choices alone, from the top
        self.choice_pages = paged(lines, font.get_linesize(), app.px(4), self.left.bottom - continued, self.left.bottom - choices_top)
        qfont = app.font(24)
        questions = self.summary.questions or (NO_QUESTIONS,)
        qlines = [len(wrap(q, qfont, self.right.width - app.px(24))) for q in questions]
        room = self.right.bottom - (self.right.y + head.get_linesize() + app.px(6))
        self.question_pages = paged(qlines, qfont.get_linesize(), app.px(12), room)
        self.page = min(getattr(self, "page", 0), self.pages - 1)

    @property
    def pages(self) -> int:
        return max(len(self.choice_pages), len(self.question_pages), 1)

    def handle(self, intent: Intent) -> None:
        if intent.act in (Act.PAGE_DOWN, Act.PAGE_UP, Act.SCROLL_DOWN, Act.SCROLL_UP):
            step = 1 if intent.act in (Act.PAGE_DOWN, Act.SCROLL_DOWN) else -1
            self.page = max(0, min(self.pages - 1, self.page + step))
        elif intent.act is Act.BACK:
            if self.lesson is None:
                self.play_on()
        elif intent.act in (Act.LEFT, Act.RIGHT):
            self.list.move(-1 if intent.act is Act.LEFT else 1)
        elif intent.act is Act.CHOOSE:
            self.list.activate(intent.number - 1)
        else:
            self.list.handle(intent)

    def spoken(self) -> tuple[str, str]:
        moved = [f"{label} from {before} to {after}" for label, before, after in self.summary.measures]
        chose = "What you chose" if self.lesson is None else "What the class chose"
        choices = [f"{n}. {choice}" for n, choice in enumerate(self.summary.choices, 1)] or ["No choices in this part"]
        questions = list(self.summary.questions) or ["What would you have done differently, and what would it have cost?"]
        words = sentences([self.heading, "How the measures moved", *moved, chose, *choices, "To talk about", *questions])
        return words, self.list.spoken()

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        surface.fill(theme.shade)
        margin = app.px(30)
        text(surface, self.heading, app.font(38, bold=True), theme.accent, (margin, margin))
        panel(surface, self.left_panel, theme, alpha=255)
        panel(surface, self.right_panel, theme, alpha=255)
        self.draw_left(surface)
        self.draw_questions(surface)
        if self.pages > 1:
            hint = f"Page {self.page + 1} of {self.pages}: Page Down for more"
            font = app.font(22)
            text(surface, hint, font, theme.muted, (self.right_panel.right, self.right_panel.y - font.get_linesize() - app.px(4)), align="right")
        self.list.draw(surface, theme, app.font(24))

    def draw_left(self, surface: pygame.Surface) -> None:
        app, theme, rect = self.app, self.app.theme, self.left
        head, font = app.font(26, bold=True), app.font(22)
        y = rect.y
        page = min(self.page, len(self.choice_pages) - 1)
        if page > 0:
            self.draw_choices(surface, y, page)
            return
        text(surface, "How the measures moved", head, theme.text, (rect.x, y))
        y += head.get_linesize() + app.px(4)
        measures = {m.label: m for m in app.story.measures}
        label_w = max((font.size(label)[0] for label, _, _ in self.summary.measures), default=0) + app.px(12)
        number_w = font.size("100 -> 100")[0] + app.px(10)
        for index, (label, before, after) in enumerate(self.summary.measures):
            measure = measures[label]
            span = (measure.high - measure.low) or 1
            bar = pygame.Rect(rect.x + label_w, y + font.get_height() // 4, max(20, rect.width - label_w - number_w), font.get_height() // 2)
            text(surface, label, font, theme.text, (rect.x, y))
            pygame.draw.rect(surface, theme.button, bar, border_radius=3)
            share = max(0.0, min(1.0, (after - measure.low) / span))
            pygame.draw.rect(surface, theme.measure_colors[index % len(theme.measure_colors)], (bar.x, bar.y, round(bar.width * share), bar.height), border_radius=3)
            if theme.name == "high_contrast":  # the empty track is as dark as the panel: give it an edge
                pygame.draw.rect(surface, theme.button_edge, bar, width=2, border_radius=3)
            mark = bar.x + round(bar.width * max(0.0, min(1.0, (before - measure.low) / span)))
            pygame.draw.line(surface, theme.text, (mark, bar.y - 4), (mark, bar.bottom + 4), 3)
            text(surface, f"{before} -> {after}", font, theme.text, (bar.right + app.px(10), y))
            y += font.get_linesize() + app.px(2)
        self.draw_choices(surface, y + app.px(14), 0)

    def draw_choices(self, surface: pygame.Surface, y: int, page: int) -> None:
        app, theme, rect = self.app, self.app.theme, self.left
        head, font = app.font(26, bold=True), app.font(22)
        text(surface, "What you chose" if self.lesson is None else "What the class chose", head, theme.text, (rect.x, y))
        y += head.get_linesize() + app.px(4)
        if not self.summary.choices:
            text(surface, "No choices in this part.", font, theme.muted, (rect.x, y))
            return
        first, last = self.choice_pages[page]
        for number in range(first + 1, last + 1):
            y = draw_wrapped(surface, f"{number}. {self.summary.choices[number - 1]}", font, theme.text, (rect.x, y), rect.width, 2) + app.px(4)

    def draw_questions(self, surface: pygame.Surface) -> None:
        app, theme, rect = self.app, self.app.theme, self.right
        head, font = app.font(26, bold=True), app.font(24)
        y = rect.y
        text(surface, "To talk about", head, theme.text, (rect.x, y))
        y += head.get_linesize() + app.px(6)
        questions = self.summary.questions or (NO_QUESTIONS,)
        color = theme.text if self.summary.questions else theme.muted
        first, last = self.question_pages[min(self.page, len(self.question_pages) - 1)]
        room = (rect.bottom - y) // font.get_linesize()
        for question in questions[first:last]:
            needed = min(len(wrap(question, font, rect.width - app.px(24))), room)
            pygame.draw.rect(surface, theme.accent, (rect.x, y + app.px(4), app.px(6), needed * font.get_linesize() - app.px(8)))
            y = draw_wrapped(surface, question, font, color, (rect.x + app.px(20), y), rect.width - app.px(24), needed) + app.px(12)


def paged(lines: list[int], line_h: int, gap: int, room: int, first_room: int | None = None) -> list[tuple[int, int]]:
    """Items of `lines` lines each, in pages of at most `room` pixels (the first page
    `first_room`): [(first, end), ...]; an item taller than a page has a page of its own."""
    limit = room if first_room is None else first_room
    pages, first, used = [], 0, 0
    for index, n in enumerate(lines):
        height = n * line_h + gap
        if used + height > limit and index > first:
            pages.append((first, index))
            first, used, limit = index, 0, room
        used += height
    pages.append((first, len(lines)))
    return pages
