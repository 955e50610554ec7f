"""title.png: a giant photo mask in face-recognition brackets over the darkened skyline and a wall of camera lenses."""

import random

from .common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SKINS, SLATE, TEAL, alpha, mix, tracking_dots, vignette,
)
from .backgrounds.city import skyline_scene
from .mask import mask_outline, photo_mask


def lens(pen, cx, cy, r, a, lit=False):
    """One camera lens seen head-on: housing ring, dark glass, a glint, maybe a coral light."""
    pen.circle(alpha(mix(SLATE, NIGHT, 0.3), a), cx, cy, r)
    pen.circle(alpha(INK, a), cx, cy, r * 0.72)
    pen.ring(alpha(mix(TEAL, MIST, 0.3), a * 0.8), cx, cy, r * 0.55, max(1.0, r * 0.06))
    pen.circle(alpha(mix(TEAL, NIGHT, 0.4), a), cx, cy, r * 0.3)
    pen.circle(alpha(BONE, a * 0.7), cx - r * 0.25, cy - r * 0.25, r * 0.1)
    if lit:
        pen.circle(alpha(CORAL, min(255, a * 1.6)), cx + r * 0.78, cy - r * 0.78, r * 0.1)


def lens_grid(pen, x0, y0, cols, rows, gap, r, fade_x):
    """A wall of camera lenses, fading out toward the left so the title area stays quiet."""
    rng = random.Random(1212)
    for j in range(rows):
        for i in range(cols):
            cx, cy = x0 + i * gap + (j % 2) * gap / 2, y0 + j * gap
            fade = max(0.0, min(1.0, (cx - fade_x) / 700))
            if fade > 0.02:
                lens(pen, cx, cy, r, 150 * fade, lit=rng.random() < 0.2)


def scan_line(pen, x0, x1, y):
    """A bright horizontal scan line with a soft band around it."""
    pen.rect(alpha(AMBER, 60), x0, y - 6, x1 - x0, 12)
    pen.rect(alpha(mix(AMBER, BONE, 0.4), 210), x0, y - 1.5, x1 - x0, 3)


def title_brackets(pen, x, y, w, h, k):
    """Face-recognition corner brackets framing the mask, as the cameras see it."""
    col = alpha(AMBER, 200)
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        pen.stroke(col, [(cx + dx * k, cy), (cx, cy), (cx, cy + dy * k)], 5)
    pen.rect(alpha(AMBER, 150), x, y + h + 16, w * 0.3, 8)
    pen.rect(alpha(CORAL, 150), x + w * 0.32, y + h + 16, w * 0.08, 8)


def draw_title():
    """Title art: the giant photo mask over the skyline and a wall of lenses."""
    pen = Pen(BG_SIZE)
    rng = random.Random(1313)
    w, h = BG_SIZE
    skyline_scene(pen, rng, horizon=700, warm=0.7)
    pen.rect(alpha(INK, 110), 0, 0, w, h)
    lens_grid(pen, 640, 70, 12, 7, 150, 44, 760)
    tracking_dots(pen, 1560, 960, seed=14, cols=24, rows=6, gap=8, a=60)
    pen.glow(mix(AMBER, CORAL, 0.4), 1330, 560, 620, 0.16, steps=48)
    photo_mask(pen, 1330, 500, 860, SKINS[4], seed=13, dots_alpha=170)
    pen.clipped(mask_outline(1330, 500, 860, n=48), lambda p: p.vgradient(
        860, 180, 940, 700, [(0, alpha(INK, 0)), (0.5, alpha(INK, 40)), (1, alpha(INK, 120))]))
    scan_line(pen, 860, 1800, 690)
    title_brackets(pen, 850, 150, 960, 760, 90)
    pen.hgradient(0, 0, 900, h, [(0, alpha(INK, 200)), (0.6, alpha(INK, 120)), (1, alpha(INK, 0))])
    vignette(pen, 150)
    return pen.finish()
