"""The inspection puzzle both front ends play: find one block of the tracking code by hand.

The player's own photo mask is printed at that moment (the story's printer id and print time)
and shown as a grid of cells, each with or without a yellow dot. The player moves a 13 x 13
frame over it until the frame sits on a block: its top row and left column all dots, and the
ringed cells dotted or blank as the decoder card shows. Then the decoder reads the block
(error correction and all) and the fields come out: printer, date, time. A wrong try gets a
hint that says what is wrong with the frame, never where the answer is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

import numpy as np

from . import dots, imageio, make_mask, photomask, read_code
from .payload import Payload

DEFAULT_FACE = "mask.png"  # the game's photo-mask art: the lower face, already mask-shaped
DEFAULT_CROP = (0.16, 0.22, 0.84, 0.74)


@dataclass
class Verdict:
    correct: bool
    hint: str
    payload: Payload | None = None


class MaskPuzzle:
    def __init__(self, inspection, assets_dir: Path):
        self.inspection = inspection
        face_name = inspection.face or DEFAULT_FACE
        raw = imageio.read_bytes(Path(assets_dir) / face_name)
        face = imageio.decode_image(raw, face_name)
        crop = photomask.PORTRAIT_CROP if inspection.face else DEFAULT_CROP
        printed = inspection.printed.replace(tzinfo=timezone.utc) if inspection.printed.tzinfo is None else inspection.printed
        self.image, self.payload = make_mask(face, inspection.printer, printed, face_file=raw, crop=crop)
        self.pitch = dots.DEFAULT_PITCH
        height, width = self.image.shape[:2]
        self.rows, self.cols = height // self.pitch, width // self.pitch
        _, region = photomask.compose(face, crop)
        tile = dots.tile_bits(self.payload)
        r, c = np.mgrid[0:self.rows, 0:self.cols]
        centre_y, centre_x = r * self.pitch + self.pitch // 2, c * self.pitch + self.pitch // 2
        self.printed = region[centre_y, centre_x]  # cells where the printer put ink
        self.dots = tile[r % dots.TILE, c % dots.TILE].astype(bool) & self.printed
        self.tries = 0
        self.solved: Payload | None = None
        self._blue: np.ndarray | None = None
        # start the frame near the middle, off any block corner
        self.frame = (self.rows // 2 - 7, self.cols // 2 - 5)

    @property
    def blue_light(self) -> np.ndarray:
        if self._blue is None:
            from .views import blue_light_array

            self._blue = blue_light_array(self.image)
        return self._blue

    def move(self, d_row: int, d_col: int) -> None:
        row, col = self.frame
        self.frame = (min(max(0, row + d_row), self.rows - dots.TILE), min(max(0, col + d_col), self.cols - dots.TILE))

    def place(self, row: int, col: int) -> None:
        self.frame = (0, 0)
        self.move(row, col)

    def check(self) -> Verdict:
        """Is the frame on a block? If so, read the code; if not, say what is wrong."""
        self.tries += 1
        row, col = self.frame
        inside = self.printed[row:row + dots.TILE, col:col + dots.TILE]
        seen = self.dots[row:row + dots.TILE, col:col + dots.TILE]
        if not inside.all():
            return Verdict(False, "Part of the frame is off the print, where there are no dots to read. Move it onto the face.")
        top, left = int(seen[0].sum()), int(seen[:, 0].sum())
        if top < dots.TILE or left < dots.TILE:
            return Verdict(False, f"A block's top row and left column are all dots. Your frame's top row has {top} of {dots.TILE}, "
                                  f"its left column {left} of {dots.TILE}. Look for two full lines of dots that meet in a corner.")
        wrong = sum(1 for (r, c), v in dots.MARKS.items() if bool(seen[r, c]) != bool(v))
        if wrong:
            return Verdict(False, f"The lines fit, but {wrong} of the {len(dots.MARKS)} ringed cells do not match the decoder card. "
                                  "A full line of dots inside a block can fool you: try the next corner.")
        found = read_code(self.image)
        if found.payload is None:  # cannot happen for a mask made here; say so plainly if it does
            return Verdict(False, "The frame is right, but the decoder could not read the block.")
        self.solved = found.payload
        return Verdict(True, f"Printer {found.payload.printer_label}, printed {found.payload.date_text} at {found.payload.time_text}.", found.payload)

    def ascii_window(self, rows: int = 28, cols: int = 34) -> tuple[int, int, list[str]]:
        """A stretch of the print as text (o a dot, . a blank, space off the print) around the middle."""
        top = max(0, min(self.rows - rows, self.rows // 2 - rows // 2))
        left = max(0, min(self.cols - cols, self.cols // 2 - cols // 2))
        lines = []
        for r in range(top, top + rows):
            cells = []
            for c in range(left, left + cols):
                cells.append("o" if self.dots[r, c] else ("." if self.printed[r, c] else " "))
            lines.append(" ".join(cells))
        return top, left, lines
