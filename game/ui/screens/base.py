"""The screen life cycle: enter, resume, handle intents, update, draw (which changes nothing), exit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..input import Act, Intent

if TYPE_CHECKING:
    from ..app import App


class Screen:
    """A state on the App's stack. Only the top screen gets input; screens below an
    overlay (opaque = False) are drawn first."""

    name = ""  # how the App opens it: app.push("title"); a screen with a name is found by itself
    opaque = True
    pages_on_repeat = False  # True: a held Enter or Space reaches handle() (marked repeat), to page text
    voiced_words = None  # what self-voicing last read of this screen (App.follow_voice)
    takes_typing = False  # True while a text field has the keyboard: V and F1 are letters/keys for it

    def __init__(self, app: "App"):
        self.app = app

    def enter(self) -> None:
        """Pushed onto the stack."""

    def resume(self) -> None:
        """The screen above it was popped."""
        self.relayout()

    def exit(self) -> None:
        """Popped off the stack."""

    def relayout(self) -> None:
        """The window size or a setting changed: recompute geometry."""

    def handle(self, intent: Intent) -> None:
        if intent.act is Act.BACK:
            self.app.pop()

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while something still moves."""
        return False

    def spoken(self) -> tuple[str, str]:
        """What self-voicing reads here: the screen's words, and the focused control's."""
        return "", ""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError
