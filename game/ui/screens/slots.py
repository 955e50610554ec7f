"""Save and load: nine slots with a thumbnail, scene title, chapter and date (plus the autosave)."""

from __future__ import annotations

from datetime import datetime

import pygame

from ...engine import AUTOSAVE, SaveError
from ...session import SAVE_SLOTS
from ..input import Act, Intent
from ..widgets import edge, fit_text, focus_ring, panel, shade, text
from .base import Screen

COLUMNS = 3


class SlotsScreen(Screen):
    """A grid of slot cards. Saving over a used slot asks for a second press."""
    name = "slots"

    opaque = False

    def __init__(self, app, saving: bool):
        super().__init__(app)
        self.saving = saving
        self.names = SAVE_SLOTS if saving else [AUTOSAVE, *SAVE_SLOTS]
        self.focus = 0
        self.confirm: str | None = None
        self.cards: list[pygame.Rect] = []
        self.box = pygame.Rect(0, 0, 0, 0)
        self.refresh()

    def refresh(self) -> None:
        found = {s.slot: s for s in self.app.session.store.slots()}
        self.slots = {name: found.get(name) for name in self.names}

    def relayout(self) -> None:
        app = self.app
        width, height = app.size
        self.box = pygame.Rect(app.px(30), app.px(24), width - app.px(60), height - app.px(48))
        heading = app.font(28, bold=True).get_height() + app.px(20)
        rows = (len(self.names) + COLUMNS - 1) // COLUMNS
        gap = app.px(12)
        card_w = (self.box.width - app.px(40) - gap * (COLUMNS - 1)) // COLUMNS
        card_h = min(app.px(170), (self.box.height - heading - app.px(40) - gap * (rows - 1)) // rows)
        self.cards = []
        for index in range(len(self.names)):
            row, column = divmod(index, COLUMNS)
            self.cards.append(pygame.Rect(self.box.x + app.px(20) + column * (card_w + gap), self.box.y + app.px(20) + heading + row * (card_h + gap), card_w, card_h))

    def handle(self, intent: Intent) -> None:
        act = intent.act
        if act is Act.BACK:
            self.app.sound_of("back")()
            self.app.pop()
        elif act in (Act.LEFT, Act.RIGHT, Act.UP, Act.DOWN):
            delta = {Act.LEFT: -1, Act.RIGHT: 1, Act.UP: -COLUMNS, Act.DOWN: COLUMNS}[act]
            self.focus = max(0, min(len(self.names) - 1, self.focus + delta))
            self.confirm = None
        elif act is Act.CHOOSE:
            index = intent.number - 1 if self.saving else intent.number  # number keys name slots
            if index < len(self.names):
                self.focus = index
                self.pick(self.names[index])
        elif act is Act.ACTIVATE:
            self.pick(self.names[self.focus])
        elif act in (Act.POINT, Act.CLICK):
            for index, card in enumerate(self.cards):
                if card.collidepoint(intent.pos):
                    if index != self.focus:
                        self.confirm = None
                    self.focus = index
                    if act is Act.CLICK:
                        self.pick(self.names[index])

    def pick(self, name: str) -> None:
        self.app.sound_of("click")()
        if self.saving:
            self.save(name)
        else:
            self.load(name)

    def save(self, name: str) -> None:
        used = self.slots.get(name) is not None
        if used and self.confirm != name:
            self.confirm = name
            return
        try:
            self.app.session.save(name)
        except SaveError as exc:
            self.app.toast(f"Not saved: {exc.message}")
            return
        self.confirm = None
        self.app.toast(f"Saved in slot {name}.")
        self.refresh()

    def load(self, name: str) -> None:
        slot = self.slots.get(name)
        if slot is None:
            return
        if slot.error:
            self.app.toast(f"This save cannot be loaded: {slot.error}")
            return
        try:
            self.app.session.load(name)
        except SaveError as exc:
            self.app.toast(f"Not loaded: {exc.message}")
            return
        self.app.reset("scene")

    def spoken(self) -> tuple[str, str]:
        name = self.names[self.focus]
        title = "Autosave" if name == AUTOSAVE else f"Slot {name}"
        lines = ". ".join(self.card_lines(self.slots.get(name), name))
        heading = "Save the game" if self.saving else "Load a game"
        return f"{heading}. Arrows choose a slot, Enter {'saves' if self.saving else 'loads'}, Escape goes back", f"{title}: {lines}. {self.focus + 1} of {len(self.names)}"

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme)
        panel(surface, self.box, theme, alpha=255)
        heading = "Save the game" if self.saving else "Load a game"
        text(surface, heading, app.font(28, bold=True), theme.accent, (self.box.x + app.px(20), self.box.y + app.px(14)))
        hint = "Enter or click a slot. Esc: back."
        text(surface, hint, app.font(15), theme.muted, (self.box.right - app.px(20), self.box.y + app.px(22)), align="right")
        for index, (name, card) in enumerate(zip(self.names, self.cards)):
            self.draw_card(surface, name, card, index == self.focus)

    def draw_card(self, surface, name: str, card: pygame.Rect, focused: bool) -> None:
        app, theme = self.app, self.app.theme
        slot = self.slots.get(name)
        pygame.draw.rect(surface, theme.button_hover if focused else theme.button, card, border_radius=8)
        edge(surface, card, theme)
        pad = app.px(10)
        thumb = pygame.Rect(card.x + pad, card.y + pad, round((card.height - 2 * pad) * 16 / 9), card.height - 2 * pad)
        thumb.width = min(thumb.width, card.width // 2)
        pygame.draw.rect(surface, theme.panel, thumb, border_radius=4)
        if theme.name == "high_contrast":
            pygame.draw.rect(surface, theme.disabled, thumb, width=1, border_radius=4)
        if slot and not slot.error and app.session.store.thumbnail(name).is_file():
            image = app.images.fit(app.session.store.thumbnail(name), thumb.size)
            surface.blit(image, image.get_rect(center=thumb.center))
        x, y = thumb.right + pad, card.y + pad
        width = card.right - pad - x
        title = "Autosave" if name == AUTOSAVE else f"Slot {name}"
        line_font, small = app.font(17, bold=True), app.font(14)
        text(surface, title, line_font, theme.accent, (x, y))
        y += line_font.get_height() + app.px(2)
        for line in self.card_lines(slot, name):
            text(surface, fit_text(line, small, width), small, theme.text if line else theme.muted, (x, y))
            y += small.get_height() + app.px(2)
            if y + small.get_height() > card.bottom:
                break
        if focused:
            focus_ring(surface, card, theme)

    def card_lines(self, slot, name: str) -> list[str]:
        if self.confirm == name:
            return ["Press again to save over it."]
        if slot is None:
            return ["Empty"]
        if slot.error:
            return ["Cannot be loaded:", slot.error]
        info = slot.info
        chapter = f"Chapter {info['chapter']}: {info.get('chapter_title', '')}" if info.get("chapter") else ""
        return [x for x in (chapter, info.get("scene_title", ""), _when(slot.saved_at)) if x]


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y, %H:%M")
    except (ValueError, TypeError):
        return ""


