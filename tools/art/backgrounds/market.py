"""market.png: the night market's stalls, awnings, lanterns and steam."""

import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SLATE, TEAL, View, alpha, camera_pole, dark, light,
    masked_figure, mix, steam, tracking_dots, vignette,
)
from .street import LANE_X


def lantern(pen, x, y, r, col=CORAL):
    """A round paper lantern with dark caps and a warm glow."""
    pen.glow(mix(col, AMBER, 0.4), x, y, r * 4, 0.35)
    pen.line(dark(SLATE, 0.5), (x, y - r * 1.6), (x, y - r), max(1, r * 0.1))
    pen.ellipse(col, x, y, r, r * 0.85)
    pen.ellipse(light(col, 0.25), x - r * 0.2, y - r * 0.1, r * 0.45, r * 0.5)
    pen.rect(dark(col, 0.5), x - r * 0.45, y - r * 0.95, r * 0.9, r * 0.2)
    pen.rect(dark(col, 0.5), x - r * 0.45, y + r * 0.75, r * 0.9, r * 0.2)
    pen.line(AMBER, (x, y + r * 0.95), (x, y + r * 1.5), max(1, r * 0.12))


def lantern_string(pen, rng, view, z, y):
    """A string of lanterns hung across the street at depth z."""
    a, b = view.p(-LANE_X, y, z), view.p(LANE_X, y, z)
    sag = view.scale(z) * 0.8
    pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)) for t in
           [i / 24 for i in range(25)]]
    pen.stroke(alpha(INK, 230), pts, 2)
    r = view.scale(z) * 0.22
    for t in (0.15, 0.32, 0.5, 0.68, 0.85):
        x = a[0] + (b[0] - a[0]) * t
        yy = a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t) + r * 1.6
        lantern(pen, x, yy, r, CORAL if rng.random() < 0.75 else AMBER)


def stall(pen, rng, view, side, z0, z1, stripe):
    """A market stall facing the lane: lit back, counter with bowls, striped awning, a bulb."""
    xb, xc, xa = side * 3.6, side * 2.6, side * 1.9
    sc = view.scale((z0 + z1) / 2)
    dim = 0.35 if z0 < 8 else 0.0
    pen.poly(dark(mix(dark(AMBER, 0.5), NIGHT, 0.25), dim), view.wall(xb, z0, z1, 0, 3.3))
    pen.poly(dark(mix(dark(AMBER, 0.6), TEAL, 0.2), dim), view.flat(min(xb, xc), max(xb, xc), z0, z1, 1.0))
    pen.poly(dark(mix(dark(AMBER, 0.72), NIGHT, 0.3), dim), view.wall(xc, z0, z1, 0, 1.0))
    pen.poly(alpha(BONE, 30), view.wall(xc, z0, z1, 0.85, 1.0))
    for k in range(4):
        bx, by = view.p(side * 2.9, 1.05, z0 + 0.4 + k * (z1 - z0 - 0.8) / 3)
        pen.ellipse(dark(rng.choice([BONE, mix(BONE, MIST, 0.3), mix(CORAL, BONE, 0.4)]), dim + 0.1),
                    bx, by, sc * 0.18, sc * 0.07)
    for zz in (z0 + 0.1, z1 - 0.1):
        pen.line(dark(SLATE, 0.5), view.p(xa, 0, zz), view.p(xa, 2.4, zz), max(1.5, sc * 0.05))
    strips = 6
    for k in range(strips):
        za, zb = z0 + (z1 - z0) * k / strips, z0 + (z1 - z0) * (k + 1) / strips
        col = dark(stripe if k % 2 == 0 else mix(BONE, stripe, 0.35), 0.1 + dim * 0.6)
        underside = [view.p(xb, 3.3, za), view.p(xb, 3.3, zb), view.p(xa, 2.4, zb), view.p(xa, 2.4, za)]
        pen.poly(dark(mix(col, AMBER, 0.2), 0.2), underside)
        pen.poly(col, view.wall(xa, za, zb, 2.1, 2.4))
    lx, ly = view.p(side * 2.6, 2.2, (z0 + z1) / 2)
    pen.glow(AMBER, lx, ly, sc * 1.2, 0.3)
    pen.circle(mix(AMBER, BONE, 0.5), lx, ly, max(2, sc * 0.05))
    return view.p(side * 2.9, 1.1, (z0 + z1) / 2), sc


def market_buildings(pen, rng, view):
    """The dark buildings behind the stalls, a few windows lit."""
    for side in (-1, 1):
        z = 3.0
        while z < 70:
            ln = rng.uniform(6, 10)
            quad = view.wall(side * LANE_X, z, z + ln, 0, rng.uniform(8, 12))
            pen.poly(mix(NIGHT, SLATE, 0.08 + rng.random() * 0.14), quad)
            for fy in (4.2, 7.0, 9.6):
                for k in range(int(ln / 2)):
                    if rng.random() < 0.35:
                        wz = z + 0.6 + k * 2
                        dim = (0.6 if z < 10 else 0.25) + rng.random() * 0.3
                        pen.poly(dark(mix(AMBER, BONE, rng.random() * 0.3), dim),
                                 view.wall(side * LANE_X, wz, wz + 1.0, fy, fy + 1.3))
            z += ln


def draw_market():
    """Background: a night market street."""
    pen = Pen(BG_SIZE)
    rng = random.Random(1111)
    view = View(960, 500, 900, 1.6)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, view.vy + 10, [(0, INK), (0.8, NIGHT), (1, mix(NIGHT, CORAL, 0.3))])
    pen.vgradient(0, view.vy, w, h - view.vy, [(0, mix(NIGHT, dark(AMBER, 0.6), 0.4)), (0.3, NIGHT), (1, INK)])
    tracking_dots(pen, 1010, 50, seed=111, cols=14, rows=6, gap=8, a=45)
    market_buildings(pen, rng, view)
    stripes = [mix(CORAL, SLATE, 0.2), TEAL, mix(AMBER, CORAL, 0.3), mix(TEAL, MIST, 0.3)]
    items = []
    z = 4.5
    while z < 40:
        for side in (-1, 1):
            zz = z + (0 if side < 0 else 1.2)
            items.append((zz + 2.4, "stall", (side, zz, zz + 2.4, rng.choice(stripes))))
        z += 2.9
    for _ in range(16):
        items.append((rng.uniform(5, 30), "figure", (rng.uniform(-1.6, 1.6), rng.uniform(-0.6, 0.6))))
    for zz in (34, 24, 16, 10, 6.5):
        items.append((zz, "lanterns", (zz,)))
    px = view.p(1.9, 0, 12)
    items.append((12, "pole", px))
    steams = []
    for z_sort, kind, args in sorted(items, key=lambda it: -it[0]):
        if kind == "stall":
            pot, sc = stall(pen, rng, view, *args)
            if rng.random() < 0.5:
                steams.append((pot, sc))
        elif kind == "figure":
            fx, turn = args
            hx, hy = view.p(fx, 1.55, z_sort)
            feet = view.p(fx, 0, z_sort)[1]
            body = mix(NIGHT, SLATE, 0.1 + rng.random() * 0.15)
            masked_figure(pen, hx, hy, (feet - hy) / 190, body, rng, turn=turn)
        elif kind == "lanterns":
            lantern_string(pen, rng, view, args[0], 4.3)
        else:
            top = view.p(1.9, 5.5, 12)[1]
            camera_pole(pen, args[0], args[1], args[1] - top, view.scale(12) / 110, cams=3)
    for (sx, sy), sc in steams:
        steam(pen, rng, sx, sy, sc * 1.8, sc * 0.22, puffs=30, a=14)
    vignette(pen, 180)
    return pen.finish()
