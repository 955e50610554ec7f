"""The inspection screen: your own printed mask under the loupe, and its tracking code found by hand.

The print on the left (a blue torch makes the yellow dots show dark), the loupe on the right (the
13 x 13 cells under the frame, magnified, with the decoder card's ringed cells). Arrows move the
frame a cell, Page Up/Down a block; a click on the print puts the frame there. Enter reads what
is under the frame: a hint when it is not a block, the printer, date and time when it is.
Keys 1-4 are the buttons (blue light, read, leave, save the print as a PNG that `face-value mask
read` decodes); Esc goes back to the scene without choosing.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pygame

from ..input import Act, Intent
from ..classroom_draw import wrap
from ..voice import sentences
from ..widgets import Button, ButtonList, panel, shade, text
from .base import Screen

TILE = 13
KEYS = ("Arrows move the frame one cell, Page Up and Page Down a block. Enter reads the frame. "
        "1 turns the blue light on or off, 2 reads, 3 leaves it, 4 saves the print. Escape goes back to the scene")


def to_surface(image: np.ndarray) -> pygame.Surface:
    pixels = np.ascontiguousarray(np.clip(image * 255.0 + 0.5, 0, 255).astype(np.uint8))
    height, width = pixels.shape[:2]
    return pygame.image.frombuffer(pixels.tobytes(), (width, height), "RGB").copy()


class InspectScreen(Screen):
    name = "inspect"

    def __init__(self, app, inspection=None):
        super().__init__(app)
        from ...mask.dots import MARKS
        from ...mask.puzzle import MaskPuzzle

        self.marks = MARKS
        self.puzzle = MaskPuzzle(inspection, app.story.assets)
        self.blue = False
        self.message = ("Find one block of the hidden code. A block's top row and left column are all dots; "
                        "the ringed cells must match the card. Move the frame with the arrows, then press Enter.")
        self.solved = None
        self.surfaces: dict[str, pygame.Surface] = {}
        self.print_rect = pygame.Rect(0, 0, 0, 0)
        self.loupe_rect = pygame.Rect(0, 0, 0, 0)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.buttons = self.make_buttons()

    def make_buttons(self) -> ButtonList:
        if self.solved is not None:
            buttons = [Button("1  Continue (Enter)", self.finish), Button("2  Save the print", self.save_print)]
        else:
            buttons = [
                Button("1  Blue light: " + ("on" if self.blue else "off"), self.toggle_blue),
                Button("2  Read the frame (Enter)", self.read),
                Button("3  Leave it", self.leave),
                Button("4  Save the print", self.save_print),
            ]
        buttons = ButtonList(buttons).with_sounds(self.app.sound_of("hover"), self.app.sound_of("click"))
        self.layout_buttons(buttons)
        return buttons

    def button_height(self) -> int:
        return max(self.app.px(44), self.app.font(18).get_linesize() + self.app.px(16))

    def layout_buttons(self, buttons: ButtonList) -> None:
        app = self.app
        height = self.button_height()
        gap = app.px(8)
        count = len(buttons.buttons)
        right = getattr(self, "right", None)
        if right is not None:
            buttons.layout((right.x, right.bottom - count * (height + gap) + gap), right.width, height, gap)

    # --- what the player does ----------------------------------------------------------------

    def toggle_blue(self) -> None:
        self.blue = not self.blue
        self.buttons = self.make_buttons()

    def read(self) -> None:
        verdict = self.puzzle.check()
        self.message = verdict.hint
        if verdict.correct:
            self.solved = verdict.payload
            self.message = "The decoder reads the block and corrects it: " + verdict.hint
            self.buttons = self.make_buttons()

    def save_print(self) -> Path | None:
        """Write the printed mask, code and all, as a PNG in the per-user folder (masks/), for
        `face-value mask read`, a phone photo of a printout, or a class's own experiments."""
        from ...engine.atomic import write_atomic
        from ...mask.imageio import encode_png

        name = f"mask-{self.puzzle.payload.printer_label}-{time.strftime('%Y%m%d-%H%M%S')}.png"
        path = Path(self.app.data_dir) / "masks" / name
        try:
            write_atomic(path, encode_png(self.puzzle.image))
        except OSError as exc:
            self.app.toast(f"Could not save the print: {exc.strerror or exc}")
            return None
        self.app.toast(f"Saved the print: {path}")
        return path

    def leave(self) -> None:
        self.app.pop()
        self.choose(2)

    def finish(self) -> None:
        self.app.pop()
        self.choose(1)

    def choose(self, number: int) -> None:
        self.app.session.choose(number)
        scene = self.app.find("scene")
        if scene is not None:
            scene.sync(new_turn=True, moved=True)

    # --- self-voicing ------------------------------------------------------------------------

    def spoken(self) -> tuple[str, str]:
        """The instructions or the decoder's last word; then where the frame is and what lies
        under its top row and left column, so the code can be found by ear as well as by eye."""
        if self.solved is not None:
            fields = f"Printer {self.solved.printer_label}. Date {self.solved.date_text}. Time {self.solved.time_text}"
            return sentences([self.message, fields, "Enter: continue"]), ""
        words = [self.message]
        if self.puzzle.tries == 0:
            words = ["Your mask, under the loupe", self.message, KEYS]
        return sentences(words), self.frame_words()

    def frame_words(self) -> str:
        row, col = self.puzzle.frame
        inside = self.puzzle.printed[row:row + TILE, col:col + TILE]
        seen = self.puzzle.dots[row:row + TILE, col:col + TILE]
        light = "Blue light on" if self.blue else "Blue light off"
        if not inside.all():
            return f"{light}. Frame at row {row}, column {col}: part of it is off the print"
        return (f"{light}. Frame at row {row}, column {col}: top row {int(seen[0].sum())} of {TILE} dots, "
                f"left column {int(seen[:, 0].sum())} of {TILE}")

    # --- layout --------------------------------------------------------------------------------

    def relayout(self) -> None:
        """Print and loupe side by side on the left; the card, the words and the buttons on the right."""
        app = self.app
        width, height = app.size
        margin = app.px(24)
        self.box = pygame.Rect(margin, margin, width - 2 * margin, height - 2 * margin)
        top = self.box.y + app.font(28, bold=True).get_linesize() + app.px(32)
        side = max(app.px(300), int(self.box.width * 0.34))
        left = pygame.Rect(self.box.x + margin, top, self.box.width - side - 3 * margin, self.box.bottom - margin - top)
        loupe = int(min(left.height, (left.width - margin) * 0.5))
        self.loupe_rect = pygame.Rect(left.right - loupe, left.y, loupe, loupe)
        image_h, image_w = self.puzzle.image.shape[:2]
        room = pygame.Rect(left.x, left.y, left.width - loupe - margin, left.height)
        scale = min(room.width / image_w, room.height / image_h)
        self.print_rect = pygame.Rect(room.x, room.y, int(image_w * scale), int(image_h * scale))
        self.print_rect.centery = self.loupe_rect.centery
        self.right = pygame.Rect(left.right + 2 * margin, top, side - margin, self.box.bottom - margin - top)
        self.surfaces = {}
        self.layout_buttons(self.buttons)

    def image(self, blue: bool) -> pygame.Surface:
        key = "blue" if blue else "plain"
        if key not in self.surfaces:
            self.surfaces[key] = to_surface(self.puzzle.blue_light if blue else self.puzzle.image)
            self.surfaces[key + "-small"] = pygame.transform.smoothscale(self.surfaces[key], self.print_rect.size)
        return self.surfaces[key]

    # --- input ---------------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        act = intent.act
        if act is Act.BACK:
            self.app.pop()
        elif self.solved is not None:
            if intent.repeat:
                return
            if act is Act.CHOOSE and 1 <= intent.number <= 2:
                self.buttons.activate(intent.number - 1)
            elif act is Act.ACTIVATE:
                self.finish()
            elif act is Act.CLICK:
                self.buttons.handle(intent)
            elif act is Act.POINT:
                self.buttons.handle(intent)
        elif act is Act.CHOOSE and not intent.repeat and 1 <= intent.number <= 4:
            self.buttons.activate(intent.number - 1)
        elif act in (Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT):
            d_row = {Act.UP: -1, Act.DOWN: 1}.get(act, 0)
            d_col = {Act.LEFT: -1, Act.RIGHT: 1}.get(act, 0)
            self.puzzle.move(d_row, d_col)
        elif act in (Act.PAGE_UP, Act.PAGE_DOWN):
            self.puzzle.move(-TILE if act is Act.PAGE_UP else TILE, 0)
        elif act is Act.ACTIVATE and not intent.repeat:
            self.read()
        elif act is Act.CLICK:
            if self.print_rect.collidepoint(intent.pos):
                self.place_at(intent.pos)
            else:
                self.buttons.handle(intent)
        elif act is Act.POINT:
            self.buttons.handle(intent)

    def place_at(self, pos) -> None:
        scale = self.print_rect.width / self.puzzle.image.shape[1]
        col = int((pos[0] - self.print_rect.x) / scale // self.puzzle.pitch)
        row = int((pos[1] - self.print_rect.y) / scale // self.puzzle.pitch)
        self.puzzle.place(row, col)

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        shade(surface, theme, 235)
        panel(surface, self.box, theme, alpha=255)
        title = app.font(28, bold=True)
        text(surface, "Your mask, under the loupe", title, theme.accent, (self.box.x + app.px(24), self.box.y + app.px(18)))
        self.image(self.blue)
        surface.blit(self.surfaces[("blue" if self.blue else "plain") + "-small"], self.print_rect)
        self.draw_frame(surface)
        self.draw_loupe(surface)
        self.draw_words(surface)

    def draw_frame(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        scale = self.print_rect.width / self.puzzle.image.shape[1] * self.puzzle.pitch
        row, col = self.puzzle.frame
        rect = pygame.Rect(self.print_rect.x + round(col * scale), self.print_rect.y + round(row * scale), round(TILE * scale), round(TILE * scale))
        width = max(2, self.app.px(3))
        if theme.name == "high_contrast":  # a dark edge keeps the frame clear of the light print (3:1 or more)
            pygame.draw.rect(surface, theme.shade, rect.inflate(width * 4, width * 4), width=width * 3)
        pygame.draw.rect(surface, theme.focus, rect.inflate(width * 2, width * 2), width=width)

    def draw_loupe(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        full = self.image(self.blue)
        pitch = self.puzzle.pitch
        row, col = self.puzzle.frame
        area = pygame.Rect(col * pitch, row * pitch, TILE * pitch, TILE * pitch).clip(full.get_rect())
        zoom = pygame.transform.scale(full.subsurface(area), self.loupe_rect.size)
        surface.blit(zoom, self.loupe_rect)
        cell = self.loupe_rect.width / TILE
        line = (120, 150, 210) if theme.name != "high_contrast" else theme.text
        for i in range(TILE + 1):
            x = self.loupe_rect.x + round(i * cell)
            y = self.loupe_rect.y + round(i * cell)
            pygame.draw.line(surface, line, (x, self.loupe_rect.y), (x, self.loupe_rect.bottom), 1)
            pygame.draw.line(surface, line, (self.loupe_rect.x, y), (self.loupe_rect.right, y), 1)
        ring, stroke = theme.focus, max(2, app.px(2))
        halo = theme.name == "high_contrast"  # yellow on the blue-lit print is under 3:1 alone: edge it in black
        for (r, c), dotted in self.marks.items():
            centre = (self.loupe_rect.x + round((c + 0.5) * cell), self.loupe_rect.y + round((r + 0.5) * cell))
            radius, off = max(4, round(cell * 0.45)), round(cell * 0.3)
            if halo:  # outside the ring only, so a blank cell never looks dotted
                pygame.draw.circle(surface, theme.shade, centre, radius + 2 * stroke, width=2 * stroke)
            pygame.draw.circle(surface, ring, centre, radius, width=stroke)
            if not dotted:  # the card: a crossed ring must be blank
                ends = (centre[0] - off, centre[1] + off), (centre[0] + off, centre[1] - off)
                if halo:
                    pygame.draw.line(surface, theme.shade, *ends, stroke + 2)
                pygame.draw.line(surface, ring, *ends, stroke)
        pygame.draw.rect(surface, theme.button_edge, self.loupe_rect, width=max(2, app.px(2)))

    def draw_words(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        body = app.font(17)
        x, y = self.right.x, self.right.y
        card = "Card: a ring must hold a dot; a crossed ring must be blank."
        for line in wrap(card, app.font(15), self.right.width):
            text(surface, line, app.font(15), theme.muted, (x, y))
            y += app.font(15).get_linesize()
        y += app.px(6)
        if self.solved is not None:
            big = app.font(22, bold=True)
            for label, value in (("Printer", self.solved.printer_label), ("Date", self.solved.date_text), ("Time", self.solved.time_text)):
                text(surface, f"{label}: {value}", big, theme.accent, (x, y))
                y += big.get_linesize()
            y += app.px(6)
        for line in wrap(self.message, body, self.right.width):
            text(surface, line, body, theme.text, (x, y))
            y += body.get_linesize()
        self.buttons.draw(surface, theme, app.font(18), app.font(14))
