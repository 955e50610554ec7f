"""A photo mask from a face: the lower face laid into the mask's shape, ready to print."""

from __future__ import annotations

import numpy as np
from PIL import Image

from .imageio import to_image

WIDTH, HEIGHT = 960, 720
PAPER = np.array([0.98, 0.97, 0.95], dtype=np.float32)
RIM = np.array([0.86, 0.83, 0.78], dtype=np.float32)
# The part of a Face Value portrait (800 x 1000) a mask covers: nose to chin, cheek to cheek.
PORTRAIT_CROP = (0.29, 0.425, 0.71, 0.585)


def shape(width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """Where the mask is: a band over the nose that curves down to the chin."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    u = (xs - width / 2) / (width * 0.43)  # -1 .. 1 across the mask
    top = height * (0.20 - 0.09 * np.cos(np.clip(u, -1, 1) * np.pi * 0.5) ** 2 + 0.05 * u * u)
    bottom = height * (0.60 + 0.30 * np.sqrt(np.clip(1 - u * u, 0, 1)))
    return (np.abs(u) <= 1) & (ys >= top) & (ys <= bottom)


def compose(face: np.ndarray, crop: tuple[float, float, float, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The printed mask (RGB, 0..1) and where it is printed (a boolean map the dots stay inside)."""
    height, width = face.shape[:2]
    if crop is None:  # any photo: the middle, at the mask's proportions
        aspect = WIDTH * 0.86 / (HEIGHT * 0.78)
        h = min(height, width / aspect) * 0.9
        w = h * aspect
        crop = ((width - w) / 2 / width, (height - h) / 2 / height, (width + w) / 2 / width, (height + h) / 2 / height)
    x0, y0, x1, y1 = crop
    box = (int(x0 * width), int(y0 * height), max(int(x0 * width) + 1, int(x1 * width)), max(int(y0 * height) + 1, int(y1 * height)))
    region = shape()
    rows, cols = np.nonzero(region)
    top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    picture = to_image(face).crop(box).resize((right - left, bottom - top), Image.Resampling.BICUBIC)
    printed = np.asarray(picture, dtype=np.float32) / 255.0
    out = np.broadcast_to(PAPER, (HEIGHT, WIDTH, 3)).copy()
    window = out[top:bottom, left:right]
    inside = region[top:bottom, left:right]
    window[inside] = printed[inside]
    # the printer lays it down in layers: faint grey lines, as on every 3D print
    layer = (np.arange(HEIGHT) % 6 == 0)[:, None] & region
    out[layer] *= 0.96
    edge = region & ~_shrink(region, 8)
    out[edge] = out[edge] * 0.4 + RIM * 0.6
    return out, _shrink(region, 8)


def _shrink(region: np.ndarray, by: int) -> np.ndarray:
    inner = region.copy()
    for _ in range(by):
        inner[1:, :] &= inner[:-1, :]
        inner[:-1, :] &= inner[1:, :].copy()
        inner[:, 1:] &= inner[:, :-1]
        inner[:, :-1] &= inner[:, 1:].copy()
    return inner
