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
        app = self.app
        width, height = app.size
        margin = app.px(30)
        button_h = app.font(24).get_height() + app.px(18)
        top = margin + app.font(38, bold=True).get_linesize() + app.px(20)
        bottom = height - margin - button_h - app.px(20)
        split = width // 2
        self.left = pygame.Rect(margin, top, split - margin - app.px(20), bottom - top)
        self.right = pygame.Rect(split + app.px(10), top, width - split - margin - app.px(10), bottom - top)
        count = len(self.list.buttons)
        gap = app.px(14)
        button_w = (width - 2 * margin - gap * (count - 1)) // count
        for index, button in enumerate(self.list.buttons):
            button.rect = pygame.Rect(margin + index * (button_w + gap), height - margin - button_h, button_w, button_h)

    def handle(self, intent: Intent) -> None:
        if intent.act is Act.BACK:
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
        panel(surface, self.left.inflate(app.px(20), app.px(20)), theme, alpha=255)
        panel(surface, self.right.inflate(app.px(20), app.px(20)), theme, alpha=255)
        self.draw_left(surface)
        self.draw_questions(surface)
        self.list.draw(surface, theme, app.font(24))

    def draw_left(self, surface: pygame.Surface) -> None:
        app, theme, rect = self.app, self.app.theme, self.left
        head, font = app.font(26, bold=True), app.font(22)
        y = rect.y
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
            mark = bar.x + round(bar.width * max(0.0, min(1.0, (before - measure.low) / span)))
            pygame.draw.line(surface, theme.text, (mark, bar.y - 4), (mark, bar.bottom + 4), 3)
            text(surface, f"{before} -> {after}", font, theme.text, (bar.right + app.px(10), y))
            y += font.get_linesize() + app.px(2)
        y += app.px(14)
        text(surface, "What you chose" if self.lesson is None else "What the class chose", head, theme.text, (rect.x, y))
        y += head.get_linesize() + app.px(4)
        if not self.summary.choices:
            text(surface, "No choices in this part.", font, theme.muted, (rect.x, y))
        choices = self.summary.choices
        for number, choice in enumerate(choices, 1):
            if number < len(choices) and y + 2 * font.get_linesize() > rect.bottom:
                text(surface, f"... and {len(self.summary.choices) - number + 1} more", font, theme.muted, (rect.x, y))
                break
            lines = min(2, (rect.bottom - y) // font.get_linesize())
            y = draw_wrapped(surface, f"{number}. {choice}", font, theme.text, (rect.x, y), rect.width, lines) + app.px(4)

    def draw_questions(self, surface: pygame.Surface) -> None:
        app, theme, rect = self.app, self.app.theme, self.right
        head, font = app.font(26, bold=True), app.font(24)
        y = rect.y
        text(surface, "To talk about", head, theme.text, (rect.x, y))
        y += head.get_linesize() + app.px(6)
        if not self.summary.questions:
            draw_wrapped(surface, "What would you have done differently, and what would it have cost?", font, theme.muted, (rect.x, y), rect.width)
        for question in self.summary.questions:
            room = (rect.bottom - y) // font.get_linesize()
            if room <= 0:
                break
            needed = min(len(wrap(question, font, rect.width - app.px(24))), room)
            pygame.draw.rect(surface, theme.accent, (rect.x, y + app.px(4), app.px(6), needed * font.get_linesize() - app.px(8)))
            y = draw_wrapped(surface, question, font, theme.text, (rect.x + app.px(20), y), rect.width - app.px(24), needed) + app.px(12)
