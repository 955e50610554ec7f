"""The photo mask: its outline, the printed lower face, ear loops and print layers; mask.png and the small masks in other pictures."""

import math

from .common import BONE, CORAL, INK, MIST, Pen, SKINS, SLATE, alpha, dark, light, mix, tracking_dots


def mask_outline(cx, cy, w, n=28):
    """The photo-mask silhouette seen from the front: a nose-bridge peak on top, a rounded chin below."""
    top, bottom = [], []
    for i in range(n + 1):
        u = -0.5 + i / n
        k = 1 - abs(u) / 0.5
        k = k * k * (3 - 2 * k)
        top.append((cx + u * w, cy + w * (-0.12 - 0.23 * k)))
    for i in range(n + 1):
        u = 0.5 - i / n
        k = max(0.0, 1 - (u / 0.5) ** 2)
        bottom.append((cx + u * w, cy + w * (0.05 + 0.37 * k ** 0.75)))
    return top + bottom


def clip_below(pts, y_cut):
    """The part of a polygon below the line y = y_cut (one Sutherland-Hodgman pass)."""
    out = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1]):
        a_in, b_in = ay >= y_cut, by >= y_cut
        if a_in:
            out.append((ax, ay))
        if a_in != b_in:
            t = (y_cut - ay) / (by - ay)
            out.append((ax + (bx - ax) * t, y_cut))
    return out


def printed_face(pen, cx, cy, w, skin, lips=None):
    """The wearer's lower face printed on a mask: cheeks, nose tip, lips, chin, in flat tints."""
    lips = lips or mix(CORAL, skin, 0.35)
    shadow = dark(skin, 0.3)

    def at(u, v):
        return (cx + u * w, cy + v * w)
    pen.poly(skin, [at(u, v) for u, v in mask_uv(0.93)])
    for side in (-1, 1):
        pen.ellipse(alpha(mix(CORAL, skin, 0.35), 45), *at(side * 0.3, 0.08), 0.13 * w, 0.09 * w)
    pen.poly(alpha(shadow, 22), [at(-0.05, -0.28), at(-0.025, -0.28), at(-0.05, -0.06), at(-0.09, -0.05)])
    pen.poly(alpha(shadow, 40), [at(0.025, -0.28), at(0.05, -0.28), at(0.09, -0.05), at(0.05, -0.06)])
    pen.poly(alpha(shadow, 55), [at(-0.1, 0.02), at(-0.085, -0.04), at(-0.04, -0.08), at(0.04, -0.08),
                                 at(0.085, -0.04), at(0.1, 0.02), at(0.06, 0.045), at(0, 0.05), at(-0.06, 0.045)])
    for side in (-1, 1):
        pen.ellipse(alpha(shadow, 90), *at(side * 0.072, 0.012), 0.036 * w, 0.032 * w)
        pen.ellipse(dark(skin, 0.55), *at(side * 0.032, 0.033), 0.021 * w, 0.01 * w)
    pen.ellipse(light(skin, 0.14), *at(-0.005, -0.03), 0.048 * w, 0.04 * w)
    pen.poly(alpha(shadow, 45), [at(-0.022, 0.055), at(0.022, 0.055), at(0.028, 0.11), at(-0.028, 0.11)])
    pen.poly(lips, [at(-0.13, 0.146), at(-0.06, 0.118), at(-0.022, 0.114), at(0, 0.122), at(0.022, 0.114),
                    at(0.06, 0.118), at(0.13, 0.146), at(0, 0.15)])
    pen.poly(light(lips, 0.1), [at(-0.12, 0.147), at(0, 0.151), at(0.12, 0.147), at(0.075, 0.182),
                                at(0, 0.195), at(-0.075, 0.182)])
    pen.ellipse(alpha(BONE, 60), *at(0.015, 0.168), 0.035 * w, 0.01 * w)
    pen.line(dark(lips, 0.45), at(-0.13, 0.146), at(0.13, 0.146), max(1.0, 0.005 * w))
    pen.poly(alpha(shadow, 80), [at(-0.07, 0.222), at(0, 0.21), at(0.07, 0.222), at(0, 0.238)])
    pen.ellipse(alpha(light(skin, 0.25), 110), *at(0, 0.31), 0.09 * w, 0.045 * w)


def mask_uv(scale=1.0):
    """mask_outline in unit coordinates around (0, 0), optionally shrunk."""
    return [(x * scale, y * scale + (1 - scale) * 0.05) for x, y in mask_outline(0, 0, 1)]


def small_mask(pen, cx, cy, w, skin, base=BONE):
    """A photo mask at small size: pale printed plastic with the face print."""
    pen.poly(dark(base, 0.2), mask_outline(cx + w * 0.02, cy + w * 0.03, w))
    pen.poly(base, mask_outline(cx, cy, w))
    printed_face(pen, cx, cy, w, skin)


def ear_loop(pen, cx, cy, w, side, col):
    """An elastic ear loop leaving the mask's side edge and curving back."""
    x0 = cx + side * w * 0.5
    top, bottom = cy - w * 0.1, cy + w * 0.06
    reach = w * 0.13
    pts = []
    for i in range(25):
        t = i / 24
        a = math.pi * t
        drop = (bottom - top) * (1 - math.cos(a)) / 2 + w * (0.12 * math.sin(a) ** 2 - 0.06 * math.sin(a))
        pts.append((x0 + side * reach * math.sin(a) * (1.0 + 0.15 * math.sin(a)), top + drop))
    pen.stroke(dark(col, 0.35), [(x + side * 2, y + 3) for x, y in pts], max(2.0, w * 0.014))
    pen.stroke(col, pts, max(2.0, w * 0.012))


def layer_lines(pen, cx, cy, w, step):
    """Faint print layer lines across the mask: alternating shadow and sheen."""
    for k in range(int(w * 0.85 / step)):
        y = cy - w * 0.38 + k * step
        pen.rect(alpha(INK, 22), cx - w * 0.55, y, w * 1.1, max(0.6, step * 0.3))
        pen.rect(alpha(BONE, 18), cx - w * 0.55, y + step * 0.5, w * 1.1, max(0.5, step * 0.2))


def curvature_shading(pen, cx, cy, w):
    """Soft light on the left cheek, shade toward the right edge, as if the mask curves round a face."""
    for k in range(16):
        t = k / 16
        pen.ellipse(alpha(INK, 5), cx + w * (0.62 - 0.2 * t), cy + w * 0.05, w * (0.2 + 0.12 * t), w * 0.6)
        pen.ellipse(alpha(BONE, 4), cx - w * 0.3, cy - w * 0.08, w * 0.16 * (1 - t * 0.8), w * 0.26 * (1 - t * 0.6))
        pen.ellipse(alpha(INK, 4), cx, cy + w * (0.52 - 0.04 * t), w * 0.55, w * 0.1)


def photo_mask(pen, cx, cy, w, skin, seed, loops=True, dots_alpha=130):
    """The full photo mask: rim, plastic shell, printed lower face, layer lines, shading, dot code, loops."""
    outline_pts = mask_outline(cx, cy, w, n=48)
    loop_col = mix(MIST, SLATE, 0.2)
    if loops:
        ear_loop(pen, cx, cy, w, -1, loop_col)
        ear_loop(pen, cx, cy, w, 1, loop_col)
    pen.poly(alpha(INK, 70), mask_outline(cx + w * 0.015, cy + w * 0.03, w * 1.01, n=48))
    pen.poly(dark(BONE, 0.3), mask_outline(cx + w * 0.006, cy + w * 0.012, w, n=48))
    pen.poly(BONE, outline_pts)

    def surface_detail(inner):
        printed_face(inner, cx, cy, w, skin)
        layer_lines(inner, cx, cy, w, max(2.0, w * 0.008))
        curvature_shading(inner, cx, cy, w)
        tracking_dots(inner, cx - w * 0.11, cy + w * 0.265, seed=seed, cols=17, rows=5, gap=w * 0.013,
                      a=dots_alpha, r=max(0.9, w * 0.0024))
    pen.clipped(outline_pts, surface_detail)
    pen.stroke(alpha(BONE, 160), mask_outline(cx, cy, w, n=48)[:49], max(1.5, w * 0.004))
    for side in (-1, 1):
        pen.circle(dark(BONE, 0.25), cx + side * w * 0.485, cy - w * 0.1, w * 0.012)
        pen.circle(dark(BONE, 0.25), cx + side * w * 0.48, cy + w * 0.05, w * 0.012)


def draw_mask():
    """The photo mask alone on a transparent square."""
    pen = Pen((1024, 1024), transparent=True)
    photo_mask(pen, 512, 460, 740, SKINS[0], seed=7)
    return pen.finish()
