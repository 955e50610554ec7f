"""Dr. Qiao Min's portrait: a greying bob, glasses, a photo mask hanging from one ear."""

import math

from ..common import BONE, CORAL, INK, MIST, PORTRAIT_SIZE, Pen, SLATE, alpha, ellipse_pts, mix, tracking_dots
from ..mask import small_mask
from .face import Face, brow, cardigan_over_blouse, eye, head_and_face, mouth, neck, nose, wrinkles


QIAO_HAIR = (56, 50, 54)
CARDIGAN_ROSE = mix(CORAL, SLATE, 0.58)


def bob_shape(f, width=1.2, length=0.95):
    """A rounded bob silhouette around the skull, ending at jaw level with tips curling in."""
    cx, cy = f.cx + f.rx * f.turn * 0.1, f.cy - f.ry * 0.22
    rx, ry = f.rx * width, f.ry * 0.92
    top = ellipse_pts(cx, cy, rx, ry, math.pi, 2 * math.pi, 30)
    bottom_y = f.cy + f.ry * length
    right = [(cx + rx, cy + ry * 0.3), (cx + rx * 0.98, bottom_y - f.ry * 0.1), (cx + rx * 0.86, bottom_y)]
    left = [(cx - rx * 0.86, bottom_y), (cx - rx * 0.98, bottom_y - f.ry * 0.1), (cx - rx, cy + ry * 0.3)]
    return top + right + left


def qiao_hair_back(pen, f):
    """The back of Qiao Min's bob, behind the head."""
    pen.poly(QIAO_HAIR, bob_shape(f))


def qiao_hair_front(pen, f):
    """Side-swept fringe and jaw-length sides framing the face, with grey streaks."""
    outer = bob_shape(f)
    inner = [f.at(0.98, 0.95), f.at(0.98, 0.2), f.at(0.9, -0.3), f.at(0.55, -0.5), f.at(0.1, -0.56),
             f.at(-0.35, -0.42), f.at(-0.75, -0.12), f.at(-0.92, 0.3), f.at(-0.94, 0.95)]
    right_x = max(x for x, _ in outer)
    left_x = min(x for x, _ in outer)
    bottom_y = max(y for _, y in outer)
    frame = outer[:31] + [(right_x, bottom_y)] + inner + [(left_x, bottom_y)]
    pen.poly(QIAO_HAIR, frame)
    grey = mix(MIST, BONE, 0.3)

    def streaks(p):
        p.poly(grey, [f.at(-0.4, -1.2), f.at(-0.2, -1.2), f.at(-0.5, -0.42), f.at(-0.75, -0.14), f.at(-0.72, -0.3)])
        for a, b, c in (((0.3, -1.15), (0.75, -0.7), (1.0, 0.3)), ((-0.85, -0.85), (-1.1, -0.1), (-1.1, 0.9)),
                        ((0.55, -1.1), (1.05, -0.5), (1.12, 0.7))):
            p.stroke(alpha(grey, 190), [f.at(*a), f.at(*b), f.at(*c)], 5)
    pen.clipped(frame, streaks)


def glasses(pen, f, col):
    """Rectangular glasses with rounded corners, arms running back to the ears."""
    w = max(3.0, f.rx * 0.03)
    for side in (-1, 1):
        cx, cy = f.at(side * 0.42, 0.02)
        rw = f.rx * (0.34 if side < 0 else 0.3)
        rh = f.ry * 0.14
        pen.rect(alpha(MIST, 40), cx - rw, cy - rh, 2 * rw, 2 * rh, radius=rh * 0.6)
        frame = [(cx - rw + 8, cy - rh), (cx + rw - 8, cy - rh), (cx + rw, cy - rh + 8), (cx + rw, cy + rh - 10),
                 (cx + rw - 10, cy + rh), (cx - rw + 10, cy + rh), (cx - rw, cy + rh - 10), (cx - rw, cy - rh + 8)]
        pen.stroke(col, frame + frame[:1], w)
        pen.line(col, f.at(side * (0.42 + 0.34), -0.02), f.at(side * 1.0, 0.02), w)
    pen.stroke(col, [f.at(-0.1, -0.02), f.at(0.06, -0.06), f.at(0.14, -0.02)], w)


def dangling_photo_mask(pen, f, skin):
    """A photo mask hooked on the near ear by one loop, hanging beside the jaw."""
    ex, ey = f.at(-1.0, 0.15)
    mx, my = ex - 34, ey + 170
    loop = mix(MIST, SLATE, 0.2)
    pen.stroke(loop, [(ex + 2, ey - 14), (ex - 30, ey + 20), (mx - 52, my - 40)], 4)
    pen.stroke(loop, [(ex + 6, ey + 16), (ex - 6, ey + 60), (mx + 30, my - 52)], 4)
    def hanging(p):
        small_mask(p, 90, 80, 140, skin)
        tracking_dots(p, 76, 116, seed=24, cols=7, rows=3, gap=4, a=170, r=0.9)
    pen.stamp(hanging, (180, 170), (mx, my), -24)


# Her faces: one brow a little raised is her neutral (sceptical, amused).
FACES = {
    "neutral": dict(eye=dict(lid=0.12), brows=((0.0, 0.1), (0.0, 0.55)), mouth=dict(smile=0.3, width=0.85)),
    "worried": dict(eye=dict(lid=0.2, open_=0.95), brows=((0.6, -0.1), (0.6, -0.1)), mouth=dict(smile=-0.2, width=0.75)),
}


def draw_qiao(mood="neutral"):
    """Portrait: Dr. Qiao Min."""
    face = FACES[mood]
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 420, 140, 192, (222, 182, 150), turn=0.14, jaw=0.4, chin=1.02)
    qiao_hair_back(pen, f)
    neck(pen, f, 0.5)
    cardigan_over_blouse(pen, f, CARDIGAN_ROSE, mix(BONE, MIST, 0.2))
    head_and_face(pen, f)
    wrinkles(pen, f, 0.45)
    for side, (inner, outer) in zip((-1, 1), face["brows"]):
        eye(pen, f, side, iris=(62, 44, 36), **face["eye"])
        brow(pen, f, side, mix(QIAO_HAIR, MIST, 0.2), lift_inner=inner, lift_outer=outer)
    nose(pen, f, 1.0)
    mouth(pen, f, **face["mouth"])
    qiao_hair_front(pen, f)
    glasses(pen, f, mix(INK, SLATE, 0.3))
    dangling_photo_mask(pen, f, f.skin)
    return pen.finish()
