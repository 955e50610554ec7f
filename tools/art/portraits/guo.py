"""Auntie Guo's portrait: the dumpling-stall owner, permed hair, blue sleeve covers, a white apron, a ladle."""

import math
import random

from ..common import (
    AMBER, BONE, CORAL, INK, MIST, PORTRAIT_SIZE, Pen, SLATE, TEAL, alpha, dark, ellipse_pts, light, mix,
    tracking_dots,
)
from .face import Face, brow, cheeks, collar_point, eye, head_and_face, mouth, neck, nose, shoulders, wrinkles

GUO_HAIR = (46, 38, 40)
BLOUSE = mix(CORAL, AMBER, 0.45)
SLEEVE_BLUE = mix(TEAL, SLATE, 0.45)
APRON_WHITE = mix(BONE, MIST, 0.25)


def perm(pen, f, rng):
    """A short tight perm: overlapping curls over the crown, a little grey at the temples."""
    curls = []
    for k in range(70):
        a = math.pi + math.pi * rng.random() * 1.0 + (rng.random() - 0.5) * 0.5
        r = 0.85 + rng.random() * 0.3
        x = f.cx + f.rx * f.turn * 0.1 + math.cos(a) * f.rx * 1.05 * r
        y = f.cy - f.ry * 0.28 + math.sin(a) * f.ry * 0.82 * r
        curls.append((x, y, f.rx * (0.16 + rng.random() * 0.08)))
    for side in (-1, 1):
        for k in range(7):
            x, y = f.at(side * (1.0 + 0.06 * rng.random()), -0.4 + k * 0.09)
            curls.append((x, y, f.rx * 0.13))
    for x, y, r in curls:
        pen.circle(GUO_HAIR, x, y, r)
    for x, y, r in curls:
        shine = mix(GUO_HAIR, MIST, 0.5 if abs(x - f.cx) > f.rx * 0.85 else 0.25)
        pen.stroke(alpha(shine, 120), ellipse_pts(x, y, r * 0.6, r * 0.6, 3.6, 5.6, 8), 2.5)


def fringe(pen, f, rng):
    """The perm over the crown and forehead, drawn after the face: a cap of hair edged with curls."""
    cx, cy = f.cx + f.rx * f.turn * 0.1, f.cy - f.ry * 0.25
    crown = ellipse_pts(cx, cy, f.rx * 1.04, f.ry * 0.82, math.pi, 2 * math.pi, 30)
    hairline = [f.at(1.0, -0.3), f.at(0.6, -0.52), f.at(0.0, -0.58), f.at(-0.6, -0.52), f.at(-1.02, -0.3)]
    pen.poly(GUO_HAIR, crown + hairline)
    curls = [f.at(-0.95 + k * 0.19 + (rng.random() - 0.5) * 0.05, -0.52 + 0.2 * (-0.95 + k * 0.19) ** 2)
             for k in range(11)]
    for k in range(24):
        a = math.pi * (1.05 + 0.9 * rng.random())
        r = 0.55 + 0.4 * rng.random()
        curls.append((cx + math.cos(a) * f.rx * r, cy + math.sin(a) * f.ry * 0.75 * r))
    for x, y in curls:
        r = f.rx * (0.12 + rng.random() * 0.05)
        pen.circle(GUO_HAIR, x, y, r)
        pen.stroke(alpha(mix(GUO_HAIR, MIST, 0.3), 110), ellipse_pts(x, y, r * 0.6, r * 0.6, 3.6, 5.6, 8), 2.5)


def stall_clothes(pen, f):
    """A flowered blouse, blue cotton sleeve covers and a white apron with a pocket."""
    nx, ny = collar_point(f)
    body = shoulders(pen, nx, ny + 30, 350, BLOUSE, f.turn)

    def details(p):
        rng = random.Random(31)
        for _ in range(60):
            x, y = rng.uniform(0, 800), rng.uniform(ny, 1000)
            p.circle(alpha(light(BLOUSE, 0.35), 150), x, y, 9)
            p.circle(alpha(dark(BLOUSE, 0.3), 160), x, y, 3.5)
        p.poly(dark(BLOUSE, 0.16), [(nx + 175, ny + 30), (800, ny + 100), (800, 1000), (nx + 215, 1000)])
        for side in (-1, 1):
            x0 = nx + side * 350
            p.poly(SLEEVE_BLUE, [(x0, 760), (x0 - side * 150, 740), (x0 - side * 160, 1000), (x0, 1000)])
            for k in range(3):
                p.line(alpha(dark(SLEEVE_BLUE, 0.3), 180), (x0 - side * 10, 770 + k * 12), (x0 - side * 150, 752 + k * 12), 3)
    pen.clipped(body, details)
    pen.poly(dark(BLOUSE, 0.25), [(nx - 70, ny - 4), (nx + 70, ny - 4), (nx, ny + 70)])
    pen.poly(APRON_WHITE, [(nx - 150, ny + 130), (nx + 150, ny + 130), (nx + 190, 1000), (nx - 190, 1000)])
    pen.poly(alpha(dark(APRON_WHITE, 0.2), 120), [(nx + 110, ny + 130), (nx + 150, ny + 130), (nx + 190, 1000),
                                                  (nx + 140, 1000)])
    for side in (-1, 1):
        pen.stroke(APRON_WHITE, [(nx + side * 140, ny + 135), (nx + side * 100, ny + 20), (nx + side * 88, ny - 14)], 14)
    pen.rect(dark(APRON_WHITE, 0.12), nx - 80, ny + 330, 160, 90, radius=6)
    pen.stroke(alpha(CORAL, 120), [(nx - 150, ny + 250), (nx + 150, ny + 250)], 3)
    tracking_dots(pen, nx - 66, ny + 346, seed=37, cols=16, rows=4, gap=8, a=80, r=1.3)


def ladle(pen, f):
    """A steel ladle held up in one fist, the way she points with it."""
    nx, ny = collar_point(f)
    hx, hy = nx + 250, ny + 330
    pen.stroke(mix(MIST, SLATE, 0.3), [(hx, hy), (hx + 20, hy - 200), (hx + 30, hy - 330)], 10)
    pen.ellipse(mix(MIST, SLATE, 0.25), hx + 32, hy - 360, 44, 34)
    pen.ellipse(alpha(light(MIST, 0.3), 140), hx + 22, hy - 370, 18, 10)
    pen.ellipse(f.skin, hx, hy + 10, 46, 40)
    for k in range(3):
        pen.line(alpha(f.line, 120), (hx - 30, hy - 4 + k * 16), (hx + 20, hy - 8 + k * 16), 3)
    pen.poly(SLEEVE_BLUE, [(hx - 60, hy + 40), (hx + 50, hy + 40), (hx + 70, 1000), (hx - 80, 1000)])


# Her faces: a loud welcome is her neutral; `cross` is for numbers she does not like.
FACES = {
    "neutral": dict(eye=dict(smile=0.55, open_=0.85), brows=(0.2, 0.2), mouth=dict(smile=0.8, width=1.05, open_=0.5)),
    "cross": dict(eye=dict(lid=0.35, open_=0.8), brows=(-0.6, 0.35), mouth=dict(smile=-0.45, width=0.85)),
}


def draw_guo(mood="neutral"):
    """Portrait: Auntie Guo, who runs the dumpling stall."""
    face = FACES[mood]
    rng = random.Random(29)
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(390, 440, 160, 176, (214, 168, 134), turn=0.12, jaw=0.22, chin=0.98)
    perm(pen, f, rng)
    neck(pen, f, 0.6)
    stall_clothes(pen, f)
    head_and_face(pen, f)
    cheeks(pen, f, 70)
    wrinkles(pen, f, 0.8)
    inner, outer = face["brows"]
    for side in (-1, 1):
        eye(pen, f, side, iris=(56, 38, 30), **face["eye"])
        brow(pen, f, side, dark(GUO_HAIR, 0.1), lift_inner=inner, lift_outer=outer, thick=1.1)
    nose(pen, f, 1.1)
    mouth(pen, f, lips=mix(CORAL, INK, 0.15), **face["mouth"])
    fringe(pen, f, rng)
    ladle(pen, f)
    return pen.finish()
