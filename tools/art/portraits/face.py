"""The shared face kit of every portrait: the Face geometry, head, eyes, brows, nose, mouth, shoulders, and clothing pieces several characters share."""

import math

from ..common import BONE, CORAL, alpha, dark, light, mix


class Face:
    """Head geometry for a bust; at(u, v) maps face coordinates (u across, v down, both -1..1) to pixels.

    turn > 0 rotates the head a little toward the viewer's right: features shift right and the
    far (right) side of the face is foreshortened.
    """

    def __init__(self, cx, cy, rx, ry, skin, turn=0.15, jaw=0.35, chin=1.0):
        self.cx, self.cy, self.rx, self.ry = cx, cy, rx, ry
        self.skin, self.turn, self.jaw, self.chin = skin, turn, jaw, chin
        self.shade = dark(skin, 0.22)
        self.line = dark(mix(skin, CORAL, 0.2), 0.62)

    def at(self, u, v):
        squash = 1 - 0.22 * self.turn if u > 0 else 1 + 0.04 * self.turn
        return (self.cx + self.rx * (u * squash + self.turn * 0.32 * (1 - 0.3 * v * v)), self.cy + self.ry * v)

    def outline(self, n=60):
        pts = []
        for i in range(n):
            a = 2 * math.pi * i / n
            c, s_ = math.cos(a), math.sin(a)
            squash = 1 - 0.12 * self.turn if c > 0 else 1 + 0.04 * self.turn
            narrow = 1 - self.jaw * max(0.0, s_) ** 2.2
            y = s_ * (self.chin if s_ > 0 else 1.0)
            pts.append((self.cx + self.rx * c * squash * narrow + self.rx * self.turn * 0.1 * max(0, s_),
                        self.cy + self.ry * y))
        return pts


def neck(pen, f, width=0.55):
    """The neck, shaded under the jaw."""
    x0, y0 = f.at(-width, 0.55)
    x1, _ = f.at(width, 0.55)
    bottom = f.cy + f.ry * 1.6
    pen.poly(f.skin, [(x0, y0), (x1, y0), (x1 + 10, bottom), (x0 - 10, bottom)])
    pen.poly(f.shade, [(x0, y0), (x1, y0), (x1 + 4, y0 + f.ry * 0.75), ((x0 + x1) / 2, y0 + f.ry * 0.62),
                       (x0 - 2, y0 + f.ry * 0.45)])


def ear(pen, f, side):
    """An ear on one side; the far ear is mostly hidden by the turn."""
    x, y = f.at(side * 1.0, 0.12)
    rx = f.rx * (0.14 if side < 0 else 0.09)
    pen.ellipse(f.shade, x + side * rx * 0.4, y, rx, f.ry * 0.2)
    pen.ellipse(dark(f.skin, 0.35), x + side * rx * 0.5, y + 4, rx * 0.45, f.ry * 0.1)


def head(pen, f):
    """The face shape in skin tone."""
    pen.poly(f.skin, f.outline())


def eye(pen, f, side, lid=0.0, open_=1.0, iris=None, bags=0.0, smile=0.0):
    """An almond eye; lid lowers the upper lid (tired), smile lifts the lower lid (warm)."""
    iris = iris or (70, 48, 38)
    cx, cy = f.at(side * 0.42, 0.0)
    far = side > 0
    w = f.rx * 0.27 * (0.85 if far else 1.0)
    h = f.ry * 0.075 * open_
    top = [(cx - w + 2 * w * i / 12, cy - h * math.sin(math.pi * i / 12) * (1 - 0.25 * smile)) for i in range(13)]
    bottom = [(cx + w - 2 * w * i / 12, cy + h * 0.55 * math.sin(math.pi * i / 12) * (1 - 0.6 * smile))
              for i in range(13)]
    pen.poly(mix(BONE, f.skin, 0.25), top + bottom)
    ix = cx + f.turn * w * 0.25
    pen.clipped(top + bottom, lambda p: (p.circle(iris, ix, cy, h * 0.95),
                                          p.circle(dark(iris, 0.6), ix, cy, h * 0.45),
                                          p.circle(alpha(BONE, 220), ix - h * 0.3, cy - h * 0.35, h * 0.2),
                                          p.rect(alpha(f.shade, 255), cx - w - 2, cy - h * 1.2, 2 * w + 4,
                                                 h * (0.2 + 1.2 * lid))))
    pen.stroke(f.line, top, max(2.5, f.rx * 0.035))
    pen.stroke(alpha(f.line, 120), bottom[2:11], max(1.2, f.rx * 0.012))
    if lid > 0:
        pen.stroke(alpha(f.line, 150), [(x, y - h * 0.45) for x, y in top[2:11]], max(1.2, f.rx * 0.015))
    if bags > 0:
        pen.stroke(alpha(f.shade, 200 * bags), [(x, y + h * 0.9) for x, y in bottom[3:10]], max(1.5, f.rx * 0.02))


def brow(pen, f, side, col, lift_inner=0.0, lift_outer=0.0, thick=1.0):
    """A tapered eyebrow; raise the inner end for worry or kindness, the outer for surprise."""
    inner = f.at(side * 0.18, -0.2 - 0.08 * lift_inner)
    mid = f.at(side * 0.42, -0.26 - 0.03 * (lift_inner + lift_outer))
    outer = f.at(side * 0.68, -0.2 - 0.08 * lift_outer)
    t = f.ry * 0.035 * thick
    pen.poly(col, [(inner[0], inner[1] - t), (mid[0], mid[1] - t * 0.9), (outer[0], outer[1] - t * 0.2),
                   (outer[0], outer[1] + t * 0.3), (mid[0], mid[1] + t * 0.6), (inner[0], inner[1] + t)])


def nose(pen, f, size=1.0):
    """A simple turned nose: a shadow down the near side, a tip, one nostril wing."""
    top = f.at(0.02, -0.05)
    tip = f.at(0.08 * size, 0.36)
    base_l = f.at(-0.12 * size, 0.4)
    base_r = f.at(0.16 * size, 0.4)
    pen.poly(alpha(f.shade, 150), [top, (tip[0] - f.rx * 0.02, tip[1]), (base_l[0], base_l[1] - f.ry * 0.02),
                                   (top[0] - f.rx * 0.03, top[1] + f.ry * 0.2)])
    pen.ellipse(light(f.skin, 0.12), tip[0], tip[1] - f.ry * 0.02, f.rx * 0.07 * size, f.ry * 0.045)
    pen.stroke(f.line, [base_l, (base_l[0] + f.rx * 0.05, base_l[1] + f.ry * 0.025), (tip[0], tip[1] + f.ry * 0.05),
                        (base_r[0] - f.rx * 0.04, base_r[1] + f.ry * 0.02), base_r], max(2, f.rx * 0.022))


def mouth(pen, f, smile=0.3, width=1.0, lips=None, open_=0.0):
    """A mouth line bending up for a smile (or down when smile < 0), with a soft lower lip."""
    lips = lips or mix(CORAL, f.skin, 0.45)
    w = 0.3 * width
    pts = []
    for i in range(13):
        u = -w + 2 * w * i / 12
        bend = (u / w) ** 2
        pts.append(f.at(u + 0.06, 0.62 - smile * 0.07 * bend + smile * 0.02))
    lower = [f.at(-w * 0.6 + 0.06, 0.64), f.at(0.06, 0.7 + 0.02 * smile), f.at(w * 0.6 + 0.06, 0.64)]
    pen.poly(alpha(lips, 200), [pts[2], pts[6], pts[10]] + lower[::-1])
    if open_ > 0:
        pen.poly(dark(lips, 0.55), pts + [f.at(0.06, 0.62 + 0.06 * open_)])
    pen.stroke(f.line, pts, max(2.2, f.rx * 0.028))


def cheeks(pen, f, a=45):
    """A soft blush on both cheeks."""
    for side in (-1, 1):
        x, y = f.at(side * 0.55, 0.35)
        pen.ellipse(alpha(mix(CORAL, f.skin, 0.3), a), x, y, f.rx * 0.2, f.ry * 0.09)


def wrinkles(pen, f, age=1.0):
    """Smile lines, crow's feet and forehead lines, scaled by age."""
    a = 90 * age
    w = max(1.5, f.rx * 0.016)
    for side in (-1, 1):
        pen.stroke(alpha(f.line, a), [f.at(side * 0.2, 0.42), f.at(side * 0.3, 0.55), f.at(side * 0.3, 0.68)], w)
        for k in (-1, 0, 1):
            x, y = f.at(side * 0.74, 0.02 * k)
            pen.line(alpha(f.line, a * 0.8), (x, y), (x + side * f.rx * 0.1, y + k * f.ry * 0.03), w)
    for k in range(2):
        pen.stroke(alpha(f.line, a * 0.6), [f.at(-0.35, -0.42 - 0.08 * k), f.at(0, -0.45 - 0.08 * k),
                                            f.at(0.35, -0.42 - 0.08 * k)], w)


def shoulders(pen, cx, top, half_w, col, turn=0.15):
    """A torso silhouette from the collar line to the bottom of the canvas."""
    far = half_w * (1 - 0.12 * turn)
    pts = [(cx - half_w, 1000), (cx - half_w + 8, 880), (cx - half_w + 40, 800), (cx - half_w + 120, top + 30),
           (cx - 70, top), (cx + 70, top), (cx + far - 120, top + 30), (cx + far - 40, 800), (cx + far - 8, 880),
           (cx + far, 1000)]
    pen.poly(col, pts)
    return pts


def head_and_face(pen, f, hair_back=None, hair_front=None):
    """The standard draw order for a head: back hair, ears, face shape; features come after."""
    if hair_back:
        hair_back()
    ear(pen, f, -1)
    ear(pen, f, 1)
    head(pen, f)
    if hair_front:
        hair_front()


HAIR_BLACK = (34, 30, 38)


def collar_point(f):
    """Where the collar sits: centre x under the turned head, and the y of the collar top."""
    return f.cx + f.turn * f.rx * 0.25, f.cy + f.ry * 1.18


def cardigan_over_blouse(pen, f, cardigan, blouse, v_depth=210):
    """A cardigan open over a pale collared blouse, with buttons down the edge."""
    nx, ny = collar_point(f)
    body = shoulders(pen, nx, ny + 34, 335, cardigan, f.turn)

    def details(p):
        p.poly(dark(cardigan, 0.18), [(nx + 170, ny + 34), (800, ny + 100), (800, 1000), (nx + 210, 1000)])
        for k in range(14):
            p.line(alpha(dark(cardigan, 0.3), 60), (40 + k * 55, ny + 60), (30 + k * 57, 1000), 2)
    pen.clipped(body, details)
    pen.poly(blouse, [(nx - 90, ny - 10), (nx + 90, ny - 10), (nx + 60, ny + v_depth), (nx - 60, ny + v_depth)])
    for side in (-1, 1):
        collar = [(nx + side * 86, ny - 18), (nx + side * 6, ny + 40), (nx + side * 50, ny + 96),
                  (nx + side * 96, ny + 40)]
        pen.poly(light(blouse, 0.3), collar)
        pen.stroke(dark(blouse, 0.25), collar[1:] + collar[:1], 2)
        pen.poly(cardigan, [(nx + side * 98, ny + 44), (nx + side * 56, ny + v_depth), (nx + side * 70, 1000),
                            (nx + side * 150, 1000), (nx + side * 150, ny + 56)])
        pen.stroke(dark(cardigan, 0.25), [(nx + side * 98, ny + 44), (nx + side * 56, ny + v_depth),
                                          (nx + side * 70, 1000)], 4)
    for k in range(3):
        pen.circle(light(cardigan, 0.3), nx - 64, ny + v_depth + 40 + k * 70, 9)
