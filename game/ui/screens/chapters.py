"""Start any chapter with the values a player starting there has."""

from __future__ import annotations

from ..widgets import Button
from .menus import MenuScreen


class ChaptersScreen(MenuScreen):
    name = "chapters"
    heading = "Chapters"

    def buttons(self) -> list[Button]:
        items = [Button(f"{c.number}. {c.title}", lambda n=c.number: self.start(n)) for c in self.app.story.chapters]
        return items + [Button("Back", self.app.pop)]

    def start(self, number: int) -> None:
        self.app.session.start_chapter(number)
        self.app.reset("scene", opening=True)
