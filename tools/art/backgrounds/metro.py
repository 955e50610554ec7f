"""metro.png: the metro gate line with face-scanning turnstiles and the big screen."""

import math
import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SKINS, SLATE, TEAL, alpha, dark, dome_camera,
    ellipse_pts, light, masked_figure, mix, tracking_dots, vignette,
)
from .police import detection_box, feed_face
from ..mask import small_mask


def big_screen(pen, x, y, w, h):
    """The station screen: a huge scanned face in a photo mask, a scan grid, brackets, thumbnails."""
    pen.rect(mix(INK, SLATE, 0.2), x - 16, y - 16, w + 32, h + 32, radius=6)
    pen.vgradient(x, y, w, h, [(0, mix(TEAL, INK, 0.4)), (1, mix(TEAL, INK, 0.65))])
    pen.glow(mix(TEAL, MIST, 0.4), x + w / 2, y + h / 2, w * 0.6, 0.2)
    cx, cy, r = x + w * 0.38, y + h * 0.47, h * 0.3
    skin = SKINS[2]
    pen.poly(mix(SLATE, NIGHT, 0.3), [(cx - 2.1 * r, y + h), (cx - 1.5 * r, cy + 1.3 * r), (cx + 1.5 * r, cy + 1.3 * r),
                                      (cx + 2.1 * r, y + h)])
    pen.ellipse(skin, cx, cy, r * 0.85, r * 1.08)
    pen.poly(dark(SLATE, 0.4), ellipse_pts(cx, cy - 0.22 * r, r * 0.9, r * 0.95, math.pi, 2 * math.pi))
    for ex in (-0.34, 0.34):
        pen.ellipse(BONE, cx + ex * r, cy + 0.02 * r, 0.16 * r, 0.07 * r)
        pen.circle(dark(SLATE, 0.5), cx + ex * r, cy + 0.02 * r, 0.06 * r)
    small_mask(pen, cx, cy + 0.52 * r, 1.55 * r, skin)
    for k in range(9):
        yy = y + 20 + k * (h - 40) / 8
        pen.line(alpha(MIST, 30), (x + 20, yy), (x + w * 0.7, yy), 1)
    pen.rect(alpha(MIST, 70), x + 20, cy + 0.2 * r, w * 0.68, 3)
    detection_box(pen, cx - 1.1 * r, cy - 1.2 * r, 2.2 * r, 2.5 * r, AMBER, 4)
    for k in range(4):
        tx = x + w * 0.72 + (k % 2) * 90
        ty = y + 30 + (k // 2) * 110
        pen.rect(mix(NIGHT, TEAL, 0.4), tx, ty, 76, 92)
        feed_face(pen, tx + 38, ty + 40, 16, SKINS[k + 1], False, True)
    pen.rect(alpha(AMBER, 190), x + w * 0.72, y + h - 60, 170, 10)
    tracking_dots(pen, x + w - 130, y + h - 40, seed=91, cols=14, rows=3, gap=8, a=170)


def face_gate(pen, x, floor, light_col):
    """One face-scanning turnstile: a cabinet, a post with a scanning tablet, glass flaps."""
    cab = mix(MIST, SLATE, 0.62)
    pen.poly(light(cab, 0.2), [(x, floor - 150), (x + 84, floor - 150), (x + 96, floor - 162), (x + 12, floor - 162)])
    pen.rect(cab, x, floor - 150, 84, 150)
    pen.rect(dark(cab, 0.3), x + 84, floor - 150, 12, 150)
    pen.rect(light_col, x + 6, floor - 146, 72, 6)
    pen.glow(light_col, x + 42, floor - 143, 40, 0.3)
    pen.rect(dark(cab, 0.4), x + 30, floor - 250, 10, 100)
    pen.rect(mix(INK, SLATE, 0.3), x + 8, floor - 318, 54, 72, radius=6)
    pen.rect(mix(TEAL, INK, 0.3), x + 13, floor - 312, 44, 60, radius=4)
    pen.ring(mix(TEAL, MIST, 0.5), x + 35, floor - 284, 14, 2)
    pen.glow(mix(TEAL, MIST, 0.3), x + 35, floor - 282, 50, 0.35)
    for dx in (-70, 96):
        pen.poly(alpha(mix(MIST, TEAL, 0.2), 70), [(x + dx, floor - 132), (x + dx + 70, floor - 132),
                                                   (x + dx + 70, floor - 70), (x + dx, floor - 90)])
        pen.line(alpha(light_col, 180), (x + dx + 2, floor - 132), (x + dx + 68, floor - 132), 2)


def station_shell(pen):
    """The station hall: ceiling lights, tiled wall, floor, stairs down and a route map."""
    w, h = pen.size
    pen.vgradient(0, 0, w, 560, [(0, INK), (0.15, mix(NIGHT, SLATE, 0.3)), (1, mix(NIGHT, TEAL, 0.4))])
    for k in range(5):
        pen.rect(mix(MIST, BONE, 0.3), 120 + k * 360, 22, 260, 8, radius=4)
        pen.glow(MIST, 250 + k * 360, 26, 160, 0.1)
    for j in range(11):
        pen.rect(alpha(INK, 40), 0, 80 + j * 44, w, 2)
    for i in range(0, w, 64):
        pen.rect(alpha(INK, 25), i, 80, 2, 480)
    pen.vgradient(0, 560, w, h - 560, [(0, mix(NIGHT, SLATE, 0.25)), (0.35, NIGHT), (1, INK)])
    pen.rect(mix(INK, NIGHT, 0.4), 60, 300, 300, 260)
    for k in range(8):
        pen.rect(mix(NIGHT, SLATE, 0.2 + 0.03 * k), 60, 330 + k * 29, 300, 6)
    pen.glow(AMBER, 210, 540, 180, 0.15)
    pen.rect(mix(SLATE, NIGHT, 0.3), 1600, 120, 220, 440)
    pen.rect(mix(BONE, SLATE, 0.5), 1620, 170, 180, 240, radius=4)
    for k, col in enumerate((CORAL, TEAL, AMBER)):
        pts = [(1640, 200 + k * 60), (1700, 200 + k * 60 + 30), (1760, 200 + k * 60 + 10), (1785, 230 + k * 60)]
        pen.stroke(col, pts, 6)
        for px, py in pts:
            pen.circle(BONE, px, py, 5)


def draw_metro():
    """Background: the metro gate line with face-scanning turnstiles."""
    pen = Pen(BG_SIZE)
    rng = random.Random(909)
    station_shell(pen)
    big_screen(pen, 520, 80, 880, 330)
    for x in (440, 1480):
        dome_camera(pen, x, 40, 1.2)
    floor = 700
    for i in range(7):
        face_gate(pen, 150 + i * 250, floor, CORAL if i == 3 else mix(TEAL, MIST, 0.4))
    pen.poly(alpha(mix(TEAL, MIST, 0.3), 12), [(520, 710), (1400, 710), (1600, 1000), (320, 1000)])
    figures = [(300, 530, 0.8, 0.3), (820, 520, 0.75, -0.2), (1290, 525, 0.78, 0.4), (1700, 540, 0.85, -0.4),
               (560, 600, 1.25, 0.2), (1100, 610, 1.3, -0.3), (160, 650, 1.55, 0.5), (1480, 640, 1.6, -0.5),
               (880, 700, 1.9, 0.1)]
    for fx, fy, sc, turn in figures:
        masked_figure(pen, fx, fy, sc, mix(NIGHT, SLATE, 0.15 + rng.random() * 0.1), rng, turn=turn)
    vignette(pen, 170)
    return pen.finish()
