"""The blue-light view: what a reader of printer dots sees, drawn for a class.

Under blue light, yellow ink absorbs the light and shows dark, while the face printed around it
stays bright: the dots stand out. The view shows the whole mask that way on the left and, on the
right, one block of the code magnified, with its grid, its sync row and column, and the marks.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .. import paths
from . import dots
from .imageio import to_image, working_copy

PANEL = 720


def _font(size: int):
    try:
        return ImageFont.truetype(str(paths.assets_dir() / "fonts" / "Lato-Regular.ttf"), size)
    except OSError:
        return ImageFont.load_default()


def blue_light_array(rgb: np.ndarray) -> np.ndarray:
    """Yellow ink dark, everything else a bright blue-white: the mask under a blue torch."""
    ymap = dots.yellow_map(rgb, 16)
    scale = float(np.percentile(ymap, 99.5)) or 1.0
    ink = np.clip(ymap / scale, 0, 1)
    base = 0.55 + 0.45 * rgb[:, :, 2:3]
    tint = np.array([0.45, 0.62, 1.0], dtype=np.float32)
    return np.clip(base * tint * (1 - 0.85 * ink[:, :, None]), 0, 1)


def blue_light(rgb: np.ndarray) -> tuple[np.ndarray, dots.Reading]:
    work, _ = working_copy(rgb)
    reading = dots.read(work)
    view = blue_light_array(work)
    left = to_image(view)
    left.thumbnail((PANEL, PANEL))
    canvas = Image.new("RGB", (PANEL * 2 + 30, PANEL + 100), (16, 24, 40))
    canvas.paste(left, ((PANEL - left.width) // 2, 50 + (PANEL - left.height) // 2))
    draw = ImageDraw.Draw(canvas)
    title = _font(26)
    draw.text((20, 12), "Under blue light: yellow dots show dark", font=title, fill=(235, 240, 255))
    right_x = PANEL + 30
    if reading.grid is not None and reading.lattice is not None:
        crop = _one_block(view, reading)
        canvas.paste(crop, (right_x, 50))
        _draw_grid(draw, reading, right_x, 50, crop.width)
        label = "One block, magnified: top row and left column always dotted; ringed cells say which way is up"
    else:
        label = "No grid of dots found"
    draw.text((right_x, 12), "Magnified", font=title, fill=(235, 240, 255))
    draw.text((20, PANEL + 64), label, font=_font(18), fill=(200, 210, 235))
    return np.asarray(canvas, dtype=np.float32) / 255.0, reading


def _one_block(view: np.ndarray, reading: dots.Reading) -> Image.Image:
    origin, (step_r, step_c) = reading.block_frame()
    top_left = origin - 0.5 * step_c - 0.5 * step_r
    size = dots.TILE
    # sample the block on a square raster, PANEL pixels across
    u = (np.arange(PANEL) + 0.5) / PANEL * size
    uu, vv = np.meshgrid(u, u)  # uu along columns, vv along rows
    ys = top_left[0] + uu * step_c[0] + vv * step_r[0]
    xs = top_left[1] + uu * step_c[1] + vv * step_r[1]
    out = np.zeros((PANEL, PANEL, 3), dtype=np.float32)
    for channel in range(3):
        sampled = dots.bilinear(view[:, :, channel], ys, xs)
        out[:, :, channel] = np.nan_to_num(sampled, nan=0.1)
    return to_image(out)


def _draw_grid(draw: ImageDraw.ImageDraw, reading: dots.Reading, x: int, y: int, side: int) -> None:
    cell = side / dots.TILE
    for i in range(dots.TILE + 1):
        colour = (255, 210, 90) if i in (0, 1) else (120, 150, 210)
        draw.line([(x + i * cell, y), (x + i * cell, y + side)], fill=colour, width=2 if i in (0, 1) else 1)
        draw.line([(x, y + i * cell), (x + side, y + i * cell)], fill=colour, width=2 if i in (0, 1) else 1)
    for (r, c) in dots.MARKS:
        cx, cy = x + (c + 0.5) * cell, y + (r + 0.5) * cell
        draw.ellipse([cx - cell * 0.42, cy - cell * 0.42, cx + cell * 0.42, cy + cell * 0.42], outline=(255, 120, 160), width=2)
