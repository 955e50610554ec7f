"""lab.png: the university lab with its microscope, monitor of decoded dots, scanner and shelves."""

import math
import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, DOT, INK, MIST, NIGHT, Pen, SKINS, SLATE, TEAL, alpha, dark, light, mix,
    tracking_dots, vignette,
)
from ..mask import mask_outline, printed_face, small_mask


def microscope(pen, x, bench):
    """A big digital microscope with a ring light over a photo mask on its stage."""
    body, dark_body = mix(MIST, SLATE, 0.35), mix(SLATE, NIGHT, 0.35)
    pen.rect(dark_body, x - 150, bench - 40, 300, 40, radius=8)
    pen.rect(body, x + 70, 170, 50, bench - 210)
    pen.rect(body, x - 90, 180, 210, 70, radius=14)
    pen.rect(dark_body, x - 70, 110, 110, 70, radius=10)
    pen.circle(mix(TEAL, INK, 0.3), x - 15, 145, 18)
    pen.rect(dark_body, x - 40, 250, 50, 150)
    pen.rect(mix(dark_body, INK, 0.3), x - 30, 400, 30, 26)
    pen.glow(mix(MIST, TEAL, 0.2), x - 15, 430, 110, 0.45)
    pen.ellipse(mix(MIST, BONE, 0.5), x - 15, 428, 40, 8)
    pen.rect(dark_body, x - 120, 500, 240, 18, radius=4)
    pen.rect(body, x - 120, 496, 240, 5)
    small_mask(pen, x - 15, 462, 96, SKINS[1])
    pen.circle(mix(body, INK, 0.2), x + 95, 330, 18)


def flatbed_scanner(pen, x, bench, w):
    """A flatbed scanner with its lid raised and a cold scan bar crossing the glass."""
    pen.poly(mix(SLATE, NIGHT, 0.3), [(x + 20, bench - 34), (x + w - 20, bench - 34), (x + w - 4, bench - 130),
                                      (x + 36, bench - 130)])
    pen.poly(mix(SLATE, INK, 0.2), [(x + 34, bench - 42), (x + w - 34, bench - 42), (x + w - 20, bench - 120),
                                    (x + 48, bench - 120)])
    pen.rect(mix(MIST, SLATE, 0.4), x, bench - 40, w, 40, radius=6)
    pen.rect(mix(TEAL, MIST, 0.3), x + 16, bench - 36, w - 32, 10)
    bx = x + w * 0.62
    pen.glow(mix(MIST, TEAL, 0.2), bx, bench - 32, 80, 0.5)
    pen.rect(mix(MIST, BONE, 0.6), bx - 4, bench - 38, 8, 14)


def outline(pen, col, x, y, w, h, width):
    """A rectangle outline (stroked, so the corners are clean)."""
    pen.stroke(col, [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], width)


def decoded_dots(pen, rng, x, y, cols, rows, gap, r):
    """The dot code enlarged on screen: a read grid, each dot found, some bits ringed in coral."""
    left, top = x - gap / 2, y - gap / 2
    for i in range(cols + 1):
        pen.line(alpha(MIST, 40), (left + i * gap, top), (left + i * gap, top + rows * gap), 1)
    for j in range(rows + 1):
        pen.line(alpha(MIST, 40), (left, top + j * gap), (left + cols * gap, top + j * gap), 1)
    for j in range(rows):
        for i in range(cols):
            if j == 0 or rng.random() < 0.45:
                pen.circle(DOT, x + i * gap, y + j * gap, r)
                if rng.random() < 0.12:
                    pen.ring(CORAL, x + i * gap, y + j * gap, r * 2.2, 2)


def lab_monitor(pen, rng, x, y, w, h):
    """The analysis screen: an enlarged photo mask, its hidden dot grid, and a zoomed, decoded patch."""
    pen.rect(mix(INK, SLATE, 0.15), x - 14, y - 14, w + 28, h + 28, radius=8)
    pen.vgradient(x, y, w, h, [(0, mix(INK, TEAL, 0.35)), (1, mix(INK, TEAL, 0.2))])
    pen.glow(mix(TEAL, MIST, 0.3), x + w / 2, y + h / 2, w * 0.7, 0.18)
    for k in range(0, int(w), 40):
        pen.line(alpha(MIST, 12), (x + k, y), (x + k, y + h), 1)
    mw = h * 0.95
    mcx, mcy = x + w * 0.32, y + h * 0.5
    pen.poly(BONE, mask_outline(mcx, mcy, mw))
    printed_face(pen, mcx, mcy, mw, SKINS[0])
    for k in range(40):
        yy = mcy - mw * 0.36 + k * mw * 0.02
        pen.line(alpha(SLATE, 30), (mcx - mw * 0.5, yy), (mcx + mw * 0.5, yy), 1)
    px, py, pw = mcx - mw * 0.1, mcy + mw * 0.24, mw * 0.2
    tracking_dots(pen, px + 4, py + 4, seed=81, cols=8, rows=4, gap=pw / 8.5, a=230, r=1.3)
    outline(pen, CORAL, px, py, pw, pw * 0.45, 3)
    zx, zy, zw, zh = x + w * 0.64, y + 30, w * 0.32, h * 0.5
    pen.stroke(alpha(CORAL, 160), [(px + pw, py), (zx, zy + zh)], 2)
    pen.rect(mix(INK, NIGHT, 0.5), zx, zy, zw, zh)
    decoded_dots(pen, rng, zx + 24, zy + 24, 8, 5, (zw - 40) / 8, 5)
    for k in range(6):
        pen.rect(alpha(AMBER if k % 3 else CORAL, 170), zx, zy + zh + 30 + k * 20, 30 + rng.random() * (zw - 40), 10)


def hanging_cables(pen, rng, n, top_y, bench):
    """Cables sagging from a ceiling tray down to the bench."""
    pen.rect(mix(SLATE, INK, 0.4), 0, top_y - 14, pen.size[0], 14)
    for _ in range(n):
        x0 = rng.uniform(100, 1800)
        x1 = x0 + rng.uniform(-200, 200)
        sag = rng.uniform(-90, 90)
        pts = [(x0 + (x1 - x0) * t + sag * math.sin(math.pi * t), top_y + (bench - top_y) * t)
               for t in [i / 16 for i in range(17)]]
        pen.stroke(rng.choice([mix(INK, SLATE, 0.2), dark(TEAL, 0.3), mix(CORAL, INK, 0.55)]), pts, 4)


def lab_shelf(pen, rng, x, y, w):
    """Shelves of binders and boxes."""
    board = mix(MIST, SLATE, 0.5)
    for k in range(2):
        by = y + k * 170
        pen.rect(board, x, by, w, 10)
        bx = x + 10
        while bx < x + w - 40:
            bw = rng.uniform(22, 40)
            bh = rng.uniform(90, 140)
            col = rng.choice([mix(TEAL, SLATE, 0.3), mix(CORAL, SLATE, 0.5), mix(AMBER, SLATE, 0.5), SLATE])
            pen.rect(col, bx, by - bh, bw, bh, radius=2)
            pen.rect(alpha(BONE, 60), bx + 5, by - bh + 14, bw - 10, 12)
            bx += bw + 4


def draw_lab():
    """Background: the university lab reading a mask's hidden code."""
    pen = Pen(BG_SIZE)
    rng = random.Random(808)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, 700, [(0, mix(INK, TEAL, 0.35)), (1, mix(NIGHT, TEAL, 0.45))])
    pen.rect(dark(SLATE, 0.6), 0, 700, w, h - 700)
    hanging_cables(pen, rng, 8, 40, 640)
    microscope(pen, 330, 640)
    lab_monitor(pen, rng, 720, 90, 760, 420)
    pen.rect(mix(INK, SLATE, 0.2), 1080, 524, 40, 80)
    pen.rect(mix(INK, SLATE, 0.2), 1010, 600, 180, 12, radius=4)
    lab_shelf(pen, rng, 1580, 170, 300)
    flatbed_scanner(pen, 1560, 640, 320)
    bench = mix(SLATE, NIGHT, 0.4)
    pen.rect(bench, 0, 640, w, 26)
    pen.rect(light(bench, 0.15), 0, 640, w, 4)
    pen.rect(dark(bench, 0.3), 0, 666, w, h - 666)
    for k in range(6):
        pen.rect(alpha(INK, 50), 20 + k * 320, 690, 300, 400, radius=6)
    pen.stroke(mix(INK, SLATE, 0.2), [(1100, 606), (1180, 650), (1300, 640), (1560, 620)], 5)
    pen.stroke(dark(TEAL, 0.3), [(420, 600), (560, 655), (760, 645), (1020, 606)], 5)
    vignette(pen, 160)
    return pen.finish()
