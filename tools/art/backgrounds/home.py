"""home.png: the family kitchen above the shop, rainy window, fridge, rice cooker and teapot."""

import math
import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SLATE, TEAL, alpha, box_camera, dark, ellipse_pts,
    light, lit_windows, mix, pinned_sheet, rain, steam, tracking_dots, vignette,
)


def rainy_window(pen, rng, x, y, w, h):
    """A kitchen window at night: the building opposite, a camera on its wall, rain on the glass."""
    pen.vgradient(x, y, w, h, [(0, INK), (1, mix(NIGHT, TEAL, 0.3))])
    pen.rect(mix(NIGHT, SLATE, 0.2), x + w * 0.1, y + h * 0.15, w * 0.62, h * 0.85)
    lit_windows(pen, rng, x + w * 0.12, y + h * 0.2, w * 0.58, h * 0.8, 4, 5, 0.3)
    box_camera(pen, x + w * 0.76, y + h * 0.3, 1.0, -1)
    rain(pen, rng, x, y, w, h, 220, alpha(MIST, 55), length=30)
    for _ in range(70):
        dx, dy = x + rng.random() * w, y + rng.random() * h
        pen.circle(alpha(MIST, 70), dx, dy, 1.5 + rng.random() * 3)
        pen.circle(alpha(BONE, 90), dx - 0.8, dy - 0.8, 0.9)
    frame = mix(BONE, SLATE, 0.55)
    pen.rect(frame, x - 14, y - 14, w + 28, 14)
    pen.rect(frame, x - 14, y + h, w + 28, 20)
    pen.rect(frame, x - 14, y, 14, h)
    pen.rect(frame, x + w, y, 14, h)
    pen.rect(frame, x + w / 2 - 6, y, 12, h)


def curtain(pen, x, y, w, h, col):
    """A gathered cloth curtain: vertical folds in two tints."""
    folds = 6
    for k in range(folds):
        fx = x + k * w / folds
        pen.poly(col if k % 2 else dark(col, 0.15), [(fx, y), (fx + w / folds, y), (fx + w / folds * 1.1, y + h),
                                                    (fx + w / folds * 0.1, y + h)])
    pen.rect(dark(col, 0.4), x - 10, y - 10, w + 20, 10, radius=4)


def family_photo(pen, x, y, w, h):
    """A framed family photo: two parents and a child as simple shapes against a pale sky."""
    pen.rect(mix(dark(AMBER, 0.6), NIGHT, 0.2), x, y, w, h, radius=4)
    pen.vgradient(x + 12, y + 12, w - 24, h - 24, [(0, mix(MIST, AMBER, 0.25)), (1, mix(TEAL, MIST, 0.4))])
    for fx, fy, r, body in ((0.3, 0.45, 0.12, mix(CORAL, SLATE, 0.3)), (0.68, 0.42, 0.13, mix(NIGHT, SLATE, 0.4)),
                            (0.5, 0.6, 0.09, mix(AMBER, CORAL, 0.4))):
        cx, cy, rr = x + w * fx, y + h * fy, w * r
        pen.poly(body, [(cx - rr * 1.6, y + h - 12), (cx - rr * 1.2, cy + rr * 1.3), (cx + rr * 1.2, cy + rr * 1.3),
                        (cx + rr * 1.6, y + h - 12)])
        pen.circle(mix(BONE, AMBER, 0.3), cx, cy, rr)
        pen.poly(dark(SLATE, 0.5), ellipse_pts(cx, cy - rr * 0.2, rr * 1.05, rr, math.pi, 2 * math.pi))


def fridge(pen, x, y, w, h):
    """The kitchen fridge with magnets and a sheet stuck to its door."""
    body = mix(MIST, SLATE, 0.45)
    pen.rect(dark(body, 0.2), x, y, w, h, radius=10)
    pen.rect(body, x + 6, y + 6, w - 12, h * 0.36, radius=8)
    pen.rect(body, x + 6, y + h * 0.38, w - 12, h * 0.62 - 6, radius=8)
    pen.rect(light(body, 0.2), x + w - 30, y + 40, 8, 90, radius=4)
    pen.rect(light(body, 0.2), x + w - 30, y + h * 0.42, 8, 120, radius=4)
    pinned_sheet(pen, x + 24, y + h * 0.45, w * 0.6, 130)
    for mx, col in ((x + 40, CORAL), (x + 120, AMBER), (x + 70, TEAL)):
        pen.circle(col, mx, y + 60 + (mx % 50), 9)


def rice_cooker(pen, cx, base):
    """A round rice cooker with a domed lid and a small amber 'warm' light."""
    shell = mix(BONE, MIST, 0.25)
    pen.ellipse(dark(shell, 0.25), cx, base, 95, 16)
    pen.rect(shell, cx - 95, base - 110, 190, 110, radius=28)
    pen.ellipse(light(shell, 0.2), cx, base - 110, 92, 28)
    pen.ellipse(mix(shell, SLATE, 0.3), cx, base - 118, 40, 10)
    pen.rect(mix(SLATE, NIGHT, 0.3), cx - 40, base - 70, 80, 30, radius=8)
    pen.circle(AMBER, cx + 24, base - 55, 5)
    pen.glow(AMBER, cx + 24, base - 55, 24, 0.6)
    steam(pen, random.Random(72), cx - 10, base - 130, 200, 30)


def kitchen_counter(pen, x, y):
    """Upper cabinets, the worktop with its rice cooker and kettle, doors below."""
    w = pen.size[0] - x
    wood = mix(dark(AMBER, 0.66), TEAL, 0.2)
    pen.rect(dark(wood, 0.15), x, 70, w, 240)
    for k in range(int(w / 190) + 1):
        pen.rect(wood, x + 10 + k * 190, 80, 176, 220, radius=4)
        pen.rect(light(wood, 0.3), x + 160 + k * 190, 250, 8, 36, radius=3)
    pen.rect(mix(TEAL, MIST, 0.25), x, 310, w, y - 310)
    for j in range(int((y - 310) / 40)):
        pen.rect(alpha(INK, 40), x, 310 + j * 40, w, 2)
    pen.rect(mix(SLATE, BONE, 0.2), x - 10, y, w + 10, 20)
    pen.rect(dark(wood, 0.3), x, y + 20, w, pen.size[1] - y)
    for k in range(int(w / 190) + 1):
        pen.rect(alpha(INK, 50), x + 10 + k * 190, y + 40, 176, 400, radius=4)
        pen.rect(dark(wood, 0.22), x + 14 + k * 190, y + 44, 168, 392, radius=4)
    rice_cooker(pen, x + 200, y)
    pen.rect(mix(CORAL, SLATE, 0.35), x + 360, y - 90, 90, 90, radius=20)
    pen.stroke(mix(CORAL, SLATE, 0.5), [(x + 450, y - 70), (x + 480, y - 40), (x + 470, y - 20)], 8)
    pen.rect(mix(SLATE, NIGHT, 0.3), x + 390, y - 104, 30, 14, radius=4)
    for k in range(4):
        pen.ellipse(mix(BONE, MIST, 0.2 + 0.1 * k), x + 600, y - 10 - k * 14, 60 - k * 3, 10)
    pen.rect(dark(AMBER, 0.6), x + 700, y - 70, 22, 70, radius=4)


def kitchen_table(pen, y):
    """A small table with a teapot and two cups under the lamp; dark so text stays readable."""
    wood = mix(dark(AMBER, 0.65), NIGHT, 0.35)
    pen.ellipse(dark(wood, 0.3), 840, y + 16, 330, 28)
    pen.ellipse(wood, 840, y, 330, 30)
    pen.rect(dark(wood, 0.35), 600, y + 10, 22, 300)
    pen.rect(dark(wood, 0.35), 1060, y + 10, 22, 300)
    pen.ellipse(mix(BONE, TEAL, 0.4), 820, y - 40, 46, 38)
    pen.ellipse(mix(BONE, TEAL, 0.3), 820, y - 76, 18, 8)
    pen.stroke(mix(BONE, TEAL, 0.4), [(862, y - 50), (900, y - 70)], 8)
    for cx in (700, 960):
        pen.rect(mix(BONE, MIST, 0.3), cx - 18, y - 30, 36, 30, radius=6)


def draw_home():
    """Background: the family kitchen above the shop."""
    pen = Pen(BG_SIZE)
    rng = random.Random(707)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, h, [(0, mix(NIGHT, dark(AMBER, 0.8), 0.4)), (0.7, mix(NIGHT, dark(AMBER, 0.75), 0.5)),
                               (1, INK)])
    pen.rect(alpha(INK, 90), 0, 760, w, h - 760)
    fridge(pen, 50, 210, 220, 560)
    family_photo(pen, 320, 190, 190, 160)
    tracking_dots(pen, 330, 380, seed=71, cols=12, rows=4, gap=7, a=26)
    rainy_window(pen, rng, 580, 120, 460, 380)
    curtain(pen, 520, 100, 150, 430, mix(CORAL, SLATE, 0.45))
    kitchen_counter(pen, 1160, 560)
    pen.line(dark(SLATE, 0.5), (840, 0), (840, 30), 3)
    pen.poly(mix(dark(AMBER, 0.4), CORAL, 0.2), [(810, 30), (870, 30), (920, 84), (760, 84)])
    pen.ellipse(mix(AMBER, BONE, 0.4), 840, 84, 70, 7)
    pen.glow(AMBER, 840, 110, 620, 0.24, steps=56)
    pen.glow(AMBER, 840, 90, 50, 0.6)
    kitchen_table(pen, 760)
    vignette(pen, 150)
    return pen.finish()
