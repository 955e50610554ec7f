"""The in-game menu (Esc): resume, save, load, history, undo, settings, quit to title."""

from __future__ import annotations

from ..widgets import Button
from .menus import MenuScreen


class PauseMenu(MenuScreen):
    name = "pause"
    heading = "Paused"

    def buttons(self) -> list[Button]:
        app = self.app
        return [
            Button("Resume", app.pop),
            Button("Save", lambda: app.push("slots", saving=True)),
            Button("Load", lambda: app.push("slots", saving=False)),
            Button("History", lambda: app.push("history")),
            Button("Undo", app.undo_from_overlay, enabled=app.session.runner.can_undo),
            Button("Settings", lambda: app.push("settings")),
            Button("Quit to title", lambda: app.reset("title")),
        ]

