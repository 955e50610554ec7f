"""Tang Yue's portrait: the delivery rider in her orange courier jacket."""

import math

from ..common import (
    AMBER, BONE, CORAL, INK, MIST, NIGHT, PORTRAIT_SIZE, Pen, SLATE, TEAL, alpha, dark, ellipse_pts, mix,
    tracking_dots,
)
from .face import Face, HAIR_BLACK, brow, cheeks, collar_point, eye, head_and_face, mouth, neck, nose, shoulders


RIDER_ORANGE = mix(AMBER, CORAL, 0.2)


def tang_hair_back(pen, f):
    """The back of Tang Yue's short hair, behind the head."""
    pen.poly(HAIR_BLACK, ellipse_pts(f.cx + 6, f.cy - f.ry * 0.12, f.rx * 1.14, f.ry * 0.98, 0, 2 * math.pi))
    pen.poly(HAIR_BLACK, [f.at(-1.12, -0.1), f.at(1.1, -0.1), f.at(1.02, 0.3), f.at(0.9, 0.4), f.at(-0.95, 0.42),
                          f.at(-1.08, 0.3)])


def tang_hair_front(pen, f):
    """A short choppy cut: a side-swept fringe with pointed tips, short tufts over the ears."""
    tips = [(-1.08, 0.22), (-1.0, -0.1), (-0.82, -0.28), (-0.62, -0.5), (-0.42, -0.36), (-0.2, -0.52), (0.05, -0.4),
            (0.28, -0.56), (0.5, -0.44), (0.72, -0.5), (0.9, -0.22), (1.04, 0.2), (1.12, -0.5), (0.6, -0.97),
            (0.1, -1.08), (-0.45, -1.04), (-1.12, -0.6)]
    pen.poly(HAIR_BLACK, [f.at(u, v) for u, v in tips])
    pen.poly(mix(HAIR_BLACK, SLATE, 0.25), [f.at(-0.55, -0.9), f.at(-0.1, -0.98), f.at(0.3, -0.92),
                                            f.at(-0.05, -0.86)])


def rider_jacket(pen, f):
    """The delivery jacket: bright orange, navy stand-up collar, reflective band, a plain round logo."""
    nx, ny = collar_point(f)
    body = shoulders(pen, nx, ny + 40, 345, RIDER_ORANGE, f.turn)

    def details(p):
        p.poly(dark(RIDER_ORANGE, 0.18), [(nx + 170, ny + 40), (800, ny + 100), (800, 1000), (nx + 210, 1000)])
        p.poly(dark(RIDER_ORANGE, 0.1), [(0, ny + 120), (nx - 225, ny + 150), (nx - 245, 1000), (0, 1000)])
        p.rect(alpha(mix(MIST, BONE, 0.5), 220), 0, 880, 800, 30)
        p.rect(alpha(INK, 40), 0, 910, 800, 6)
        p.stroke(dark(RIDER_ORANGE, 0.3), [(nx - 225, ny + 150), (nx - 245, 1000)], 3)
        p.stroke(dark(RIDER_ORANGE, 0.3), [(nx + 210, ny + 150), (nx + 230, 1000)], 3)
    pen.clipped(body, details)
    pen.poly(mix(NIGHT, SLATE, 0.2), [(nx - 88, ny - 10), (nx + 88, ny - 10), (nx + 120, ny + 90), (nx, ny + 120),
                                      (nx - 120, ny + 90)])
    pen.poly(mix(INK, NIGHT, 0.4), [(nx - 64, ny + 10), (nx + 64, ny + 10), (nx, ny + 92)])
    pen.line(dark(RIDER_ORANGE, 0.35), (nx, ny + 120), (nx + 6, 1000), 5)
    tracking_dots(pen, nx - 250, 887, seed=21, cols=14, rows=3, gap=5, a=150, r=1.2)
    pen.circle(BONE, nx + 150, ny + 170, 30)
    pen.circle(RIDER_ORANGE, nx + 150, ny + 170, 19)
    pen.circle(mix(NIGHT, SLATE, 0.2), nx + 150, ny + 170, 9)


def cloth_mask_down(pen, f, col):
    """A cloth mask pulled down under the chin, loops running up to the ears."""
    for side in (-1, 1):
        ex, ey = f.at(side * 1.02, 0.15)
        mx, my = f.at(side * 0.7, 1.0)
        pen.stroke(dark(col, 0.2), [(ex, ey), (ex + side * 6, ey + 40), (mx, my)], 5)
    pts = [f.at(-0.74, 0.9), f.at(0.72, 0.9), f.at(0.68, 1.2), f.at(0.05, 1.32), f.at(-0.7, 1.2)]
    pen.poly(col, pts)
    for k in range(3):
        pen.stroke(dark(col, 0.2), [f.at(-0.7, 0.98 + k * 0.1), f.at(0.05, 1.02 + k * 0.11),
                                    f.at(0.68, 0.98 + k * 0.1)], 3)


# Her faces: eyes, brows (inner and outer lift) and mouth for each mood. `smiling` is her grin.
FACES = {
    "neutral": dict(eye=dict(smile=0.2), brows=(0.15, 0.35), mouth=dict(smile=0.3, width=1.0), cheeks=45),
    "smiling": dict(eye=dict(smile=0.5), brows=(0.1, 0.5), mouth=dict(smile=0.9, width=1.1, open_=0.6), cheeks=60),
    "hurt": dict(eye=dict(lid=0.3, open_=0.9), brows=(0.75, -0.15), mouth=dict(smile=-0.35, width=0.8), cheeks=30),
}


def draw_tang_yue(mood="neutral"):
    """Portrait: Tang Yue, delivery rider."""
    face = FACES[mood]
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 410, 148, 186, (212, 166, 130), turn=0.18, jaw=0.42)
    tang_hair_back(pen, f)
    neck(pen, f)
    rider_jacket(pen, f)
    head_and_face(pen, f)
    cheeks(pen, f, face["cheeks"])
    inner, outer = face["brows"]
    for side in (-1, 1):
        eye(pen, f, side, iris=(60, 40, 32), **face["eye"])
        brow(pen, f, side, HAIR_BLACK, lift_inner=inner, lift_outer=outer)
    nose(pen, f, 0.9)
    mouth(pen, f, **face["mouth"])
    cloth_mask_down(pen, f, mix(TEAL, MIST, 0.35))
    tang_hair_front(pen, f)
    return pen.finish()
