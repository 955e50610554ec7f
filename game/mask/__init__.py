"""Photo masks and the codes hidden in them: make, read, scramble and show (pure Python, no pygame).

Two ways of hiding a payload (printer, image hash, print time) in a mask image, to teach the
contrast: `dots`, a grid of faint yellow dots like a colour laser printer's, which survives
printing and a phone photo; and `lsb`, the lowest bits of the pixels, invisible and roomy, and
gone the moment the file is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from . import dots, lsb, photomask
from .imageio import ImageError, decode_image, encode_png, load_image, save_image
from .payload import Payload, PayloadError, format_printer, image_digest, parse_printer

METHODS = ("dots", "lsb")

__all__ = [
    "METHODS", "ImageError", "Payload", "PayloadError", "Found", "make_mask", "read_code",
    "scramble", "blue_light", "format_printer", "parse_printer", "load_image", "save_image",
    "decode_image", "encode_png", "image_digest",
]


def make_mask(face: np.ndarray, printer: int, when: datetime, *, method: str = "dots", face_file: bytes = b"",
              crop: tuple[float, float, float, float] | None = None) -> tuple[np.ndarray, Payload]:
    """The printed photo mask for a face, with its code, and the payload it carries."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not '{method}'")
    printed, region = photomask.compose(face, crop)
    payload = Payload.make(printer, face_file or encode_png(face), when)
    if method == "dots":
        return dots.embed(printed, payload, region), payload
    return lsb.embed(printed, payload), payload


@dataclass
class Found:
    """What `read_code` found, in words a player or a class can read."""

    payload: Payload | None
    method: str | None
    status: str  # code, no-pattern, unreadable, scrambled
    reading: dots.Reading | None

    @property
    def message(self) -> str:
        if self.payload is not None:
            how = "tracking dots" if self.method == "dots" else "the lowest bits of the pixels"
            return f"code found in {how}: {self.payload.describe()}"
        if self.status == "scrambled":
            share = self.reading.density if self.reading else 1.0
            return (f"no code found: a dot grid is there, but {share:.0%} of its cells carry a dot, so the decoys "
                    "hide the code (scrambled); confidence that no readable code remains: high")
        if self.status == "unreadable":
            return ("no code found: there is a grid of yellow dots, but it does not read as a code "
                    "(damaged, or not one of ours); confidence that no readable code is present: medium")
        strength = self.reading.lattice.strength if self.reading and self.reading.lattice else 0.0
        return (f"no code found: no grid of yellow dots (grid signal {strength:.0f}, a printed code shows "
                f"{dots.CLEAR_LATTICE:.0f} or more) and no hidden bits; confidence that no code is present: high")


def read_code(rgb: np.ndarray) -> Found:
    """Look for both kinds of code: the hidden bits first (exact files), then the dots."""
    found = lsb.read(rgb)
    if found is not None:
        return Found(found, "lsb", "code", None)
    reading = dots.read(rgb)
    if reading.payload is not None:
        return Found(reading.payload, "dots", "code", reading)
    status = reading.status
    if status == "unreadable" and reading.density >= 0.85:
        status = "scrambled"
    return Found(None, None, status, reading)


def scramble(rgb: np.ndarray, seed: int = 0) -> tuple[np.ndarray, int]:
    """Decoy dots in every empty cell of the grid (and fresh noise in the lowest bits); how many were added.

    This is what the DEDA toolkit does to printer dots: the real dots are still there, but every
    cell now looks the same, so nothing can be read from them. Raises ImageError when there is no
    grid to scramble.
    """
    rng = np.random.default_rng(seed)
    work, factor = dots.working_copy(rgb)
    ymap = dots.yellow_map(work, 16)
    lattice = dots.find_lattice(ymap)
    if lattice is None or lattice.strength < dots.CLEAR_LATTICE:
        raise ImageError("no grid of tracking dots found: there is nothing to scramble")
    grid = dots.sample_cells(ymap, lattice)
    values = np.nan_to_num(grid.values, nan=-1.0)
    seen = grid.values[~np.isnan(grid.values)]
    split = (np.percentile(seen, 15) + np.percentile(seen, 85)) / 2 if seen.size else 0.0
    dotted = values > split
    printed = dotted.copy()  # the printed area: every cell within three of a real dot
    for _ in range(3):
        grown = printed.copy()
        grown[1:] |= printed[:-1]
        grown[:-1] |= printed[1:]
        grown[:, 1:] |= printed[:, :-1]
        grown[:, :-1] |= printed[:, 1:]
        printed = grown
    wanted = printed & ~dotted & (values >= 0)
    centres = grid.centres[wanted] / factor
    out = np.array(rgb, dtype=np.float32, copy=True)
    height, width = out.shape[:2]
    inside = (centres[:, 0] >= 0) & (centres[:, 0] < height) & (centres[:, 1] >= 0) & (centres[:, 1] < width)
    targets = centres[inside]
    dots.put_dots(out, targets, lattice.pitch / factor)
    pixels = np.clip(out * 255.0 + 0.5, 0, 255).astype(np.uint8)
    pixels[:, :, 2] ^= rng.integers(0, 2, size=(height, width), dtype=np.uint8)
    return pixels.astype(np.float32) / 255.0, int(len(targets))


def blue_light(rgb: np.ndarray) -> tuple[np.ndarray, dots.Reading]:
    """The mask as it looks under blue light (yellow ink turns dark), and the reading behind it."""
    from . import views

    return views.blue_light(rgb)
