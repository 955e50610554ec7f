"""Officer Zhou Jian's portrait: cap, uniform shirt, surgical mask."""

from ..common import (
    AMBER, BONE, CORAL, INK, MIST, NIGHT, PORTRAIT_SIZE, Pen, SLATE, alpha, dark, light, mix, tracking_dots,
)
from .face import Face, HAIR_BLACK, brow, collar_point, eye, head_and_face, neck, shoulders


UNIFORM_BLUE = (150, 178, 204)
CAP_NAVY = mix(NIGHT, INK, 0.2)
SURGICAL_BLUE = (138, 180, 212)


def zhou_cap(pen, f):
    """A peaked uniform cap: wide flat crown, dark band, glossy visor, a plain round badge."""
    crown = [f.at(-1.05, -0.5), f.at(-1.3, -1.05), f.at(-0.9, -1.25), f.at(0.0, -1.32), f.at(0.95, -1.22),
             f.at(1.25, -1.0), f.at(1.0, -0.5)]
    pen.poly(CAP_NAVY, crown)
    pen.poly(light(CAP_NAVY, 0.08), [f.at(-1.3, -1.05), f.at(-0.9, -1.25), f.at(0.0, -1.32), f.at(0.95, -1.22),
                                     f.at(1.25, -1.0), f.at(0.0, -1.1)])
    pen.poly(dark(CAP_NAVY, 0.4), [f.at(-1.06, -0.72), f.at(1.02, -0.72), f.at(1.0, -0.5), f.at(-1.05, -0.5)])
    pen.poly(INK, [f.at(-0.95, -0.52), f.at(0.95, -0.52), f.at(0.7, -0.36), f.at(0.0, -0.32), f.at(-0.75, -0.38)])
    pen.stroke(alpha(MIST, 90), [f.at(-0.6, -0.45), f.at(0.0, -0.42), f.at(0.5, -0.45)], 3)
    bx, by = f.at(0.0, -0.82)
    pen.circle(dark(AMBER, 0.3), bx, by, f.rx * 0.16)
    pen.circle(mix(AMBER, BONE, 0.3), bx, by, f.rx * 0.12)
    pen.ring(dark(AMBER, 0.35), bx, by, f.rx * 0.07, 3)


def zhou_hair(pen, f):
    """Short dark hair below the cap, greying at the temples."""
    for side in (-1, 1):
        temple = [f.at(side * 1.03, -0.5), f.at(side * 0.88, -0.5), f.at(side * 0.9, -0.25), f.at(side * 0.95, -0.05),
                  f.at(side * 1.04, 0.05)]
        pen.poly(mix(HAIR_BLACK, SLATE, 0.2), temple)
        pen.poly(alpha(MIST, 150), temple[2:] + [f.at(side * 1.035, -0.25)])


def surgical_mask(pen, f, col):
    """A plain pleated surgical mask over nose and mouth, ear loops, a nose wire ridge."""
    for side in (-1, 1):
        ex, ey = f.at(side * 1.0, 0.08)
        pen.stroke(light(col, 0.4), [f.at(side * 0.92, 0.22), (ex + side * 10, ey), f.at(side * 1.0, 0.4),
                                     f.at(side * 0.9, 0.78)], 4)
    top = [f.at(-0.96, 0.26), f.at(-0.5, 0.16), f.at(0.06, 0.06), f.at(0.55, 0.16), f.at(0.92, 0.26)]
    bottom = [f.at(0.86, 0.8), f.at(0.5, 1.02), f.at(0.06, 1.1), f.at(-0.45, 1.02), f.at(-0.9, 0.8)]
    pen.poly(col, top + bottom)
    pen.poly(dark(col, 0.12), [f.at(0.55, 0.16), f.at(0.92, 0.26), f.at(0.86, 0.8), f.at(0.5, 1.02)])
    for k in range(3):
        v = 0.42 + k * 0.17
        pen.stroke(dark(col, 0.22), [f.at(-0.9, v), f.at(0.06, v + 0.04), f.at(0.86, v)], 3)
    pen.stroke(light(col, 0.3), top, 4)


def uniform_shirt(pen, f):
    """A pale blue uniform shirt: pointed collar, dark tie, epaulettes, pocket flaps, a radio on the strap."""
    nx, ny = collar_point(f)
    body = shoulders(pen, nx, ny + 36, 350, UNIFORM_BLUE, f.turn)

    def details(p):
        p.poly(dark(UNIFORM_BLUE, 0.15), [(nx + 180, ny + 40), (800, ny + 100), (800, 1000), (nx + 220, 1000)])
        for side in (-1, 1):
            p.poly(CAP_NAVY, [(nx + side * 110, ny + 40), (nx + side * 260, ny + 75), (nx + side * 262, ny + 105),
                              (nx + side * 112, ny + 72)])
            p.rect(mix(AMBER, BONE, 0.3), nx + side * 200 - 12, ny + 78, 24, 10)
            px = nx + side * 150
            p.rect(dark(UNIFORM_BLUE, 0.12), px - 70, ny + 200, 140, 34, radius=4)
            p.stroke(dark(UNIFORM_BLUE, 0.3), [(px - 70, ny + 234), (px - 70, ny + 340), (px + 70, ny + 340),
                                               (px + 70, ny + 234)], 3)
    pen.clipped(body, details)
    pen.poly(dark(UNIFORM_BLUE, 0.3), [(nx - 78, ny - 14), (nx + 78, ny - 14), (nx + 40, ny + 80), (nx - 40, ny + 80)])
    pen.poly(CAP_NAVY, [(nx - 22, ny + 30), (nx + 22, ny + 30), (nx + 30, 1000), (nx - 30, 1000)])
    pen.poly(dark(CAP_NAVY, 0.3), [(nx - 24, ny + 20), (nx + 24, ny + 20), (nx + 16, ny + 56), (nx - 16, ny + 56)])
    for side in (-1, 1):
        pen.poly(light(UNIFORM_BLUE, 0.15), [(nx + side * 80, ny - 16), (nx + side * 4, ny + 50),
                                             (nx + side * 60, ny + 110), (nx + side * 120, ny + 30)])
    tracking_dots(pen, nx + 92, ny + 300, seed=22, cols=8, rows=3, gap=5, a=120, r=1.2)
    pen.circle(mix(AMBER, SLATE, 0.4), nx + 150, ny + 280, 22)
    pen.circle(dark(AMBER, 0.4), nx + 150, ny + 280, 12)
    pen.rect(INK, nx - 230, ny + 110, 46, 84, radius=6)
    pen.rect(mix(INK, SLATE, 0.3), nx - 222, ny + 96, 8, 24)
    pen.circle(alpha(CORAL, 230), nx - 196, ny + 126, 4)


# His faces: the mask hides his mouth, so eyes and brows carry them.
FACES = {
    "neutral": dict(eye=dict(lid=0.38, bags=1.0, smile=0.25), brows=(0.45, -0.1)),
    "stern": dict(eye=dict(lid=0.5, bags=1.0, open_=0.85), brows=(-0.55, 0.25)),
}


def draw_zhou(mood="neutral"):
    """Portrait: Officer Zhou Jian."""
    face = FACES[mood]
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 420, 156, 184, (200, 154, 118), turn=0.12, jaw=0.24)
    neck(pen, f, 0.6)
    uniform_shirt(pen, f)
    head_and_face(pen, f, hair_front=lambda: zhou_hair(pen, f))
    inner, outer = face["brows"]
    for side in (-1, 1):
        eye(pen, f, side, iris=(58, 40, 30), **face["eye"])
        brow(pen, f, side, mix(HAIR_BLACK, SLATE, 0.2), lift_inner=inner, lift_outer=outer, thick=1.2)
    for side in (-1, 1):
        x, y = f.at(side * 0.72, 0.02)
        pen.line(alpha(f.line, 80), (x, y), (x + side * f.rx * 0.1, y - f.ry * 0.02), 2)
        pen.line(alpha(f.line, 80), (x, y + 6), (x + side * f.rx * 0.1, y + f.ry * 0.04), 2)
    surgical_mask(pen, f, SURGICAL_BLUE)
    zhou_cap(pen, f)
    return pen.finish()
