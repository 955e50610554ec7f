"""street.png: Fenghuang Lane at night in one-point perspective, shopfronts, signs, wires and cameras."""

import math
import random

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SLATE, TEAL, View, alpha, box_camera, camera_pole, dark,
    dome_camera, light, lit_windows, masked_figure, mix, tracking_dots, vignette,
)


LANE_X = 4.5


def street_sky_and_ground(pen, view):
    """The strip of night sky over the lane and the wet road surface."""
    w, h = pen.size
    pen.vgradient(0, 0, w, view.vy + 10, [(0, INK), (0.7, NIGHT), (1, mix(NIGHT, CORAL, 0.25))])
    pen.vgradient(0, view.vy, w, h - view.vy, [(0, mix(NIGHT, SLATE, 0.25)), (0.3, NIGHT), (1, INK)])


def puddles(pen, rng, view, n, tints):
    """Flat puddles on the lane that catch a little sign light; soft, to keep the bottom calm."""
    for _ in range(n):
        x, z = rng.uniform(-3.5, 3.5), rng.uniform(3.2, 30)
        rx, rz = rng.uniform(0.5, 1.6), rng.uniform(0.3, 1.0)
        pts = [view.p(x + rx * math.cos(a), 0, z + rz * math.sin(a)) for a in
               [2 * math.pi * i / 24 for i in range(24)]]
        col = rng.choice(tints)
        pen.poly(alpha(mix(NIGHT, SLATE, 0.4), 110), pts)
        cx, cy = view.p(x, 0, z)
        pen.poly(alpha(col, 38), [((px - cx) * 0.6 + cx, (py - cy) * 0.5 + cy) for px, py in pts])


def shopfront(pen, view, side, z0, z1, lit, near=False):
    """The ground floor of one shop: a lit interior or a ribbed shutter."""
    x = side * LANE_X
    quad = view.wall(x, z0 + 0.3, z1 - 0.3, 0.15, 2.8)
    if lit:
        pen.poly(mix(dark(AMBER, 0.45), NIGHT, 0.25), quad)
        for k in range(1, 4):
            z = z0 + 0.3 + (z1 - z0 - 0.6) * k / 4
            pen.line(alpha(INK, 150), view.p(x, 0.15, z), view.p(x, 2.8, z), 2)
        pen.poly(alpha(AMBER, 40), view.wall(x, z0 + 0.3, z1 - 0.3, 0.15, 1.0))
    else:
        pen.poly(mix(SLATE, NIGHT, 0.8 if near else 0.55), quad)
        for k in range(14):
            y = 0.3 + k * 0.18
            pen.line(alpha(INK, 90), view.p(x, y, z0 + 0.3), view.p(x, y, z1 - 0.3), 1.5)


def blade_sign(pen, view, side, z, y0, y1, col):
    """A vertical sign standing out from the wall, seen edge-on-ish as a glowing slab."""
    x0 = side * LANE_X
    x1 = side * (LANE_X - 1.1)
    quad = view.front(min(x0, x1), max(x0, x1), y0, y1, z)
    cx = sum(p[0] for p in quad) / 4
    cy = sum(p[1] for p in quad) / 4
    r = view.scale(z) * 1.6
    pen.glow(col, cx, cy, r, 0.28)
    pen.poly(mix(col, INK, 0.15), quad)
    inner = view.front(min(x0, x1) + 0.15, max(x0, x1) - 0.15, y0 + 0.2, y1 - 0.2, z)
    pen.poly(alpha(light(col, 0.35), 150), inner)


def wall_camera(pen, view, side, y, z, kind="box"):
    """A box or dome camera bolted to a facade on the lane."""
    px, py = view.p(side * LANE_X, y, z)
    s = view.scale(z) / 120
    if kind == "box":
        box_camera(pen, px, py, s, -side)
    else:
        dome_camera(pen, px - side * 30 * s, py, s)


def lane_building(pen, rng, view, side, z0, z1, height, col):
    """One low-rise building on the lane: facade, shopfront, windows, fascia, AC units, a sign."""
    x = side * LANE_X
    pen.poly(col, view.wall(x, z0, z1, 0, height))
    pen.poly(light(col, 0.08), view.wall(x, z0, z0 + 0.25, 0, height))
    pen.poly(dark(col, 0.3), view.wall(x, z0, z1, height - 0.35, height))
    near = z0 < 9
    shopfront(pen, view, side, z0, z1, not near and rng.random() < 0.6, near)
    fascia = rng.choice([AMBER, CORAL, TEAL, MIST])
    pen.poly(mix(fascia, NIGHT, 0.75 if near else 0.5), view.wall(x, z0 + 0.2, z1 - 0.2, 2.9, 3.5))
    floor = 4.0
    while floor + 1.6 < height:
        zz = z0 + 0.8
        while zz + 1.2 < z1:
            roll = rng.random() * (2.5 if near else 1.0)
            wcol = mix(AMBER, BONE, rng.random() * 0.3) if roll < 0.35 else dark(col, 0.35)
            if 0.35 <= roll < 0.45:
                wcol = mix(MIST, TEAL, 0.4)
            if near:
                wcol = dark(wcol, 0.35)
            pen.poly(wcol, view.wall(x, zz, zz + 1.1, floor, floor + 1.5))
            zz += 1.9
        if rng.random() < 0.6:
            az = z0 + rng.uniform(0.5, max(0.6, z1 - z0 - 1.2))
            air_conditioner(pen, view, x, side, floor - 0.75, az, near)
        floor += 2.8
    if rng.random() < 0.75:
        blade_sign(pen, view, side, z0 + 0.6, 3.8, 3.8 + rng.uniform(1.6, 2.8),
                   rng.choice([AMBER, CORAL, TEAL, mix(AMBER, CORAL, 0.5)]))
    wall_camera(pen, view, side, 3.7, z1 - 0.5, rng.choice(["box", "box", "dome"]))


def air_conditioner(pen, view, x, side, y, z, near):
    """An outdoor AC unit bolted to the wall: a box sticking out with a round fan grille."""
    box = view.front(min(x, x - side * 0.55), max(x, x - side * 0.55), y, y + 0.6, z)
    col = mix(MIST, SLATE, 0.6 if near else 0.45)
    pen.poly(dark(col, 0.35 if near else 0.1), box)
    cx = sum(p[0] for p in box) / 4
    cy = sum(p[1] for p in box) / 4
    r = view.scale(z) * 0.2
    pen.circle(dark(col, 0.55), cx, cy, r)
    pen.circle(dark(col, 0.3), cx, cy, r * 0.3)


def lane_side(rng, side, z_near, z_far):
    """Building spans along one side of the lane, as (side, z0, z1, height)."""
    spans = []
    z = z_near
    while z < z_far:
        ln = rng.uniform(4.5, 8)
        spans.append((z, z + ln, rng.uniform(6.5, 11.5)))
        z += ln
    return [(side, z0, z1, hgt) for z0, z1, hgt in spans]


def overhead_wires(pen, rng, view):
    """Sagging cables strung across the lane."""
    for _ in range(9):
        z = rng.uniform(5, 40)
        y = rng.uniform(6.2, 8.5)
        a, b = view.p(-LANE_X, y, z), view.p(LANE_X, y + rng.uniform(-0.6, 0.6), z + rng.uniform(-3, 3))
        sag = view.scale(z) * rng.uniform(0.3, 0.9)
        pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)) for t in
               [i / 20 for i in range(21)]]
        pen.stroke(alpha(INK, 220), pts, 2)


def lane_end(pen, rng, view):
    """The cross street at the far end: a taller block with lit windows."""
    quad = view.front(-LANE_X - 6, LANE_X + 6, 0, 22, 80)
    pen.poly(mix(NIGHT, SLATE, 0.3), quad)
    x0, y0 = quad[3]
    x1, y1 = quad[1]
    lit_windows(pen, rng, x0, y0 + 10, x1 - x0, y1 - y0 - 10, 14, 16, 0.3, base=mix(NIGHT, SLATE, 0.45))
    pen.glow(AMBER, view.vx, view.vy + 10, 160, 0.3)


def draw_street():
    """Background: Fenghuang Lane at night, watched from every pole and wall."""
    pen = Pen(BG_SIZE)
    rng = random.Random(404)
    view = View(960, 520, 900, 1.6)
    street_sky_and_ground(pen, view)
    tracking_dots(pen, 900, 60, seed=41, cols=16, rows=6, gap=8, a=50)
    lane_end(pen, rng, view)
    puddles(pen, rng, view, 16, [AMBER, CORAL, TEAL, MIST])
    buildings = lane_side(rng, -1, 2.5, 80) + lane_side(rng, 1, 2.5, 80)
    for side, z0, z1, hgt in sorted(buildings, key=lambda b: -b[1]):
        col = mix(rng.choice([TEAL, SLATE, NIGHT]), INK, 0.45 + rng.random() * 0.15)
        lane_building(pen, rng, view, side, z0, z1, hgt, col)
    for z in (30, 17, 9, 5):
        for side in (-1, 1):
            px, ground = view.p(side * (LANE_X - 0.6), 0, z + side * 1.5)
            top = view.p(0, 5.6, z + side * 1.5)[1]
            camera_pole(pen, px, ground, ground - top, view.scale(z + side * 1.5) / 110, cams=3 if z == 9 else 2)
    for x, z, turn in ((-1.2, 16, 0.5), (0.4, 21, -0.4), (1.6, 13, -0.6)):
        hx, hy = view.p(x, 1.55, z)
        feet = view.p(x, 0, z)[1]
        masked_figure(pen, hx, hy, (feet - hy) / 190, mix(NIGHT, SLATE, 0.25), rng, turn=turn)
    overhead_wires(pen, rng, view)
    vignette(pen, 190)
    return pen.finish()
