"""The title screen: the title art, and New game, Continue, Load, Chapters, Endings, Settings, Quit."""

from __future__ import annotations

import pygame

from ... import paths
from ...engine import AUTOSAVE, SaveError
from ..widgets import Button, text
from .menus import MenuScreen


class TitleScreen(MenuScreen):
    name = "title"
    opaque = True
    can_go_back = False

    def enter(self) -> None:
        self.app.audio.music(self.app.story.asset_path("music/title.ogg"))

    def resume(self) -> None:
        self.rebuild()
        self.app.audio.music(self.app.story.asset_path("music/title.ogg"))

    def buttons(self) -> list[Button]:
        session = self.app.session
        saved = session.has_autosave()
        detail = ""
        if saved:
            info = next((s.info for s in session.store.slots() if s.slot == AUTOSAVE and not s.error), {})
            detail = " - ".join(x for x in (info.get("chapter_title", ""), info.get("scene_title", "")) if x)
        return [
            Button("Continue", self.continue_game, enabled=saved, detail=detail),
            Button("New game", self.new_game),
            Button("Load", lambda: self.app.push("slots", saving=False)),
            Button("Chapters", lambda: self.app.push("chapters"), enabled=bool(self.app.story.chapters)),
            Button("Endings", lambda: self.app.push("gallery")),
            Button("Settings", lambda: self.app.push("settings")),
            Button("Quit", self.quit),
        ]

    def new_game(self) -> None:
        self.app.session.new_game()
        self.app.reset("scene")

    def continue_game(self) -> None:
        try:
            self.app.session.load(AUTOSAVE)
        except SaveError as exc:
            self.app.toast(f"Could not continue: {exc.message} ({exc.path})")
            return
        self.app.reset("scene")

    def quit(self) -> None:
        self.app.running = False

    def place(self) -> None:
        """Left side, below the title, and never off the bottom of a short window."""
        app = self.app
        title_bottom = app.px(36) + app.font(64, bold=True).get_height() + app.font(20).get_height() + app.px(24)
        self.box.topleft = (app.px(56), max(title_bottom, (app.size[1] - self.box.height) // 2 + app.px(60)))
        self.box.bottom = min(self.box.bottom, app.size[1] - app.px(10))

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        art = paths.assets_dir() / "title.png"
        surface.fill(theme.shade)
        if art.is_file():
            surface.blit(app.images.cover(art, app.size), (0, 0))
        title_font = app.font(64, bold=True)
        x = self.box.x
        y = app.px(36)
        text(surface, app.story.title, title_font, theme.accent, (x, y))
        if app.story.description:
            sub = app.font(20, italic=True)
            width = app.size[0] - x - app.px(40)
            line = app.story.description
            while sub.size(line)[0] > width and " " in line:
                line = line.rsplit(" ", 1)[0]
            text(surface, line if line == app.story.description else line + "...", sub, theme.text, (x, y + title_font.get_height() + app.px(4)))

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        font = self.app.font(15)
        hint = "Arrows and Enter, or the mouse.  F11: fullscreen."
        text(surface, hint, font, self.app.theme.muted, (self.app.size[0] - self.app.px(20), self.app.size[1] - font.get_height() - self.app.px(12)), align="right")
