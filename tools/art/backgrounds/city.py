"""The city at dusk (skyline.png) and its pieces (sky, towers, bay, ferry) used by the title and rooftop; the plain paper.png."""

import math
import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SLATE, TEAL, alpha, box_camera, dark, light,
    lit_windows, mix, tracking_dots, vignette,
)


def dusk_sky(pen, horizon, warm=1.0):
    """Ink-blue overhead, fading to a low amber-coral band on the horizon."""
    w = pen.size[0]
    band = mix(mix(CORAL, AMBER, 0.45), NIGHT, 1 - 0.8 * warm)
    pen.vgradient(0, 0, w, horizon, [(0, INK), (0.4, NIGHT), (0.66, mix(TEAL, SLATE, 0.3)),
                                     (0.84, mix(SLATE, band, 0.55)), (1, band)])


def stars(pen, rng, n, max_y):
    """Faint stars, thinning toward the horizon."""
    for _ in range(n):
        x, y = rng.random() * pen.size[0], rng.random() ** 1.6 * max_y
        pen.circle(alpha(MIST, 60 + rng.random() * 110), x, y, 0.8 + rng.random() * 0.9)


def clouds(pen, rng, horizon, n=9):
    """Long thin dusk clouds, lit coral from below near the horizon."""
    w = pen.size[0]
    for _ in range(n):
        y = horizon * (0.35 + rng.random() * 0.5)
        cx, ln = rng.random() * w, 200 + rng.random() * 520
        t = y / horizon
        col = mix(SLATE, mix(CORAL, AMBER, 0.3), t * 0.8)
        for k in range(3):
            pen.ellipse(alpha(col, 22 + 14 * k), cx + (k - 1) * ln * 0.15, y + k * 2, ln * (0.5 - 0.12 * k),
                        5 + 3 * (2 - k))


def hills(pen, rng, base, height, col):
    """A soft range of hills behind the city."""
    w = pen.size[0]
    pts = [(0, base)]
    x = 0
    phase = rng.random() * 6
    while x <= w:
        y = base - height * (0.55 + 0.3 * math.sin(x / 210 + phase) + 0.15 * math.sin(x / 67 + phase * 2))
        pts.append((x, y))
        x += 24
    pts.append((w, base))
    pen.poly(col, pts)


def tower(pen, rng, x, top, w, ground, col, lit, cell=(16, 22), cameras=False):
    """One tower block: body, a possible setback crown, lit windows, roof clutter."""
    pen.rect(col, x, top, w, ground - top)
    pen.rect(light(col, 0.06), x, top, w * 0.12, ground - top)
    crown = top
    if rng.random() < 0.4 and w > 60:
        inset = w * 0.18
        crown = top - 26 - rng.random() * 40
        pen.rect(col, x + inset, crown, w - 2 * inset, top - crown + 1)
    cols, rows = max(2, int(w / cell[0])), max(2, int((ground - top - 12) / cell[1]))
    lit_windows(pen, rng, x + 4, top + 10, w - 8, rows * cell[1], cols, rows, lit,
                base=mix(col, SLATE, 0.25))
    if rng.random() < 0.5:
        ax = x + w * (0.3 + rng.random() * 0.4)
        pen.line(col, (ax, crown), (ax, crown - 20 - rng.random() * 40), 2.5)
        pen.circle(alpha(CORAL, 200), ax, crown - 20, 2)
    if cameras:
        rooftop_camera(pen, x + w * (0.2 + 0.6 * rng.random()), crown, col, rng)


def rooftop_camera(pen, x, roof, col, rng):
    """A small camera pole on a roof edge with a coral status light."""
    h = 26 + rng.random() * 18
    pen.line(col, (x, roof), (x, roof - h), 3)
    f = 1 if rng.random() < 0.5 else -1
    box_camera(pen, x, roof - h, 0.42, f, body=mix(col, MIST, 0.35))


def city_row(pen, rng, ground, hmin, hmax, col, lit, density=1.0, cameras=0.0, wrange=(50, 130),
             cell=(16, 22), x0=-40, x1=None):
    """A row of towers along a ground line; returns their (x, top, w) for reflections."""
    x1 = pen.size[0] + 40 if x1 is None else x1
    out = []
    x = x0
    while x < x1:
        w = wrange[0] + rng.random() * (wrange[1] - wrange[0])
        top = ground - (hmin + rng.random() ** 1.4 * (hmax - hmin))
        tower(pen, rng, x, top, w, ground, col, lit, cell, cameras=rng.random() < cameras)
        out.append((x, top, w))
        x += w * (0.7 + 0.5 * rng.random()) / density
    return out


def mirror_tower(pen, x, ground, top, col):
    """Jingwan's landmark: a tapering tower with a pale ring near its top and a thin spire."""
    pen.poly(col, [(x - 48, ground), (x - 30, top + 120), (x - 14, top + 20), (x + 14, top + 20),
                   (x + 30, top + 120), (x + 48, ground)])
    pen.line(col, (x, top + 20), (x, top - 70), 4)
    pen.ellipse(mix(col, MIST, 0.15), x, top + 70, 56, 15)
    pen.ellipse(col, x, top + 64, 46, 10)
    for k in range(14):
        a = 2 * math.pi * k / 14
        if math.sin(a) > -0.2:
            pen.circle(alpha(AMBER, 200), x + 50 * math.cos(a), top + 70 + 13 * math.sin(a), 2.2)
    for k in range(9):
        y = top + 140 + k * 42
        pen.rect(alpha(AMBER, 120 - k * 8), x - 4, y, 8, 14)
    pen.circle(alpha(CORAL, 230), x, top - 70, 3)
    pen.glow(CORAL, x, top - 70, 22, 0.5)


def bay_water(pen, top, bottom):
    """The bay: a dark gradient that settles to ink at the bottom."""
    w = pen.size[0]
    pen.vgradient(0, top, w, bottom - top, [(0, mix(NIGHT, SLATE, 0.35)), (0.25, NIGHT), (1, INK)])


def reflections(pen, rng, blocks, water, depth, col=AMBER, a=90):
    """Broken horizontal streaks under lit towers; they fade quickly to keep the bottom calm."""
    for x, top, w in blocks:
        for _ in range(int(w / 9)):
            t = rng.random() ** 1.8
            y = water + 4 + t * depth
            ln = 6 + rng.random() * w * 0.35
            px = x + rng.random() * w
            pen.rect(alpha(mix(col, BONE, rng.random() * 0.2), a * (1 - t) ** 1.5), px, y, ln, 1.6 + rng.random())


def ferry(pen, x, y):
    """A small harbour ferry crossing the bay, a low dark hull with a row of warm windows."""
    hull = dark(NIGHT, 0.35)
    pen.poly(hull, [(x - 120, y), (x + 130, y), (x + 110, y + 16), (x - 105, y + 16)])
    pen.rect(mix(NIGHT, SLATE, 0.2), x - 80, y - 22, 160, 22, radius=4)
    pen.rect(hull, x - 40, y - 36, 60, 16, radius=3)
    for k in range(9):
        pen.rect(alpha(AMBER, 170), x - 72 + k * 17, y - 16, 9, 8)
    pen.rect(alpha(AMBER, 40), x - 110, y + 20, 220, 2)
    pen.rect(alpha(AMBER, 25), x - 80, y + 28, 150, 2)


def skyline_scene(pen, rng, horizon=620, warm=1.0):
    """The dusk skyline over the bay; shared by the skyline background and the title."""
    w = pen.size[0]
    dusk_sky(pen, horizon, warm)
    stars(pen, rng, 90, horizon * 0.55)
    clouds(pen, rng, horizon)
    pen.glow(mix(AMBER, CORAL, 0.5), w * 0.62, horizon + 10, 520, 0.22, steps=48)
    hills(pen, rng, horizon, 120, mix(SLATE, mix(CORAL, NIGHT, 0.6), 0.45))
    city_row(pen, rng, horizon, 40, 200, mix(SLATE, mix(CORAL, NIGHT, 0.5), 0.35), 0.1, density=1.2,
             cell=(10, 14), wrange=(30, 80))
    mid = city_row(pen, rng, horizon, 90, 400, mix(NIGHT, TEAL, 0.25), 0.3, density=0.75,
                   cameras=0.45, wrange=(60, 130), cell=(14, 19))
    mirror_tower(pen, w * 0.63, horizon, 120, mix(NIGHT, SLATE, 0.3))
    near = city_row(pen, rng, horizon + 8, 60, 180, dark(NIGHT, 0.2), 0.22, density=0.9, cameras=0.6,
                    wrange=(90, 180), cell=(18, 24))
    pen.rect(dark(NIGHT, 0.3), 0, horizon + 4, w, 8)
    bay_water(pen, horizon + 12, pen.size[1])
    reflections(pen, rng, mid + near, horizon + 12, 170)
    ferry(pen, w * 0.2, horizon + 70)
    return mid + near


def draw_skyline():
    """Background: Jingwan at dusk over the bay."""
    pen = Pen(BG_SIZE)
    rng = random.Random(101)
    skyline_scene(pen, rng)
    tracking_dots(pen, 1620, 70, seed=11, a=55)
    vignette(pen, 110)
    return pen.finish()


def draw_paper():
    """A very dark, nearly plain texture with faint fibres and the dot motif."""
    pen = Pen(BG_SIZE)
    rng = random.Random(202)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, h, [(0, mix(INK, NIGHT, 0.35)), (1, INK)])
    for _ in range(900):
        x, y = rng.random() * w, rng.random() * h
        ln = 8 + rng.random() * 40
        ang = rng.uniform(-0.4, 0.4)
        pen.line(alpha(MIST, 6 + rng.random() * 8), (x, y), (x + ln * math.cos(ang), y + ln * math.sin(ang)), 1)
    for _ in range(14):
        pen.glow(TEAL, rng.random() * w, rng.random() * h, 160 + rng.random() * 260, 0.07)
    for k in range(9):
        tracking_dots(pen, 60 + rng.random() * (w - 200), 40 + rng.random() * (h - 120), seed=k,
                      cols=8, rows=5, gap=9, a=16, r=1.4)
    return pen.finish()
