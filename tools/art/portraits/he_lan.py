"""Nurse He Lan's portrait: scrubs, N95 marks, an N95 in her hand."""

import math

from ..common import (
    AMBER, BONE, CORAL, INK, MIST, NIGHT, PORTRAIT_SIZE, Pen, SLATE, TEAL, alpha, dark, ellipse_pts, mix,
    tracking_dots,
)
from .face import Face, HAIR_BLACK, brow, collar_point, eye, head_and_face, mouth, neck, nose, shoulders


SCRUBS = mix(TEAL, MIST, 0.32)


def he_hair_back(pen, f):
    """Hair pulled tight into a bun at the back of the head."""
    bx, by = f.at(-1.0, -0.72)
    pen.circle(HAIR_BLACK, bx - 10, by, f.rx * 0.42)
    pen.poly(HAIR_BLACK, ellipse_pts(f.cx - 4, f.cy - f.ry * 0.1, f.rx * 1.08, f.ry * 0.98, math.pi * 0.9,
                                     math.pi * 2.1))


def he_hair_front(pen, f):
    """Smooth pulled-back hair with a side part and two loose strands."""
    pen.poly(HAIR_BLACK, [f.at(-1.06, 0.05), f.at(-1.08, -0.42), f.at(-0.72, -0.92), f.at(-0.15, -1.07),
                          f.at(0.5, -1.02), f.at(0.98, -0.62), f.at(1.05, -0.1), f.at(0.95, -0.3), f.at(0.6, -0.55),
                          f.at(0.2, -0.62), f.at(-0.2, -0.58), f.at(-0.6, -0.5), f.at(-0.9, -0.3), f.at(-0.98, 0.05)])
    pen.stroke(mix(HAIR_BLACK, SLATE, 0.35), [f.at(-0.2, -1.02), f.at(-0.4, -0.85), f.at(-0.75, -0.6)], 3)
    pen.stroke(HAIR_BLACK, [f.at(0.66, -0.56), f.at(0.86, -0.25), f.at(0.86, 0.1)], 3)


def n95_marks(pen, f):
    """Red pressure marks left by an N95: a band over the nose bridge, arcs along the cheekbones."""
    mark = mix(CORAL, f.skin, 0.2)

    def marks(p):
        p.stroke(alpha(mark, 120), [f.at(-0.22, 0.2), f.at(0.06, 0.14), f.at(0.3, 0.2)], 10)
        for side in (-1, 1):
            arc = [f.at(side * 0.28 + 0.04, 0.24), f.at(side * 0.52, 0.34), f.at(side * 0.7, 0.5),
                   f.at(side * 0.78, 0.7)]
            p.stroke(alpha(mark, 90), arc, 10)
            p.stroke(alpha(dark(mark, 0.1), 80), arc, 3)
        p.ellipse(alpha(CORAL, 35), *f.at(0.06, 0.18), f.rx * 0.16, f.ry * 0.05)
    pen.clipped(f.outline(), marks)


def scrubs(pen, f):
    """V-neck scrubs over a dark long-sleeved undershirt, an ID badge clipped on."""
    nx, ny = collar_point(f)
    body = shoulders(pen, nx, ny + 30, 330, SCRUBS, f.turn)

    def details(p):
        p.poly(dark(SCRUBS, 0.18), [(nx + 170, ny + 30), (800, ny + 100), (800, 1000), (nx + 200, 1000)])
        p.rect(dark(SCRUBS, 0.15), nx - 230, ny + 230, 110, 90, radius=4)
    pen.clipped(body, details)
    pen.poly(mix(NIGHT, SLATE, 0.3), [(nx - 80, ny - 6), (nx + 80, ny - 6), (nx, ny + 150)])
    pen.stroke(dark(SCRUBS, 0.3), [(nx - 84, ny - 8), (nx, ny + 156), (nx + 84, ny - 8)], 6)
    pen.rect(BONE, nx - 210, ny + 200, 70, 92, radius=6)
    pen.rect(mix(TEAL, MIST, 0.4), nx - 200, ny + 212, 50, 40, radius=3)
    pen.rect(alpha(SLATE, 160), nx - 200, ny + 262, 50, 6)
    pen.rect(alpha(SLATE, 160), nx - 200, ny + 274, 34, 6)
    tracking_dots(pen, nx - 198, ny + 216, seed=23, cols=9, rows=3, gap=5, a=170, r=1.2)
    pen.rect(mix(MIST, SLATE, 0.3), nx - 182, ny + 186, 14, 20, radius=3)


def n95_cup(pen, cx, cy, w):
    """A moulded N95 seen from the front: a pale dome, a ridge, a metal nose strip, amber straps."""
    h = w * 0.8
    for side in (-1, 1):
        pen.stroke(mix(AMBER, BONE, 0.45), [(cx + side * w * 0.45, cy - h * 0.2), (cx + side * w * 0.7, cy + h * 0.3),
                                            (cx + side * w * 0.55, cy + h * 0.9)], 4)
    pen.ellipse(dark(BONE, 0.22), cx, cy + h * 0.04, w * 0.52, h * 0.52)
    pen.ellipse(mix(BONE, MIST, 0.1), cx, cy, w * 0.5, h * 0.5)
    pen.ellipse(alpha(INK, 18), cx + w * 0.12, cy + h * 0.1, w * 0.34, h * 0.36)
    pen.stroke(dark(BONE, 0.15), ellipse_pts(cx, cy + h * 0.05, w * 0.44, h * 0.2, 0.15, math.pi - 0.15, 20), 3)
    pen.stroke(mix(MIST, SLATE, 0.4), ellipse_pts(cx, cy + h * 0.1, w * 0.3, h * 0.5, math.pi * 1.25,
                                                   math.pi * 1.75, 12), 6)


def hand_with_n95(pen, f):
    """A raised hand in a dark sleeve, holding a used N95 by its rim."""
    sleeve = mix(NIGHT, SLATE, 0.3)
    pen.poly(sleeve, [(800, 840), (800, 1000), (690, 1000), (640, 900), (700, 840)])
    n95_cup(pen, 560, 800, 190)
    hx, hy = 672, 842
    pen.ellipse(f.skin, hx, hy, 44, 52)
    for k in range(4):
        fy = hy - 60 + k * 26
        pen.rect(f.skin, hx - 80 + abs(k - 1.5) * 6, fy, 70, 24, radius=11)
        pen.line(alpha(f.shade, 150), (hx - 40, fy + 24), (hx - 20, fy + 24), 2)
    pen.rect(f.shade, hx - 30, hy - 70, 50, 26, radius=12)


# Her faces: tired is her neutral; `smiling` is the rare warm one.
FACES = {
    "neutral": dict(eye=dict(lid=0.3, bags=0.8), brows=(0.35, 0.0), mouth=dict(smile=0.05, width=0.85)),
    "smiling": dict(eye=dict(lid=0.22, bags=0.8, smile=0.45), brows=(0.25, 0.1), mouth=dict(smile=0.6, width=0.95)),
    "grave": dict(eye=dict(lid=0.45, bags=1.0, open_=0.9), brows=(0.6, -0.2), mouth=dict(smile=-0.3, width=0.8)),
}


def draw_he_lan(mood="neutral"):
    """Portrait: Nurse He Lan."""
    face = FACES[mood]
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 420, 142, 182, (228, 190, 160), turn=0.2, jaw=0.38)
    he_hair_back(pen, f)
    neck(pen, f)
    scrubs(pen, f)
    head_and_face(pen, f)
    n95_marks(pen, f)
    inner, outer = face["brows"]
    for side in (-1, 1):
        eye(pen, f, side, iris=(54, 38, 32), **face["eye"])
        brow(pen, f, side, HAIR_BLACK, lift_inner=inner, lift_outer=outer, thick=0.9)
    nose(pen, f, 0.9)
    mouth(pen, f, **face["mouth"])
    he_hair_front(pen, f)
    hand_with_n95(pen, f)
    return pen.finish()
