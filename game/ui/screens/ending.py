"""The ending, over its own picture: its title, how the measures moved over the playthrough, the key choices, and
whether the ending is new to the gallery."""

from __future__ import annotations

import pygame

from ..ending_art import ending_picture
from ..input import Act, Intent
from ..textlayout import TextStyle
from ..widgets import Button, ButtonList, panel, text
from .base import Screen
from .scroll import TextColumn


ART_VEIL = 190  # of 255: the ending's picture stays behind the text, dimmed well under it


class EndingScreen(Screen):
    name = "ending"
    def __init__(self, app):
        super().__init__(app)
        self.moments = app.session.timeline()
        self.ending = app.session.runner.turn.ending
        self.new = app.session.ending_was_new
        self.choices = app.session.key_choices(self.moments)
        self.list = ButtonList([
            Button("New game", self.new_game),
            Button("Back to the title", lambda: app.reset("title")),
            Button("Endings gallery", lambda: app.push("gallery")),
            Button("Undo the last choice", app.undo_from_overlay, enabled=app.session.runner.can_undo),
        ]).with_sounds(app.sound_of("hover"), app.sound_of("click"))
        self.chart = pygame.Rect(0, 0, 0, 0)
        self.column: TextColumn | None = None

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        margin = app.px(36)
        top = margin + app.font(18).get_height() + app.font(40, bold=True).get_height() + app.font(17).get_height() + app.px(30)
        button_h = app.font(19).get_height() + app.px(16)
        bottom = height - margin - button_h
        split = round(width * 0.55)
        self.chart = pygame.Rect(margin + app.px(40), top + app.px(30), split - margin - app.px(60), bottom - top - app.px(90))
        px = max(12, round(18 * app.unit * app.settings.text_scale))
        style = TextStyle(app.fonts.get(app.settings.font, px), app.fonts.get(app.settings.font, px, italic=True), round(px * 1.4), round(px * 0.5))
        column = TextColumn(style, width - split - margin - app.px(20))
        for number, choice in enumerate(self.choices, 1):
            column.add(f"{number}. {choice}")
        if not self.choices:
            column.add("No choices changed what the story remembers.", "muted")
        column.view = pygame.Rect(split + app.px(10), top + app.px(30), column.width, bottom - top - app.px(50))
        self.column = column
        count = len(self.list.buttons)
        share = (width - 2 * margin - (count - 1) * app.px(12)) // count
        for index, button in enumerate(self.list.buttons):
            button.rect = pygame.Rect(margin + index * (share + app.px(12)), bottom + app.px(8) - app.px(16), share, button_h)

    def new_game(self) -> None:
        self.app.session.new_game()
        self.app.reset("scene", opening=True)

    def handle(self, intent: Intent) -> None:
        if intent.act is Act.BACK:
            self.app.pop()
        elif intent.act in (Act.LEFT, Act.RIGHT):
            self.list.move(-1 if intent.act is Act.LEFT else 1)
        elif not self.column.handle(intent):
            self.list.handle(intent)

    def spoken(self) -> tuple[str, str]:
        title = self.ending.title if self.ending else ""
        badge = "A new ending, added to your gallery" if self.new else "Already in your gallery"
        choices = [f"{n}. {c}" for n, c in enumerate(self.choices, 1)] or ["No choices changed what the story remembers"]
        values = self.app.session.runner.state.variables
        measures = [f"{m.label} {values[m.variable]}" for m in self.app.story.measures]
        return ". ".join([f"Ending: {title}", badge, *measures, "Your key choices", *choices]), self.list.spoken()

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        surface.fill(theme.shade)
        picture = ending_picture(app.story, self.ending.id) if self.ending else None
        if picture is not None and theme.name != "high_contrast":
            surface.blit(app.images.cover(picture, app.size), (0, 0))
            veil = pygame.Surface(app.size)
            veil.fill(theme.shade)
            veil.set_alpha(ART_VEIL)
            surface.blit(veil, (0, 0))
        margin = app.px(36)
        y = margin
        text(surface, "Ending", app.font(18), theme.muted, (margin, y))
        y += app.font(18).get_height()
        text(surface, self.ending.title if self.ending else "", app.font(40, bold=True), theme.accent, (margin, y))
        y += app.font(40, bold=True).get_height() + app.px(4)
        entry = app.session.gallery.endings.get(self.ending.id, {}) if self.ending else {}
        times = entry.get("times", 1)
        badge = "New ending: added to your gallery." if self.new else f"Already in your gallery (reached {times} time{'' if times == 1 else 's'})."
        text(surface, badge, app.font(17), theme.text, (margin, y))
        self.draw_chart(surface)
        heading_y = self.column.view.y - app.px(30)
        text(surface, "Your key choices", app.font(19, bold=True), theme.text, (self.column.view.x, heading_y))
        self.column.draw(surface, app.lines, {"text": theme.text, "muted": theme.muted, "accent": theme.accent})
        self.list.draw(surface, theme, app.font(19))

    def draw_chart(self, surface: pygame.Surface) -> None:
        """A line per measure over every turn of the playthrough, 0 at the bottom."""
        app, theme, rect = self.app, self.app.theme, self.chart
        text(surface, "How your measures moved", app.font(19, bold=True), theme.text, (rect.x - app.px(40), rect.y - app.px(30)))
        panel(surface, rect.inflate(app.px(16), app.px(16)), theme, alpha=200)
        small = app.font(13)
        for fraction in (0.0, 0.5, 1.0):
            y = rect.bottom - round(rect.height * fraction)
            pygame.draw.line(surface, theme.button, (rect.x, y), (rect.right, y))
            text(surface, f"{round(fraction * 100)}", small, theme.muted, (rect.x - app.px(8), y - small.get_height() // 2), align="right")
        measures = app.story.measures
        count = len(self.moments)
        legend_y = rect.bottom + app.px(14)
        legend_x = rect.x
        for index, measure in enumerate(measures):
            color = theme.measure_colors[index % len(theme.measure_colors)]
            span = measure.high - measure.low
            points = [
                (rect.x + round(rect.width * i / max(1, count - 1)), rect.bottom - round(rect.height * (m.variables[measure.variable] - measure.low) / span))
                for i, m in enumerate(self.moments)
            ]
            if len(points) > 1:
                pygame.draw.lines(surface, color, False, points, max(2, app.px(3)))
            elif points:
                pygame.draw.circle(surface, color, points[0], app.px(4))
            pygame.draw.rect(surface, color, (legend_x, legend_y + small.get_height() // 3, app.px(14), app.px(6)))
            label = f"{measure.label} {self.moments[-1].variables[measure.variable]}"
            text(surface, label, small, theme.text, (legend_x + app.px(18), legend_y))
            legend_x += small.size(label)[0] + app.px(36)
