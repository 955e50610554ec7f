"""The title screen: the title art, and Continue, New game, Load, Chapters, Endings, Settings, Quit."""

from __future__ import annotations

import pygame

from ... import paths
from ...engine import AUTOSAVE
from ..input import Act
from ..textlayout import TextStyle, wrap_paragraph
from ..typography import EN_DASH
from ..widgets import Button, draw_button, panel, text
from .menus import MenuScreen

ART_FREE_SHARE = 0.43  # the title art leaves its left 43% free (its corner brackets start at 44%)


class TitleScreen(MenuScreen):
    name = "title"
    opaque = True
    can_go_back = False

    def __init__(self, app):
        self.autosave_problem = ""
        self.per_column = 99
        super().__init__(app)
        self.subtitle: list = []
        self.subtitle_style: TextStyle | None = None

    def enter(self) -> None:
        self.app.audio.music(self.app.story.asset_path("music/title.ogg"))
        if self.autosave_problem:
            self.app.toast("The autosave could not be read, so Continue is off. Other saves are kept.")

    def resume(self) -> None:
        self.rebuild()
        self.app.audio.music(self.app.story.asset_path("music/title.ogg"))

    # --- the buttons --------------------------------------------------------------------

    def autosave(self):
        """The autosave's slot entry, or None when there is none."""
        if not self.app.session.has_autosave():
            return None
        return next((s for s in self.app.session.store.slots() if s.slot == AUTOSAVE), None)

    def buttons(self) -> list[Button]:
        slot = self.autosave()
        self.autosave_problem = slot.error if slot and slot.error else ""
        if slot is None:
            detail = ""
        elif slot.error:
            detail = "The autosave could not be read"
        elif slot.info.get("ending_title"):
            detail = f"The end: {slot.info['ending_title']}"
        else:
            detail = f" {EN_DASH} ".join(x for x in (slot.info.get("chapter_title", ""), slot.info.get("scene_title", "")) if x)
        return [
            Button("Continue", self.continue_game, enabled=bool(slot and not slot.error), detail=detail),
            Button("New game", self.new_game),
            Button("Load", lambda: self.app.push("slots", saving=False)),
            Button("Chapters", lambda: self.app.push("chapters"), enabled=bool(self.app.story.chapters)),
            Button("Classroom", lambda: self.app.push("classroom")),
            Button("Endings", lambda: self.app.push("gallery")),
            Button("Settings", lambda: self.app.push("settings")),
            Button("Quit", self.quit),
        ]

    def new_game(self) -> None:
        self.app.session.new_game()
        self.app.reset("scene", opening=True)

    def continue_game(self) -> None:
        """Back where the autosave left off; a playthrough that has ended opens on its ending
        screen (with New game there), not in the ending scene again."""
        try:
            self.app.session.load(AUTOSAVE)
        except Exception as exc:  # noqa: BLE001 - SaveError, or a save the story cannot take
            self.app.toast(f"Could not continue: {getattr(exc, 'message', exc)}")
            self.rebuild()
            return
        self.app.reset("scene")
        if self.app.session.runner.turn.ending is not None:
            self.app.push("ending")

    def handle(self, intent) -> None:
        """Left and right move between the two columns of buttons, when there are two."""
        step = {Act.LEFT: -self.per_column, Act.RIGHT: self.per_column}.get(intent.act) if self.per_column < len(self.list.buttons) else None
        target = self.list.focus + step if step else -1
        if 0 <= target < len(self.list.buttons) and self.list.buttons[target].enabled:
            self.list.focus = target
        else:
            super().handle(intent)

    def spoken(self) -> tuple[str, str]:
        story = self.app.story
        return f"{story.title}. {story.description or ''} Press V to turn self-voicing off, F1 for help", self.list.spoken()

    def quit(self) -> None:
        self.app.running = False

    # --- layout ---------------------------------------------------------------------------

    def title_font(self) -> pygame.font.Font:
        """The title does not grow with the text size (it is already large); it shrinks to fit."""
        app = self.app
        px = round(64 * app.unit)
        font = app.fonts.get(app.settings.font, px, True)
        while font.size(app.story.title)[0] > self.column_width() and px > 20:
            px -= 2
            font = app.fonts.get(app.settings.font, px, True)
        return font

    def column_width(self) -> int:
        return round(self.app.size[0] * ART_FREE_SHARE) - self.app.px(56)

    def hint(self) -> str:
        screen = "F11: leave fullscreen" if self.app.settings.fullscreen else "F11: fullscreen"
        return f"Arrows and Enter, or the mouse.  F1: help.  {screen}."

    def relayout(self) -> None:
        """Title, the subtitle wrapped under it, then the buttons (in two columns when one
        would run off a short window), all in the art's free left side above the hint."""
        app = self.app
        x, width = app.px(56), self.column_width()
        sub = app.font(20, italic=True)
        self.subtitle_style = TextStyle(sub, sub, sub.get_height() + app.px(2), 0)
        self.subtitle = wrap_paragraph(app.story.description, width, self.subtitle_style) if app.story.description else []
        top = app.px(36) + self.title_font().get_height() + app.px(4) + len(self.subtitle) * self.subtitle_style.line_height + app.px(20)
        bottom = app.size[1] - app.font(15).get_height() - app.px(20)
        label, detail = app.font(20), app.font(15)
        pad, gap = app.px(16), app.px(8)
        heights = [label.get_height() + app.px(16) + (detail.get_height() if b.detail else 0) for b in self.list.buttons]
        columns = 1 if sum(heights) + gap * (len(heights) - 1) + 2 * pad <= bottom - top else 2
        per_column = self.per_column = -(-len(heights) // columns)
        button_w = (width - 2 * pad - gap * (columns - 1)) // columns
        column_h = [sum(heights[c * per_column:(c + 1) * per_column]) + gap * (per_column - 1) for c in range(columns)]
        self.box = pygame.Rect(x, top, width, max(column_h) + 2 * pad)
        self.box.bottom = min(self.box.bottom, bottom)
        for index, button in enumerate(self.list.buttons):
            column, row = divmod(index, per_column)
            y = self.box.y + pad + sum(heights[column * per_column:index]) + gap * row
            button.rect = pygame.Rect(self.box.x + pad + column * (button_w + gap), y, button_w, heights[index])

    # --- drawing --------------------------------------------------------------------------

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        art = app.story.asset_path("title.png")  # the story's own assets/title.png, if it has one
        surface.fill(theme.shade)
        if art is not None and art.is_file():
            surface.blit(app.images.cover(art, app.size), (0, 0))
        title_font = self.title_font()
        x, y = app.px(56), app.px(36)
        text(surface, app.story.title, title_font, theme.accent, (x, y))
        y += title_font.get_height() + app.px(4)
        for line in self.subtitle:
            surface.blit(app.lines.render(line, self.subtitle_style, theme.text), (x, y))
            y += self.subtitle_style.line_height

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        self.draw_backdrop(surface)
        panel(surface, self.box, theme)
        for index, button in enumerate(self.list.buttons):
            draw_button(surface, button, theme, app.font(20), focused=index == self.list.focus, detail_font=app.font(15))
        font = app.font(15)
        text(surface, self.hint(), font, theme.muted, (app.size[0] - app.px(20), app.size[1] - font.get_height() - app.px(12)), align="right")
