"""ward.png: the outbreak-ward corridor, doors with isolation lamps, a strip curtain and a trolley."""

import random

from ..common import (
    BG_SIZE, BONE, CORAL, DOT, INK, MIST, NIGHT, Pen, SLATE, TEAL, View, alpha, dark, dome_camera, mix, vignette,
)


WARD_X, WARD_Y = 1.8, 2.9


def wall_dots(pen, view, x, z0, y0, seed, cols=10, rows=5, step=0.045, a=120):
    """The dot motif laid flat on a side wall, in perspective."""
    rng = random.Random(seed)
    for j in range(rows):
        for i in range(cols):
            if j == 0 or rng.random() < 0.45:
                z = z0 + i * step
                px, py = view.p(x, y0 - j * step, z)
                pen.circle(alpha(DOT, a), px, py, max(0.8, view.scale(z) * 0.008))


def ward_shell(pen, view):
    """Floor, ceiling and walls of the corridor, lit cold."""
    wall = mix(TEAL, MIST, 0.14)
    pen.rect(dark(wall, 0.5), 0, 0, *pen.size)
    pen.poly(mix(TEAL, SLATE, 0.3), view.flat(-WARD_X, WARD_X, 0.8, 60, WARD_Y))
    pen.poly(mix(NIGHT, TEAL, 0.45), view.flat(-WARD_X, WARD_X, 0.8, 60, 0))
    for side in (-1, 1):
        x = side * WARD_X
        pen.poly(wall, view.wall(x, 0.8, 60, 0, WARD_Y))
        pen.poly(dark(wall, 0.35), view.wall(x, 0.8, 60, 0, 1.0))
        pen.stroke(mix(MIST, SLATE, 0.3), [view.p(x, 0.95, 0.8), view.p(x, 0.95, 60)], 3)
        for k in range(40):
            z = 1.0 + k * 1.5
            pen.line(alpha(INK, 30), view.p(x, 0, z), view.p(x, WARD_Y, z), 1)
    far = view.front(-WARD_X, WARD_X, 0, WARD_Y, 60)
    pen.poly(mix(wall, BONE, 0.15), far)
    pen.glow(MIST, view.vx, view.vy, 220, 0.35)


def ceiling_lights(pen, view):
    """Cold light panels receding down the ceiling, with faint reflections on the floor."""
    for k in range(14):
        z0 = 2.2 + k * 3.2
        quad = view.flat(-0.45, 0.45, z0, z0 + 1.1, WARD_Y - 0.01)
        cx, cy = view.p(0, WARD_Y, z0 + 0.55)
        pen.glow(mix(MIST, TEAL, 0.2), cx, cy, view.scale(z0) * 1.2, 0.22)
        pen.poly(mix(MIST, BONE, 0.5), quad)
        floor = view.flat(-0.35, 0.35, z0, z0 + 1.1, 0)
        pen.poly(alpha(MIST, 26), floor)


def ward_door(pen, view, side, z, warn=False):
    """A ward door with a wire-glass window; warn adds a coral isolation lamp above it."""
    x = side * WARD_X
    pen.poly(mix(SLATE, NIGHT, 0.3), view.wall(x, z - 0.08, z + 1.18, 0, 2.2))
    pen.poly(mix(TEAL, SLATE, 0.55), view.wall(x, z, z + 1.1, 0, 2.12))
    pen.poly(mix(MIST, TEAL, 0.4), view.wall(x, z + 0.25, z + 0.55, 1.2, 1.8))
    pen.poly(alpha(BONE, 50), view.wall(x, z + 0.25, z + 0.55, 1.5, 1.8))
    hx, hy = view.p(x, 1.0, z + 0.95)
    pen.circle(mix(MIST, SLATE, 0.2), hx, hy, max(2, view.scale(z) * 0.04))
    if warn:
        lx, ly = view.p(x, 2.45, z + 0.55)
        pen.glow(CORAL, lx, ly, view.scale(z) * 0.9, 0.5)
        pen.poly(CORAL, view.wall(x, z + 0.3, z + 0.8, 2.35, 2.55))


def plastic_curtain(pen, rng, view, z):
    """Overlapping translucent plastic strips hung across the corridor."""
    n = 14
    for i in range(n):
        x0 = -WARD_X + i * (2 * WARD_X) / n - 0.04
        x1 = x0 + (2 * WARD_X) / n + 0.08
        quad = view.front(x0, x1, 0.02, WARD_Y, z + (i % 2) * 0.03)
        pen.poly(alpha(mix(MIST, TEAL, 0.15), 46 + rng.random() * 18), quad)
        fx = x0 + (x1 - x0) * rng.uniform(0.3, 0.7)
        pen.line(alpha(BONE, 50), view.p(fx, 0.05, z), view.p(fx, WARD_Y, z), 2)
    pen.poly(mix(SLATE, NIGHT, 0.2), view.front(-WARD_X, WARD_X, WARD_Y - 0.1, WARD_Y, z))
    pen.poly(alpha(CORAL, 170), view.flat(-WARD_X, WARD_X, z - 0.6, z - 0.45, 0.01))


def trolley(pen, view, x0, z0):
    """A steel medical trolley with a tray of boxes, seen from its front end and one side."""
    x1, z1, top = x0 + 0.7, z0 + 1.1, 1.0
    steel, dark_steel = mix(MIST, SLATE, 0.35), mix(SLATE, NIGHT, 0.3)
    for xx in (x0 + 0.04, x1 - 0.04):
        for zz in (z0 + 0.04, z1 - 0.04):
            pen.line(dark_steel, view.p(xx, 0.1, zz), view.p(xx, top, zz), max(2, view.scale(zz) * 0.03))
            wx, wy = view.p(xx, 0.05, zz)
            pen.circle(INK, wx, wy, view.scale(zz) * 0.05)
    for y in (0.35, top):
        pen.poly(dark(steel, 0.2), view.flat(x0, x1, z0, z1, y))
        pen.poly(steel, view.front(x0, x1, y - 0.05, y, z0))
        pen.poly(dark(steel, 0.1), view.wall(x0, z0, z1, y - 0.05, y))
    pen.poly(mix(BONE, MIST, 0.3), view.front(x0 + 0.06, x0 + 0.3, top, top + 0.18, z0 + 0.3))
    pen.poly(mix(TEAL, MIST, 0.45), view.front(x0 + 0.33, x0 + 0.5, top, top + 0.28, z0 + 0.5))
    pen.poly(mix(CORAL, BONE, 0.3), view.front(x0 + 0.36, x0 + 0.47, top + 0.28, top + 0.33, z0 + 0.5))
    pen.poly(mix(BONE, SLATE, 0.3), view.front(x0 + 0.08, x0 + 0.45, 0.35, 0.5, z0 + 0.2))


def draw_ward():
    """Background: an outbreak-ward corridor."""
    pen = Pen(BG_SIZE)
    rng = random.Random(505)
    view = View(960, 470, 1000, 1.6)
    ward_shell(pen, view)
    ceiling_lights(pen, view)
    for side, z, warn in ((-1, 31, False), (1, 24, False), (-1, 18, True), (1, 14.5, False)):
        ward_door(pen, view, side, z, warn)
    plastic_curtain(pen, rng, view, 11)
    for side, z, warn in ((-1, 7.5, False), (1, 5.2, True), (-1, 2.6, False)):
        ward_door(pen, view, side, z, warn)
    poster = view.wall(-WARD_X, 4.4, 5.6, 1.3, 2.0)
    pen.poly(mix(BONE, MIST, 0.5), poster)
    wall_dots(pen, view, -WARD_X + 0.01, 4.55, 1.9, seed=51, cols=14, rows=4, step=0.05, a=140)
    for k in range(3):
        pen.line(alpha(SLATE, 160), view.p(-WARD_X, 1.6 - k * 0.09, 4.55), view.p(-WARD_X, 1.6 - k * 0.09, 5.2), 3)
    px, py = view.p(0.0, WARD_Y, 8)
    dome_camera(pen, px, py, view.scale(8) / 120)
    trolley(pen, view, 0.6, 6.0)
    vignette(pen, 195)
    return pen.finish()
