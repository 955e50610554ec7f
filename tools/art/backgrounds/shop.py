"""shop.png: the 3D-print shop with shelves of spools, desktop printers, a rainy window and the counter."""

import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SKINS, SLATE, TEAL, alpha, box_camera, dark, light, mix,
    pinned_sheet, rain, tracking_dots, vignette,
)
from ..mask import clip_below, mask_outline, small_mask


def shop_wall(pen):
    """The shop's back wall: dark teal boards and a skirting rail."""
    w = pen.size[0]
    pen.vgradient(0, 0, w, 800, [(0, dark(TEAL, 0.62)), (0.7, dark(TEAL, 0.45)), (1, dark(TEAL, 0.55))])
    for x in range(0, w, 96):
        pen.rect(alpha(INK, 40), x, 0, 3, 800)
    pen.rect(dark(TEAL, 0.7), 0, 690, w, 14)


def filament_spool(pen, cx, cy, r, col):
    """A reel of printer filament seen face-on."""
    pen.circle(dark(col, 0.55), cx, cy, r)
    pen.circle(col, cx, cy, r * 0.86)
    for k in range(3):
        pen.ring(alpha(dark(col, 0.25), 120), cx, cy, r * (0.5 + 0.12 * k), 1.2)
    pen.circle(dark(col, 0.6), cx, cy, r * 0.38)
    pen.circle(dark(TEAL, 0.6), cx, cy, r * 0.16)


def shelf_unit(pen, rng, x, y, w, h):
    """Shelves of filament, a row of sample photo masks, boxes."""
    wood = mix(dark(AMBER, 0.72), TEAL, 0.15)
    pen.rect(alpha(INK, 90), x + 8, y, w, h)
    boards = [y + 150, y + 300, y + 450, y + h - 10]
    for by in boards:
        pen.rect(wood, x, by, w, 12)
        pen.rect(light(wood, 0.12), x, by, w, 3)
    pen.rect(dark(wood, 0.2), x, y, 12, h)
    pen.rect(dark(wood, 0.2), x + w - 12, y, 12, h)
    spools = [mix(CORAL, SLATE, 0.3), mix(TEAL, MIST, 0.3), BONE, mix(AMBER, SLATE, 0.25), mix(SLATE, MIST, 0.3)]
    for i, col in enumerate(spools):
        filament_spool(pen, x + 60 + i * 88, boards[0] - 48, 46, col)
    for i in range(5):
        mx = x + 58 + i * 88
        pen.rect(dark(wood, 0.3), mx - 4, boards[1] - 30, 8, 30)
        small_mask(pen, mx, boards[1] - 62, 70, SKINS[i])
    bx = x + 24
    while bx < x + w - 80:
        bw, bh = 60 + rng.random() * 70, 50 + rng.random() * 70
        pen.rect(mix(dark(AMBER, 0.55), SLATE, 0.35 + rng.random() * 0.2), bx, boards[2] - bh, bw, bh)
        pen.rect(alpha(BONE, 50), bx + 10, boards[2] - bh + 12, bw * 0.5, 10)
        bx += bw + 8
    for i in range(6):
        pen.rect(mix(SLATE, TEAL, 0.5), x + 30 + i * 46, boards[3] - 70, 30, 70, radius=5)
        pen.rect(alpha(BONE, 40), x + 34 + i * 46, boards[3] - 52, 22, 16)


def desktop_printer(pen, cx, base_y, w, h, job=None, screen=AMBER, head_u=0.5):
    """An open-frame desktop 3D printer; job is None, 'mask' or 'block'."""
    frame = mix(SLATE, INK, 0.35)
    left, right, top = cx - w / 2, cx + w / 2, base_y - h
    filament_spool(pen, cx + w * 0.25, top - 34, 32, mix(BONE, MIST, 0.3))
    pen.rect(frame, left + 8, top, 12, h - 30)
    pen.rect(frame, right - 20, top, 12, h - 30)
    pen.rect(frame, left + 8, top, w - 16, 14)
    bed_y = base_y - 62
    pen.rect(dark(frame, 0.2), cx - w * 0.36, bed_y, w * 0.72, 8)
    pen.rect(mix(SLATE, MIST, 0.2), cx - w * 0.36, bed_y - 3, w * 0.72, 4)
    gantry = top + h * 0.35
    if job == "mask":
        mw = w * 0.6
        mcy = bed_y - mw * 0.42
        cut = bed_y - mw * 0.78 * 0.62
        gantry = cut - 32
        pen.poly(mix(BONE, MIST, 0.15), clip_below(mask_outline(cx, mcy, mw), cut))
        pen.poly(alpha(mix(CORAL, BONE, 0.5), 120), clip_below(
            [(cx - mw * 0.14, mcy + mw * 0.145), (cx, mcy + mw * 0.11), (cx + mw * 0.14, mcy + mw * 0.145),
             (cx, mcy + mw * 0.19)], cut))
        for k in range(int((bed_y - cut) / 4)):
            pen.rect(alpha(SLATE, 45), cx - mw / 2, bed_y - 4 - k * 4, mw, 1)
    elif job == "block":
        pen.rect(mix(CORAL, SLATE, 0.4), cx - 30, bed_y - 44, 60, 44, radius=4)
    pen.rect(mix(MIST, SLATE, 0.5), left + 14, gantry, w - 28, 7)
    hx = left + 30 + (w - 100) * head_u
    pen.rect(mix(SLATE, INK, 0.1), hx, gantry - 22, 40, 44, radius=4)
    pen.poly(mix(AMBER, SLATE, 0.4), [(hx + 14, gantry + 22), (hx + 26, gantry + 22), (hx + 20, gantry + 32)])
    if job:
        pen.glow(AMBER, hx + 20, gantry + 32, 18, 0.6)
    pen.stroke(alpha(mix(BONE, MIST, 0.3), 170), [(cx + w * 0.25, top - 34), (cx + w * 0.3, top - 50),
                                                  (hx + 30, top - 20), (hx + 20, gantry - 22)], 2)
    pen.rect(frame, left, base_y - 34, w, 34, radius=4)
    pen.rect(dark(screen, 0.35), left + 14, base_y - 26, 40, 18, radius=2)
    pen.glow(screen, left + 34, base_y - 17, 30, 0.25)
    pen.circle(mix(MIST, SLATE, 0.4), right - 26, base_y - 17, 6)


def shop_window(pen, rng, x, y, w, h):
    """The window to Fenghuang Lane: rain, blurred shop signs opposite, a camera outside."""
    pen.vgradient(x, y, w, h, [(0, mix(INK, NIGHT, 0.6)), (1, mix(NIGHT, TEAL, 0.35))])
    pen.rect(dark(NIGHT, 0.2), x, y + h * 0.32, w, h * 0.68)
    signs = [(0.08, 0.42, 0.3, 0.1, AMBER), (0.55, 0.38, 0.34, 0.12, CORAL), (0.2, 0.6, 0.18, 0.2, TEAL)]
    for u, v, sw, sh, col in signs:
        pen.glow(col, x + (u + sw / 2) * w, y + (v + sh / 2) * h, sw * w * 0.9, 0.28)
        pen.rect(alpha(mix(col, BONE, 0.2), 190), x + u * w, y + v * h, sw * w, sh * h, radius=4)
    for k in range(4):
        pen.rect(alpha(AMBER, 150), x + 0.5 * w + k * 46, y + 0.66 * h, 30, 40)
    box_camera(pen, x + w * 0.78, y + h * 0.1, 0.9, -1)
    rain(pen, rng, x, y, w, h, 160, alpha(MIST, 60))
    for k in range(2):
        pen.poly(alpha(MIST, 14), [(x + w * (0.1 + 0.4 * k), y), (x + w * (0.3 + 0.4 * k), y),
                                   (x + w * (0.05 + 0.4 * k), y + h), (x + w * (-0.15 + 0.4 * k), y + h)])
    frame = dark(TEAL, 0.7)
    for k in range(3):
        pen.rect(frame, x + k * w / 2 - 8, y, 16, h)
    pen.rect(frame, x - 8, y - 8, w + 16, 16)
    pen.rect(frame, x - 8, y + h * 0.5 - 6, w + 16, 12)
    pen.rect(mix(frame, AMBER, 0.1), x - 24, y + h, w + 48, 18)


def hanging_lamp(pen, x, y, r=60):
    """A shaded ceiling lamp that throws a warm pool of light."""
    pen.line(dark(SLATE, 0.5), (x, 0), (x, y), 3)
    pen.poly(mix(dark(AMBER, 0.5), TEAL, 0.2), [(x - 20, y), (x + 20, y), (x + r, y + 40), (x - r, y + 40)])
    pen.ellipse(mix(AMBER, BONE, 0.4), x, y + 40, r * 0.85, 8)
    pen.glow(AMBER, x, y + 50, 620, 0.3, steps=56)
    pen.glow(AMBER, x, y + 44, 60, 0.6)


def shop_counter(pen, y):
    """The shop counter across the foreground, with a card reader and a stack of prints."""
    w, h = pen.size
    wood = mix(dark(AMBER, 0.72), NIGHT, 0.45)
    pen.rect(dark(wood, 0.2), 0, y + 26, w, h - y)
    pen.poly(wood, [(0, y + 26), (w, y + 26), (w, y), (0, y)])
    pen.rect(light(wood, 0.12), 0, y, w, 3)
    for k in range(5):
        pen.rect(alpha(INK, 40), 200 + k * 380, y + 60, 4, h - y)
    pen.rect(mix(SLATE, INK, 0.4), 240, y - 52, 70, 52, radius=6)
    pen.rect(dark(TEAL, 0.3), 252, y - 44, 46, 22, radius=3)
    pen.rect(mix(BONE, SLATE, 0.4), 1480, y - 14, 160, 14, radius=3)
    pen.rect(mix(BONE, SLATE, 0.3), 1490, y - 24, 140, 10, radius=3)


def draw_shop():
    """Background: the 3D-print shop on Fenghuang Lane."""
    pen = Pen(BG_SIZE)
    rng = random.Random(303)
    shop_wall(pen)
    tracking_dots(pen, 880, 200, seed=31, cols=20, rows=6, gap=8, a=22)
    shelf_unit(pen, rng, 60, 60, 470, 640)
    shop_window(pen, rng, 1400, 110, 440, 470)
    pinned_sheet(pen, 1230, 96, 120, 160)
    bench = 650
    pen.rect(mix(dark(AMBER, 0.7), NIGHT, 0.3), 580, bench, 780, 20)
    pen.rect(dark(NIGHT, 0.2), 600, bench + 20, 740, 200)
    for k in range(4):
        pen.rect(alpha(MIST, 18), 616 + k * 182, bench + 36, 170, 90, radius=4)
        pen.rect(alpha(MIST, 40), 676 + k * 182, bench + 70, 50, 6, radius=3)
    desktop_printer(pen, 720, bench, 210, 300, "block", head_u=0.2)
    desktop_printer(pen, 970, bench, 230, 320, "mask", head_u=0.55)
    desktop_printer(pen, 1215, bench, 210, 300, None, screen=CORAL, head_u=0.8)
    hanging_lamp(pen, 960, 40)
    shop_counter(pen, 790)
    vignette(pen, 150)
    return pen.finish()
