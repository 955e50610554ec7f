"""Lin Shufen's portrait: the player's mother, grey bun, cardigan and apron."""

import math

from ..common import (
    AMBER, BONE, CORAL, INK, MIST, NIGHT, PORTRAIT_SIZE, Pen, SLATE, TEAL, alpha, dark, ellipse_pts, mix,
    tracking_dots,
)
from .face import (
    Face, brow, cardigan_over_blouse, cheeks, collar_point, eye, head_and_face, mouth, neck, nose, wrinkles,
)


SHUFEN_GREY = (172, 172, 176)
CARDIGAN_RUST = dark(mix(CORAL, AMBER, 0.35), 0.22)
APRON = mix(SLATE, NIGHT, 0.35)


def shufen_hair(pen, f):
    """Grey hair swept back from the face into a bun on top, combed strands curving up to it."""
    bx, by = f.at(-0.05, -1.16)
    pen.circle(dark(SHUFEN_GREY, 0.12), bx, by, f.rx * 0.38)
    pen.stroke(alpha(dark(SHUFEN_GREY, 0.3), 150), ellipse_pts(bx, by, f.rx * 0.24, f.rx * 0.2, 2.5, 6.0, 16), 3)
    cx, cy = f.cx + f.rx * f.turn * 0.1, f.cy - f.ry * 0.2
    crown = ellipse_pts(cx, cy, f.rx * 1.08, f.ry * 0.86, math.pi, 2 * math.pi, 30)
    hairline = [f.at(1.02, 0.0), f.at(0.9, -0.35), f.at(0.55, -0.58), f.at(0.0, -0.64), f.at(-0.55, -0.58),
                f.at(-0.92, -0.35), f.at(-1.05, 0.0)]
    shape = crown + [(cx + f.rx * 1.06, cy + f.ry * 0.2)] + hairline + [(cx - f.rx * 1.08, cy + f.ry * 0.2)]
    pen.poly(SHUFEN_GREY, shape)

    def strands(p):
        for k in range(7):
            u = -0.9 + k * 0.3
            p.stroke(alpha(dark(SHUFEN_GREY, 0.25), 130), [f.at(u, -0.55 + 0.25 * abs(u)), f.at(u * 0.75, -0.85),
                                                           f.at(u * 0.25, -1.02)], 3)
    pen.clipped(shape, strands)


def apron_and_cardigan(pen, f):
    """A cardigan over a cream blouse, an apron bib tied over both."""
    cardigan_over_blouse(pen, f, CARDIGAN_RUST, mix(BONE, AMBER, 0.1), v_depth=150)
    nx, ny = collar_point(f)
    pen.poly(APRON, [(nx - 120, ny + 170), (nx + 120, ny + 170), (nx + 150, 1000), (nx - 150, 1000)])
    pen.rect(dark(APRON, 0.2), nx - 70, ny + 300, 140, 80, radius=6)
    tracking_dots(pen, nx - 56, ny + 316, seed=25, cols=14, rows=4, gap=8, a=70, r=1.3)
    for side in (-1, 1):
        pen.stroke(APRON, [(nx + side * 110, ny + 175), (nx + side * 84, ny + 10), (nx + side * 76, ny - 20)], 14)
    for j in range(6):
        for i in range(6):
            pen.circle(alpha(MIST, 45), nx - 95 + i * 38 + (j % 2) * 19, ny + 200 + j * 40, 3.5)


def glasses_on_cord(pen, f):
    """Half-moon reading glasses hanging on a cord against the chest."""
    nx, ny = collar_point(f)
    gx, gy = nx + 10, ny + 210
    for side in (-1, 1):
        pen.stroke(mix(AMBER, SLATE, 0.4), [(nx + side * 96, ny - 10), (nx + side * 90, ny + 100),
                                            (gx + side * 70, gy - 10)], 2)
        cx = gx + side * 38
        pen.poly(alpha(MIST, 60), ellipse_pts(cx, gy, 32, 22, 0, math.pi))
        pen.stroke(mix(AMBER, INK, 0.5), ellipse_pts(cx, gy, 32, 22, 0, math.pi) + [(cx - 32, gy)], 4)
    pen.stroke(mix(AMBER, INK, 0.5), [(gx - 6, gy), (gx, gy - 6), (gx + 6, gy)], 4)


# Her faces: a warm smile is her neutral; `worried` is the one she hides from you.
FACES = {
    "neutral": dict(eye=dict(smile=0.7, open_=0.8), brows=(0.25, -0.1), mouth=dict(smile=0.75, width=1.0), cheeks=55),
    "worried": dict(eye=dict(lid=0.25, open_=0.85), brows=(0.7, -0.2), mouth=dict(smile=-0.25, width=0.85), cheeks=30),
}


def draw_shufen(mood="neutral"):
    """Portrait: Lin Shufen, the player's mother."""
    face = FACES[mood]
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 430, 146, 178, (218, 176, 142), turn=0.1, jaw=0.3)
    neck(pen, f, 0.55)
    apron_and_cardigan(pen, f)
    glasses_on_cord(pen, f)
    head_and_face(pen, f)
    cheeks(pen, f, face["cheeks"])
    wrinkles(pen, f, 1.0)
    inner, outer = face["brows"]
    for side in (-1, 1):
        eye(pen, f, side, iris=(66, 46, 36), **face["eye"])
        brow(pen, f, side, dark(SHUFEN_GREY, 0.35), lift_inner=inner, lift_outer=outer, thick=0.9)
        ex, ey = f.at(side * 1.0, 0.36)
        pen.circle(mix(TEAL, MIST, 0.4), ex + side * 4, ey, 7)
    nose(pen, f, 1.0)
    mouth(pen, f, **face["mouth"])
    shufen_hair(pen, f)
    return pen.finish()
