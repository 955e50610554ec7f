"""police.png: the community police office with its wall of camera feeds, cabinets and notice board."""

import math
import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SKINS, SLATE, TEAL, alpha, dark, ellipse_pts, light,
    lit_windows, mix, pinned_sheet, tracking_dots, vignette,
)
from ..mask import small_mask


def feed_face(pen, cx, cy, r, skin, masked, photo):
    """A face on a camera feed: head and shoulders, a cloth mask, a photo mask or a bare face."""
    pen.poly(mix(SLATE, NIGHT, 0.2), [(cx - 2.2 * r, cy + 2.6 * r), (cx - 1.8 * r, cy + 1.4 * r),
                                      (cx + 1.8 * r, cy + 1.4 * r), (cx + 2.2 * r, cy + 2.6 * r)])
    pen.ellipse(skin, cx, cy, r, r * 1.2)
    pen.poly(dark(skin, 0.7), ellipse_pts(cx, cy - 0.3 * r, r * 1.05, r * 1.05, math.pi, 2 * math.pi))
    pen.rect(dark(skin, 0.7), cx - 0.4 * r, cy - 0.02 * r, 0.22 * r, 0.1 * r)
    pen.rect(dark(skin, 0.7), cx + 0.18 * r, cy - 0.02 * r, 0.22 * r, 0.1 * r)
    if photo:
        small_mask(pen, cx, cy + 0.5 * r, 1.7 * r, skin)
    elif masked:
        pen.poly(mix(MIST, TEAL, 0.35), [(cx - 0.85 * r, cy + 0.15 * r), (cx + 0.85 * r, cy + 0.15 * r),
                                         (cx + 0.7 * r, cy + 0.85 * r), (cx - 0.7 * r, cy + 0.85 * r)])
    else:
        pen.line(dark(skin, 0.5), (cx - 0.3 * r, cy + 0.6 * r), (cx + 0.3 * r, cy + 0.6 * r), max(1, r * 0.1))


def detection_box(pen, x, y, w, h, col, width=2.0):
    """Corner brackets around a detected face, plus a blank label bar."""
    k = min(w, h) * 0.28
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        pen.stroke(col, [(cx + dx * k, cy), (cx, cy), (cx, cy + dy * k)], width)
    pen.rect(alpha(col, 170), x, y + h + 4, w * 0.7, 6)


def camera_feed(pen, rng, x, y, w, h, kind):
    """One monitor tile: a dark scene, a figure, and what the software made of it."""
    pen.rect(mix(INK, SLATE, 0.15), x - 6, y - 6, w + 12, h + 12, radius=3)
    pen.vgradient(x, y, w, h, [(0, mix(NIGHT, TEAL, 0.6)), (1, mix(INK, TEAL, 0.35))])
    pen.line(alpha(MIST, 40), (x, y + h * 0.7), (x + w * 0.4, y + h * 0.45), 2)
    pen.line(alpha(MIST, 40), (x + w, y + h * 0.75), (x + w * 0.6, y + h * 0.45), 2)
    r = h * 0.16
    cx, cy = x + w * rng.uniform(0.35, 0.65), y + h * 0.42
    skin = rng.choice(SKINS)
    feed_face(pen, cx, cy, r, skin, kind == "cloth", kind in ("photo", "match"))
    col = {"match": AMBER, "cloth": CORAL, "photo": AMBER, "bare": MIST}[kind]
    detection_box(pen, cx - 1.3 * r, cy - 1.5 * r, 2.6 * r, 2.9 * r, col)
    if kind == "match":
        tracking_dots(pen, cx - 0.55 * r, cy + 0.85 * r, seed=int(x + y), cols=8, rows=3, gap=r * 0.14,
                      a=230, r=1.1)
    pen.rect(alpha(MIST, 20), x, y, w, h * 0.5)
    pen.circle(alpha(CORAL, 220), x + w - 10, y + 10, 3)


def monitor_wall(pen, rng, x, y, cols, rows, tw, th, gap):
    """The grid of camera feeds on the police office wall."""
    kinds = ["photo", "cloth", "bare", "photo", "match", "cloth"]
    pen.glow(mix(TEAL, MIST, 0.3), x + cols * (tw + gap) / 2, y + rows * (th + gap) / 2, 640, 0.25, steps=48)
    pen.rect(dark(SLATE, 0.6), x - 16, y - 16, cols * (tw + gap) - gap + 32, rows * (th + gap) - gap + 32, radius=6)
    for j in range(rows):
        for i in range(cols):
            camera_feed(pen, rng, x + i * (tw + gap), y + j * (th + gap), tw, th, rng.choice(kinds))


def emblem(pen, cx, cy, r):
    """A neutral emblem: concentric plain circles, no symbols."""
    metal = mix(AMBER, SLATE, 0.45)
    pen.circle(dark(metal, 0.55), cx, cy, r + 6)
    pen.circle(metal, cx, cy, r)
    pen.circle(dark(metal, 0.4), cx, cy, r * 0.8)
    pen.circle(mix(metal, CORAL, 0.2), cx, cy, r * 0.64)
    pen.ring(alpha(BONE, 110), cx, cy, r * 0.42, 3)


def filing_cabinet(pen, x, y, w, h, drawers=4):
    """A steel filing cabinet with labelled drawers."""
    steel = mix(SLATE, TEAL, 0.3)
    pen.rect(dark(steel, 0.25), x, y, w, h, radius=4)
    dh = (h - 20) / drawers
    for k in range(drawers):
        pen.rect(steel, x + 8, y + 10 + k * dh, w - 16, dh - 8, radius=3)
        pen.rect(light(steel, 0.25), x + w / 2 - 24, y + 10 + k * dh + 14, 48, 8, radius=3)
        pen.rect(mix(BONE, SLATE, 0.3), x + w / 2 - 14, y + 10 + k * dh + 30, 28, 12)


def blinds_window(pen, rng, x, y, w, h):
    """A night window behind half-open blinds."""
    pen.vgradient(x, y, w, h, [(0, INK), (1, mix(NIGHT, TEAL, 0.4))])
    lit_windows(pen, rng, x + 10, y + h * 0.35, w * 0.4, h * 0.65, 4, 6, 0.3)
    lit_windows(pen, rng, x + w * 0.55, y + h * 0.5, w * 0.4, h * 0.5, 3, 4, 0.3)
    for k in range(int(h / 16)):
        pen.rect(alpha(mix(MIST, SLATE, 0.5), 150), x, y + k * 16, w, 9)
    pen.rect(dark(SLATE, 0.5), x - 10, y - 10, w + 20, 10)
    pen.rect(dark(SLATE, 0.5), x - 10, y + h, w + 20, 10)


def office_chair(pen, cx, y):
    """The empty chair behind the desk: only its back shows above the desktop."""
    fabric = mix(NIGHT, SLATE, 0.25)
    pen.rect(dark(fabric, 0.3), cx - 8, y - 40, 16, 60)
    pen.rect(fabric, cx - 110, y - 250, 220, 220, radius=40)
    pen.rect(light(fabric, 0.08), cx - 96, y - 236, 192, 30, radius=20)


def notice_board(pen, rng, x, y, w, h):
    """A cork-less board of pinned sheets and a grid of small face photos."""
    pen.rect(mix(SLATE, NIGHT, 0.5), x, y, w, h, radius=4)
    pen.rect(mix(SLATE, TEAL, 0.4), x + 8, y + 8, w - 16, h - 16, radius=2)
    for j in range(3):
        for i in range(4):
            fx, fy = x + 24 + i * 58, y + 24 + j * 70
            pen.rect(mix(BONE, SLATE, 0.3), fx, fy, 46, 58)
            feed_face(pen, fx + 23, fy + 24, 11, rng.choice(SKINS), False, False)
            pen.rect(mix(BONE, SLATE, 0.3), fx, fy + 46, 46, 12)
    pinned_sheet(pen, x + w - 110, y + 30, 86, 110, dots=False)
    pinned_sheet(pen, x + 30, y + h - 120, 110, 90, dots=False)


def office_desk(pen, y):
    """The front desk with a monitor, keyboard, papers and a mug."""
    w, h = pen.size
    top = mix(SLATE, NIGHT, 0.45)
    front = mix(dark(AMBER, 0.7), NIGHT, 0.4)
    pen.rect(front, 380, y + 20, 1160, h - y)
    for k in range(3):
        pen.rect(alpha(INK, 60), 380 + k * 387 + 383, y + 40, 4, h - y)
    pen.rect(alpha(BONE, 14), 380, y + 20, 1160, 30)
    pen.rect(top, 360, y, 1200, 22, radius=4)
    pen.rect(light(top, 0.15), 360, y, 1200, 4)
    pen.rect(mix(INK, SLATE, 0.2), 1180, y - 190, 260, 160, radius=6)
    pen.rect(mix(TEAL, NIGHT, 0.4), 1192, y - 178, 236, 136)
    for k in range(5):
        pen.rect(alpha(MIST, 90), 1210, y - 160 + k * 22, 120 + (k * 37) % 80, 8)
    pen.rect(mix(INK, SLATE, 0.2), 1296, y - 30, 28, 30)
    pen.rect(mix(INK, SLATE, 0.35), 1240, y - 8, 140, 8, radius=3)
    pen.rect(mix(SLATE, MIST, 0.2), 880, y - 14, 260, 14, radius=4)
    pen.rect(mix(BONE, SLATE, 0.35), 520, y - 18, 200, 18)
    pen.rect(mix(BONE, SLATE, 0.2), 530, y - 26, 186, 8)
    pen.rect(mix(CORAL, SLATE, 0.35), 770, y - 56, 46, 56, radius=6)
    pen.stroke(mix(CORAL, SLATE, 0.35), [(816, y - 46), (834, y - 40), (834, y - 20), (816, y - 14)], 6)


def draw_police():
    """Background: the community police office."""
    pen = Pen(BG_SIZE)
    rng = random.Random(606)
    w = BG_SIZE[0]
    pen.vgradient(0, 0, w, 780, [(0, mix(INK, SLATE, 0.2)), (1, mix(NIGHT, SLATE, 0.3))])
    pen.rect(dark(SLATE, 0.55), 0, 770, w, 310)
    pen.rect(mix(MIST, BONE, 0.4), 700, 18, 520, 12, radius=6)
    pen.glow(MIST, 960, 30, 300, 0.12)
    blinds_window(pen, rng, 70, 90, 250, 230)
    filing_cabinet(pen, 60, 400, 130, 370)
    filing_cabinet(pen, 200, 400, 130, 370)
    emblem(pen, 470, 200, 70)
    tracking_dots(pen, 410, 320, seed=61, cols=16, rows=5, gap=8, a=30)
    monitor_wall(pen, rng, 600, 80, 4, 3, 220, 140, 20)
    notice_board(pen, rng, 1600, 120, 270, 300)
    office_chair(pen, 960, 720)
    office_desk(pen, 720)
    vignette(pen, 160)
    return pen.finish()
