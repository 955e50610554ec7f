"""Owns every image in assets/ (backgrounds, portraits, title, mask): draws them procedurally with pygame.

Run:  SDL_VIDEODRIVER=dummy python tools/make_art.py [--only NAME]

Everything is flat shapes in one shared palette: ink-blue and teal night tones, amber for
lamps and windows, coral for warnings, and a faint grid of yellow "tracking dots" hidden in
every picture. Each image is drawn at twice its size and scaled down, which anti-aliases
every edge. Every random choice comes from a seeded random.Random, so a re-run writes
identical files.
"""

import argparse
import math
import os
import random
import sys
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = os.path.join(ROOT, "assets")
SS = 2  # supersampling factor: draw at 2x, smoothscale down
BG_SIZE = (1920, 1080)
PORTRAIT_SIZE = (800, 1000)

# The palette: eight colours; every other colour is a tint between two of these.
INK = (11, 16, 30)
NIGHT = (22, 34, 58)
TEAL = (28, 72, 86)
SLATE = (66, 92, 112)
MIST = (168, 192, 200)
AMBER = (244, 174, 84)
CORAL = (214, 94, 86)
DOT = (248, 222, 98)
BONE = (236, 226, 208)


# ---------------------------------------------------------------- colour helpers

def mix(a, b, t):
    """Blend colour a toward colour b by t (0..1)."""
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def alpha(c, a):
    """Colour c with alpha a."""
    return (c[0], c[1], c[2], int(a))


def dark(c, t):
    """Colour c pushed toward INK by t."""
    return mix(c, INK, t)


def light(c, t):
    """Colour c pushed toward BONE by t."""
    return mix(c, BONE, t)


# ---------------------------------------------------------------- the pen

class Pen:
    """Draws in design coordinates onto a supersampled surface; translucent colours blend."""

    def __init__(self, size, transparent=False):
        self.size = size
        flags = pygame.SRCALPHA if transparent else 0
        self.surf = pygame.Surface((size[0] * SS, size[1] * SS), flags, 32)
        if transparent:
            self.surf.fill((0, 0, 0, 0))

    def _pts(self, pts):
        return [(x * SS, y * SS) for x, y in pts]

    def _paint(self, color, bbox, draw):
        """Run draw(surface, dx, dy, colour) directly, or via a small layer when translucent."""
        if len(color) == 3 or color[3] >= 255:
            draw(self.surf, 0, 0, color[:3])
            return
        if color[3] <= 0:
            return
        x0, y0, x1, y1 = bbox
        sw, sh = self.surf.get_size()
        x0, y0 = max(0, int(x0) - 2), max(0, int(y0) - 2)
        x1, y1 = min(sw, int(x1) + 3), min(sh, int(y1) + 3)
        if x1 <= x0 or y1 <= y0:
            return
        layer = pygame.Surface((x1 - x0, y1 - y0), pygame.SRCALPHA, 32)
        layer.fill((0, 0, 0, 0))
        draw(layer, -x0, -y0, color)
        self.surf.blit(layer, (x0, y0))

    def poly(self, color, pts):
        p = self._pts(pts)
        if len(p) < 3:
            return
        xs, ys = [q[0] for q in p], [q[1] for q in p]

        def draw(s, dx, dy, c):
            pygame.draw.polygon(s, c, [(x + dx, y + dy) for x, y in p])
        self._paint(color, (min(xs), min(ys), max(xs), max(ys)), draw)

    def rect(self, color, x, y, w, h, radius=0):
        r = pygame.Rect(round(x * SS), round(y * SS), round(w * SS), round(h * SS))

        def draw(s, dx, dy, c):
            pygame.draw.rect(s, c, r.move(dx, dy), border_radius=int(radius * SS))
        self._paint(color, (r.left, r.top, r.right, r.bottom), draw)

    def ellipse(self, color, cx, cy, rx, ry):
        r = pygame.Rect(round((cx - rx) * SS), round((cy - ry) * SS),
                        round(2 * rx * SS), round(2 * ry * SS))

        def draw(s, dx, dy, c):
            pygame.draw.ellipse(s, c, r.move(dx, dy))
        self._paint(color, (r.left, r.top, r.right, r.bottom), draw)

    def circle(self, color, cx, cy, r):
        self.ellipse(color, cx, cy, r, r)

    def ring(self, color, cx, cy, r, width):
        """An outlined circle, drawn as a closed stroke."""
        n = max(24, int(r * 0.8))
        pts = [(cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
               for i in range(n + 1)]
        self.stroke(color, pts, width)

    def stroke(self, color, pts, width):
        """A thick polyline with round joints (pygame's own leaves gaps at corners)."""
        p = self._pts(pts)
        hw = width * SS / 2
        xs, ys = [q[0] for q in p], [q[1] for q in p]

        def draw(s, dx, dy, c):
            for (ax, ay), (bx, by) in zip(p, p[1:]):
                vx, vy = bx - ax, by - ay
                n = math.hypot(vx, vy) or 1.0
                ox, oy = -vy / n * hw, vx / n * hw
                pygame.draw.polygon(s, c, [(ax + ox + dx, ay + oy + dy), (bx + ox + dx, by + oy + dy),
                                           (bx - ox + dx, by - oy + dy), (ax - ox + dx, ay - oy + dy)])
            if hw >= 1.5:
                for x, y in p:
                    pygame.draw.circle(s, c, (x + dx, y + dy), hw)
        self._paint(color, (min(xs) - hw, min(ys) - hw, max(xs) + hw, max(ys) + hw), draw)

    def line(self, color, a, b, width=1):
        self.stroke(color, [a, b], width)

    def vgradient(self, x, y, w, h, stops):
        """Fill a rect with a vertical gradient; stops are (fraction, colour) pairs."""
        x0, y0 = round(x * SS), round(y * SS)
        rows = max(1, round(h * SS))
        for i in range(rows):
            c = gradient_at(stops, i / max(1, rows - 1))
            if len(c) == 4:
                self.rect(c, x, y + i / SS, w, 1 / SS + 0.01)
            else:
                self.surf.fill(c, (x0, y0 + i, round(w * SS), 1))

    def hgradient(self, x, y, w, h, stops):
        """Fill a rect with a horizontal gradient; stops are (fraction, colour) pairs."""
        cols = max(1, round(w * SS))
        for i in range(cols):
            c = gradient_at(stops, i / max(1, cols - 1))
            self.rect(c, x + i / SS, y, 1 / SS + 0.01, h)

    def glow(self, color, cx, cy, r, strength=1.0, steps=32):
        """Add light: a soft radial falloff blended additively."""
        size = int(2 * r * SS) + 2
        layer = pygame.Surface((size, size))
        layer.fill((0, 0, 0))
        for i in range(steps):
            t = i / steps
            k = strength * (t ** 2.2)
            rad = r * SS * (1 - t)
            pygame.draw.circle(layer, tuple(int(ch * k) for ch in color[:3]), (size // 2, size // 2), rad)
        self.surf.blit(layer, (int(cx * SS) - size // 2, int(cy * SS) - size // 2),
                       special_flags=pygame.BLEND_RGB_ADD)

    def stamp(self, draw, size, center, angle):
        """Draw something upright on its own small canvas, then rotate it into place."""
        inner = Pen(size, transparent=True)
        draw(inner)
        turned = pygame.transform.rotozoom(inner.surf, angle, 1.0)
        rect = turned.get_rect(center=(round(center[0] * SS), round(center[1] * SS)))
        self.surf.blit(turned, rect)

    def clipped(self, pts, draw):
        """Run draw(pen) on a fresh transparent pen, keep only what falls inside polygon pts, blend it in."""
        inner = Pen(self.size, transparent=True)
        draw(inner)
        shape = pygame.Surface(self.surf.get_size(), pygame.SRCALPHA, 32)
        shape.fill((255, 255, 255, 0))
        pygame.draw.polygon(shape, (255, 255, 255, 255), self._pts(pts))
        inner.surf.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(inner.surf, (0, 0))

    def finish(self):
        return pygame.transform.smoothscale(self.surf, self.size)


def gradient_at(stops, t):
    """Colour at fraction t of a list of (fraction, colour) stops."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (ta, ca), (tb, cb) in zip(stops, stops[1:]):
        if t <= tb:
            k = (t - ta) / max(1e-6, tb - ta)
            out = mix(ca, cb, k)
            if len(ca) == 4 or len(cb) == 4:
                aa = ca[3] if len(ca) == 4 else 255
                ab = cb[3] if len(cb) == 4 else 255
                out = out + (int(aa + (ab - aa) * k),)
            return out
    return stops[-1][1]


class View:
    """A pinhole camera for simple one-point-perspective rooms and streets (y is up, z is depth)."""

    def __init__(self, vx, vy, focal, eye):
        self.vx, self.vy, self.focal, self.eye = vx, vy, focal, eye

    def p(self, x, y, z):
        return (self.vx + self.focal * x / z, self.vy - self.focal * (y - self.eye) / z)

    def wall(self, x, z0, z1, y0, y1):
        """A quad in the plane x = const (a side wall)."""
        return [self.p(x, y0, z0), self.p(x, y1, z0), self.p(x, y1, z1), self.p(x, y0, z1)]

    def front(self, x0, x1, y0, y1, z):
        """A quad in the plane z = const (facing the viewer)."""
        return [self.p(x0, y0, z), self.p(x1, y0, z), self.p(x1, y1, z), self.p(x0, y1, z)]

    def flat(self, x0, x1, z0, z1, y):
        """A quad in the plane y = const (a floor or ceiling)."""
        return [self.p(x0, y, z0), self.p(x1, y, z0), self.p(x1, y, z1), self.p(x0, y, z1)]

    def scale(self, z):
        return self.focal / z


# ---------------------------------------------------------------- shared motifs

def tracking_dots(pen, x, y, seed, cols=15, rows=8, gap=7.0, a=60, r=1.3):
    """The recurring motif: a faint grid of yellow dots, some present, like printer tracking dots."""
    rng = random.Random(seed)
    for j in range(rows):
        for i in range(cols):
            if j == 0 or rng.random() < 0.45:
                pen.circle(alpha(DOT, a), x + i * gap, y + j * gap, r)


def lit_windows(pen, rng, x, y, w, h, cols, rows, lit=0.35, base=None, warm=AMBER, margin=0.22):
    """A building face's window grid; some windows warm, most dim."""
    base = base or dark(SLATE, 0.55)
    cw, ch = w / cols, h / rows
    for j in range(rows):
        for i in range(cols):
            wx, wy = x + i * cw + cw * margin, y + j * ch + ch * margin
            ww, wh = cw * (1 - 2 * margin), ch * (1 - 2 * margin)
            roll = rng.random()
            if roll < lit:
                col = mix(warm, BONE, rng.random() * 0.3) if rng.random() < 0.8 else mix(MIST, TEAL, 0.3)
                pen.rect(dark(col, rng.random() * 0.35), wx, wy, ww, wh)
            elif roll < lit + 0.25:
                pen.rect(base, wx, wy, ww, wh)


def box_camera(pen, x, y, s=1.0, facing=1, body=None):
    """A bullet/box surveillance camera on a bracket; (x, y) is the mount point."""
    body = body or mix(MIST, SLATE, 0.45)
    f = facing
    pen.line(dark(body, 0.5), (x, y), (x, y + 14 * s), 4 * s)
    pen.line(dark(body, 0.5), (x, y + 14 * s), (x + 10 * f * s, y + 20 * s), 4 * s)
    cx, cy = x + 10 * f * s, y + 22 * s
    housing = [(cx - 18 * f * s, cy - 9 * s), (cx + 30 * f * s, cy - 4 * s),
               (cx + 30 * f * s, cy + 9 * s), (cx - 18 * f * s, cy + 6 * s)]
    pen.poly(body, housing)
    pen.poly(light(body, 0.25), [(cx - 20 * f * s, cy - 12 * s), (cx + 36 * f * s, cy - 6 * s),
                                 (cx + 36 * f * s, cy - 2 * s), (cx - 20 * f * s, cy - 7 * s)])
    pen.ellipse(INK, cx + 30 * f * s, cy + 2.5 * s, 3 * s, 6 * s)
    pen.circle(alpha(CORAL, 230), cx - 10 * f * s, cy + 1 * s, 1.6 * s)


def dome_camera(pen, x, y, s=1.0, body=None):
    """A ceiling/wall dome camera hanging from (x, y)."""
    body = body or mix(MIST, SLATE, 0.35)
    pen.rect(dark(body, 0.35), x - 16 * s, y, 32 * s, 5 * s, radius=2 * s)
    pen.ellipse(body, x, y + 5 * s, 16 * s, 4 * s)
    pen.poly(dark(body, 0.1), half_disc(x, y + 5 * s, 13 * s, 12 * s))
    pen.poly(mix(INK, NIGHT, 0.5), half_disc(x, y + 6 * s, 10 * s, 9.5 * s))
    pen.circle(mix(SLATE, TEAL, 0.5), x + 2 * s, y + 10 * s, 3 * s)
    pen.circle(alpha(BONE, 140), x - 4 * s, y + 8 * s, 1.4 * s)


def half_disc(cx, cy, rx, ry, n=20):
    """Lower half of an ellipse, as a polygon."""
    return [(cx + rx * math.cos(math.pi * i / n), cy + ry * math.sin(math.pi * i / n)) for i in range(n + 1)]


def camera_pole(pen, x, ground, height, s=1.0, cams=2, col=None):
    """A street pole with cameras pointing different ways."""
    col = col or dark(SLATE, 0.4)
    top = ground - height
    pen.line(col, (x, ground), (x, top), 7 * s)
    pen.line(col, (x - 28 * s, top + 10 * s), (x + 28 * s, top + 10 * s), 5 * s)
    if cams >= 1:
        box_camera(pen, x + 24 * s, top + 10 * s, s, 1)
    if cams >= 2:
        box_camera(pen, x - 24 * s, top + 10 * s, s, -1)
    if cams >= 3:
        dome_camera(pen, x, top + 40 * s, s * 0.9)


def ellipse_pts(cx, cy, rx, ry, a0=0.0, a1=2 * math.pi, n=40):
    """Points along an ellipse (or an arc of it, from angle a0 to a1)."""
    return [(cx + rx * math.cos(a0 + (a1 - a0) * i / n), cy + ry * math.sin(a0 + (a1 - a0) * i / n))
            for i in range(n + 1)]


def masked_figure(pen, x, y, s, body, rng, mask=None, turn=0.0):
    """A standing silhouette wearing a pale printed mask; (x, y) is the head centre, feet at y + 190*s."""
    mask = mask or mix(BONE, MIST, rng.random() * 0.5)
    hair = dark(body, 0.45)
    legs = dark(body, 0.25)
    pen.poly(legs, [(x - 26 * s, y + 120 * s), (x - 3 * s, y + 120 * s), (x - 6 * s, y + 190 * s),
                    (x - 22 * s, y + 190 * s)])
    pen.poly(legs, [(x + 3 * s, y + 120 * s), (x + 26 * s, y + 120 * s), (x + 22 * s, y + 190 * s),
                    (x + 6 * s, y + 190 * s)])
    pen.poly(body, [(x - 14 * s, y + 30 * s), (x + 14 * s, y + 30 * s), (x + 40 * s, y + 44 * s),
                    (x + 46 * s, y + 60 * s), (x + 42 * s, y + 128 * s), (x - 42 * s, y + 128 * s),
                    (x - 46 * s, y + 60 * s), (x - 40 * s, y + 44 * s)])
    pen.ellipse(dark(body, 0.15), x, y, 21 * s, 26 * s)
    pen.poly(hair, ellipse_pts(x, y - 3 * s, 22 * s, 25 * s, math.pi, 2 * math.pi))
    mx = x + turn * 7 * s
    pen.poly(alpha(mask, 230), [(mx - 17 * s, y + 1 * s), (mx + 17 * s, y + 1 * s), (mx + 15 * s, y + 14 * s),
                                (mx + 5 * s, y + 24 * s), (mx - 5 * s, y + 24 * s), (mx - 15 * s, y + 14 * s)])
    pen.line(alpha(mix(CORAL, mask, 0.45), 200), (mx - 5 * s, y + 15 * s), (mx + 5 * s, y + 15 * s),
             max(1.0, 2 * s))


def steam(pen, rng, x, y, height, width, puffs=26, a=16):
    """A soft rising plume: many faint circles that widen and drift as they rise."""
    for k in range(puffs):
        t = k / puffs
        px = x + math.sin(t * 5 + rng.random()) * width * 0.6 * t + rng.uniform(-0.2, 0.2) * width
        py = y - t * height
        pen.circle(alpha(BONE, a * (1 - t) + 3), px, py, width * (0.4 + 1.2 * t) * rng.uniform(0.7, 1.1))


def rain(pen, rng, x, y, w, h, n, col, length=26, slant=0.18, width=1.2):
    """Thin slanted rain streaks inside a rect."""
    for _ in range(n):
        px, py = x + rng.random() * w, y + rng.random() * h
        ln = length * (0.5 + rng.random())
        pen.line(col, (px, py), (px - ln * slant, py + ln), width)


def vignette(pen, strength=150):
    """Darken edges and the bottom, keeping the lower part calm for the text panel."""
    w, h = pen.size
    pen.vgradient(0, h * 0.55, w, h * 0.45, [(0, alpha(INK, 0)), (1, alpha(INK, strength))])
    edge = [(0, alpha(INK, strength * 0.6)), (1, alpha(INK, 0))]
    pen.hgradient(0, 0, 220, h, edge)
    pen.hgradient(w - 220, 0, 220, h, edge[::-1])


def save(surface, rel):
    """Write a surface to assets/<rel>, creating folders; returns the path."""
    path = os.path.join(ASSETS, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pygame.image.save(surface, path)
    return path


# ---------------------------------------------------------------- city pieces (skyline, title, rooftop)

def dusk_sky(pen, horizon, warm=1.0):
    """Ink-blue overhead, fading to a low amber-coral band on the horizon."""
    w = pen.size[0]
    band = mix(mix(CORAL, AMBER, 0.45), NIGHT, 1 - 0.8 * warm)
    pen.vgradient(0, 0, w, horizon, [(0, INK), (0.4, NIGHT), (0.66, mix(TEAL, SLATE, 0.3)),
                                     (0.84, mix(SLATE, band, 0.55)), (1, band)])


def stars(pen, rng, n, max_y):
    """Faint stars, thinning toward the horizon."""
    for _ in range(n):
        x, y = rng.random() * pen.size[0], rng.random() ** 1.6 * max_y
        pen.circle(alpha(MIST, 60 + rng.random() * 110), x, y, 0.8 + rng.random() * 0.9)


def clouds(pen, rng, horizon, n=9):
    """Long thin dusk clouds, lit coral from below near the horizon."""
    w = pen.size[0]
    for _ in range(n):
        y = horizon * (0.35 + rng.random() * 0.5)
        cx, ln = rng.random() * w, 200 + rng.random() * 520
        t = y / horizon
        col = mix(SLATE, mix(CORAL, AMBER, 0.3), t * 0.8)
        for k in range(3):
            pen.ellipse(alpha(col, 22 + 14 * k), cx + (k - 1) * ln * 0.15, y + k * 2, ln * (0.5 - 0.12 * k),
                        5 + 3 * (2 - k))


def hills(pen, rng, base, height, col):
    """A soft range of hills behind the city."""
    w = pen.size[0]
    pts = [(0, base)]
    x = 0
    phase = rng.random() * 6
    while x <= w:
        y = base - height * (0.55 + 0.3 * math.sin(x / 210 + phase) + 0.15 * math.sin(x / 67 + phase * 2))
        pts.append((x, y))
        x += 24
    pts.append((w, base))
    pen.poly(col, pts)


def tower(pen, rng, x, top, w, ground, col, lit, cell=(16, 22), cameras=False):
    """One tower block: body, a possible setback crown, lit windows, roof clutter."""
    pen.rect(col, x, top, w, ground - top)
    pen.rect(light(col, 0.06), x, top, w * 0.12, ground - top)
    crown = top
    if rng.random() < 0.4 and w > 60:
        inset = w * 0.18
        crown = top - 26 - rng.random() * 40
        pen.rect(col, x + inset, crown, w - 2 * inset, top - crown + 1)
    cols, rows = max(2, int(w / cell[0])), max(2, int((ground - top - 12) / cell[1]))
    lit_windows(pen, rng, x + 4, top + 10, w - 8, rows * cell[1], cols, rows, lit,
                base=mix(col, SLATE, 0.25))
    if rng.random() < 0.5:
        ax = x + w * (0.3 + rng.random() * 0.4)
        pen.line(col, (ax, crown), (ax, crown - 20 - rng.random() * 40), 2.5)
        pen.circle(alpha(CORAL, 200), ax, crown - 20, 2)
    if cameras:
        rooftop_camera(pen, x + w * (0.2 + 0.6 * rng.random()), crown, col, rng)


def rooftop_camera(pen, x, roof, col, rng):
    """A small camera pole on a roof edge with a coral status light."""
    h = 26 + rng.random() * 18
    pen.line(col, (x, roof), (x, roof - h), 3)
    f = 1 if rng.random() < 0.5 else -1
    box_camera(pen, x, roof - h, 0.42, f, body=mix(col, MIST, 0.35))


def city_row(pen, rng, ground, hmin, hmax, col, lit, density=1.0, cameras=0.0, wrange=(50, 130),
             cell=(16, 22), x0=-40, x1=None):
    """A row of towers along a ground line; returns their (x, top, w) for reflections."""
    x1 = pen.size[0] + 40 if x1 is None else x1
    out = []
    x = x0
    while x < x1:
        w = wrange[0] + rng.random() * (wrange[1] - wrange[0])
        top = ground - (hmin + rng.random() ** 1.4 * (hmax - hmin))
        tower(pen, rng, x, top, w, ground, col, lit, cell, cameras=rng.random() < cameras)
        out.append((x, top, w))
        x += w * (0.7 + 0.5 * rng.random()) / density
    return out


def mirror_tower(pen, x, ground, top, col):
    """Jingwan's landmark: a tapering tower with a pale ring near its top and a thin spire."""
    pen.poly(col, [(x - 48, ground), (x - 30, top + 120), (x - 14, top + 20), (x + 14, top + 20),
                   (x + 30, top + 120), (x + 48, ground)])
    pen.line(col, (x, top + 20), (x, top - 70), 4)
    pen.ellipse(mix(col, MIST, 0.15), x, top + 70, 56, 15)
    pen.ellipse(col, x, top + 64, 46, 10)
    for k in range(14):
        a = 2 * math.pi * k / 14
        if math.sin(a) > -0.2:
            pen.circle(alpha(AMBER, 200), x + 50 * math.cos(a), top + 70 + 13 * math.sin(a), 2.2)
    for k in range(9):
        y = top + 140 + k * 42
        pen.rect(alpha(AMBER, 120 - k * 8), x - 4, y, 8, 14)
    pen.circle(alpha(CORAL, 230), x, top - 70, 3)
    pen.glow(CORAL, x, top - 70, 22, 0.5)


def bay_water(pen, top, bottom):
    """The bay: a dark gradient that settles to ink at the bottom."""
    w = pen.size[0]
    pen.vgradient(0, top, w, bottom - top, [(0, mix(NIGHT, SLATE, 0.35)), (0.25, NIGHT), (1, INK)])


def reflections(pen, rng, blocks, water, depth, col=AMBER, a=90):
    """Broken horizontal streaks under lit towers; they fade quickly to keep the bottom calm."""
    for x, top, w in blocks:
        for _ in range(int(w / 9)):
            t = rng.random() ** 1.8
            y = water + 4 + t * depth
            ln = 6 + rng.random() * w * 0.35
            px = x + rng.random() * w
            pen.rect(alpha(mix(col, BONE, rng.random() * 0.2), a * (1 - t) ** 1.5), px, y, ln, 1.6 + rng.random())


def ferry(pen, x, y):
    """A small harbour ferry crossing the bay, a low dark hull with a row of warm windows."""
    hull = dark(NIGHT, 0.35)
    pen.poly(hull, [(x - 120, y), (x + 130, y), (x + 110, y + 16), (x - 105, y + 16)])
    pen.rect(mix(NIGHT, SLATE, 0.2), x - 80, y - 22, 160, 22, radius=4)
    pen.rect(hull, x - 40, y - 36, 60, 16, radius=3)
    for k in range(9):
        pen.rect(alpha(AMBER, 170), x - 72 + k * 17, y - 16, 9, 8)
    pen.rect(alpha(AMBER, 40), x - 110, y + 20, 220, 2)
    pen.rect(alpha(AMBER, 25), x - 80, y + 28, 150, 2)


def skyline_scene(pen, rng, horizon=620, warm=1.0):
    """The dusk skyline over the bay; shared by the skyline background and the title."""
    w = pen.size[0]
    dusk_sky(pen, horizon, warm)
    stars(pen, rng, 90, horizon * 0.55)
    clouds(pen, rng, horizon)
    pen.glow(mix(AMBER, CORAL, 0.5), w * 0.62, horizon + 10, 520, 0.22, steps=48)
    hills(pen, rng, horizon, 120, mix(SLATE, mix(CORAL, NIGHT, 0.6), 0.45))
    city_row(pen, rng, horizon, 40, 200, mix(SLATE, mix(CORAL, NIGHT, 0.5), 0.35), 0.1, density=1.2,
             cell=(10, 14), wrange=(30, 80))
    mid = city_row(pen, rng, horizon, 90, 400, mix(NIGHT, TEAL, 0.25), 0.3, density=0.75,
                   cameras=0.45, wrange=(60, 130), cell=(14, 19))
    mirror_tower(pen, w * 0.63, horizon, 120, mix(NIGHT, SLATE, 0.3))
    near = city_row(pen, rng, horizon + 8, 60, 180, dark(NIGHT, 0.2), 0.22, density=0.9, cameras=0.6,
                    wrange=(90, 180), cell=(18, 24))
    pen.rect(dark(NIGHT, 0.3), 0, horizon + 4, w, 8)
    bay_water(pen, horizon + 12, pen.size[1])
    reflections(pen, rng, mid + near, horizon + 12, 170)
    ferry(pen, w * 0.2, horizon + 70)
    return mid + near


def draw_skyline():
    """Background: Jingwan at dusk over the bay."""
    pen = Pen(BG_SIZE)
    rng = random.Random(101)
    skyline_scene(pen, rng)
    tracking_dots(pen, 1620, 70, seed=11, a=55)
    vignette(pen, 110)
    return pen.finish()


def draw_paper():
    """A very dark, nearly plain texture with faint fibres and the dot motif."""
    pen = Pen(BG_SIZE)
    rng = random.Random(202)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, h, [(0, mix(INK, NIGHT, 0.35)), (1, INK)])
    for _ in range(900):
        x, y = rng.random() * w, rng.random() * h
        ln = 8 + rng.random() * 40
        ang = rng.uniform(-0.4, 0.4)
        pen.line(alpha(MIST, 6 + rng.random() * 8), (x, y), (x + ln * math.cos(ang), y + ln * math.sin(ang)), 1)
    for _ in range(14):
        pen.glow(TEAL, rng.random() * w, rng.random() * h, 160 + rng.random() * 260, 0.07)
    for k in range(9):
        tracking_dots(pen, 60 + rng.random() * (w - 200), 40 + rng.random() * (h - 120), seed=k,
                      cols=8, rows=5, gap=9, a=16, r=1.4)
    return pen.finish()


# ---------------------------------------------------------------- the photo mask (shared shape)

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


# ---------------------------------------------------------------- shop

SKINS = [(224, 182, 150), (206, 160, 124), (232, 198, 168), (190, 142, 108), (214, 172, 138)]


def shop_wall(pen):
    """The shop's back wall: dark teal boards and a skirting rail."""
    w = pen.size[0]
    pen.vgradient(0, 0, w, 800, [(0, dark(TEAL, 0.62)), (0.7, dark(TEAL, 0.45)), (1, dark(TEAL, 0.55))])
    for x in range(0, w, 96):
        pen.rect(alpha(INK, 40), x, 0, 3, 800)
    pen.rect(dark(TEAL, 0.7), 0, 690, w, 14)


def filament_spool(pen, cx, cy, r, col):
    """A reel of printer filament seen face-on."""
    pen.circle(dark(col, 0.55), cx, cy, r)
    pen.circle(col, cx, cy, r * 0.86)
    for k in range(3):
        pen.ring(alpha(dark(col, 0.25), 120), cx, cy, r * (0.5 + 0.12 * k), 1.2)
    pen.circle(dark(col, 0.6), cx, cy, r * 0.38)
    pen.circle(dark(TEAL, 0.6), cx, cy, r * 0.16)


def shelf_unit(pen, rng, x, y, w, h):
    """Shelves of filament, a row of sample photo masks, boxes."""
    wood = mix(dark(AMBER, 0.72), TEAL, 0.15)
    pen.rect(alpha(INK, 90), x + 8, y, w, h)
    boards = [y + 150, y + 300, y + 450, y + h - 10]
    for by in boards:
        pen.rect(wood, x, by, w, 12)
        pen.rect(light(wood, 0.12), x, by, w, 3)
    pen.rect(dark(wood, 0.2), x, y, 12, h)
    pen.rect(dark(wood, 0.2), x + w - 12, y, 12, h)
    spools = [mix(CORAL, SLATE, 0.3), mix(TEAL, MIST, 0.3), BONE, mix(AMBER, SLATE, 0.25), mix(SLATE, MIST, 0.3)]
    for i, col in enumerate(spools):
        filament_spool(pen, x + 60 + i * 88, boards[0] - 48, 46, col)
    for i in range(5):
        mx = x + 58 + i * 88
        pen.rect(dark(wood, 0.3), mx - 4, boards[1] - 30, 8, 30)
        small_mask(pen, mx, boards[1] - 62, 70, SKINS[i])
    bx = x + 24
    while bx < x + w - 80:
        bw, bh = 60 + rng.random() * 70, 50 + rng.random() * 70
        pen.rect(mix(dark(AMBER, 0.55), SLATE, 0.35 + rng.random() * 0.2), bx, boards[2] - bh, bw, bh)
        pen.rect(alpha(BONE, 50), bx + 10, boards[2] - bh + 12, bw * 0.5, 10)
        bx += bw + 8
    for i in range(6):
        pen.rect(mix(SLATE, TEAL, 0.5), x + 30 + i * 46, boards[3] - 70, 30, 70, radius=5)
        pen.rect(alpha(BONE, 40), x + 34 + i * 46, boards[3] - 52, 22, 16)


def desktop_printer(pen, cx, base_y, w, h, job=None, screen=AMBER, head_u=0.5):
    """An open-frame desktop 3D printer; job is None, 'mask' or 'block'."""
    frame = mix(SLATE, INK, 0.35)
    left, right, top = cx - w / 2, cx + w / 2, base_y - h
    filament_spool(pen, cx + w * 0.25, top - 34, 32, mix(BONE, MIST, 0.3))
    pen.rect(frame, left + 8, top, 12, h - 30)
    pen.rect(frame, right - 20, top, 12, h - 30)
    pen.rect(frame, left + 8, top, w - 16, 14)
    bed_y = base_y - 62
    pen.rect(dark(frame, 0.2), cx - w * 0.36, bed_y, w * 0.72, 8)
    pen.rect(mix(SLATE, MIST, 0.2), cx - w * 0.36, bed_y - 3, w * 0.72, 4)
    gantry = top + h * 0.35
    if job == "mask":
        mw = w * 0.6
        mcy = bed_y - mw * 0.42
        cut = bed_y - mw * 0.78 * 0.62
        gantry = cut - 32
        pen.poly(mix(BONE, MIST, 0.15), clip_below(mask_outline(cx, mcy, mw), cut))
        pen.poly(alpha(mix(CORAL, BONE, 0.5), 120), clip_below(
            [(cx - mw * 0.14, mcy + mw * 0.145), (cx, mcy + mw * 0.11), (cx + mw * 0.14, mcy + mw * 0.145),
             (cx, mcy + mw * 0.19)], cut))
        for k in range(int((bed_y - cut) / 4)):
            pen.rect(alpha(SLATE, 45), cx - mw / 2, bed_y - 4 - k * 4, mw, 1)
    elif job == "block":
        pen.rect(mix(CORAL, SLATE, 0.4), cx - 30, bed_y - 44, 60, 44, radius=4)
    pen.rect(mix(MIST, SLATE, 0.5), left + 14, gantry, w - 28, 7)
    hx = left + 30 + (w - 100) * head_u
    pen.rect(mix(SLATE, INK, 0.1), hx, gantry - 22, 40, 44, radius=4)
    pen.poly(mix(AMBER, SLATE, 0.4), [(hx + 14, gantry + 22), (hx + 26, gantry + 22), (hx + 20, gantry + 32)])
    if job:
        pen.glow(AMBER, hx + 20, gantry + 32, 18, 0.6)
    pen.stroke(alpha(mix(BONE, MIST, 0.3), 170), [(cx + w * 0.25, top - 34), (cx + w * 0.3, top - 50),
                                                  (hx + 30, top - 20), (hx + 20, gantry - 22)], 2)
    pen.rect(frame, left, base_y - 34, w, 34, radius=4)
    pen.rect(dark(screen, 0.35), left + 14, base_y - 26, 40, 18, radius=2)
    pen.glow(screen, left + 34, base_y - 17, 30, 0.25)
    pen.circle(mix(MIST, SLATE, 0.4), right - 26, base_y - 17, 6)


def shop_window(pen, rng, x, y, w, h):
    """The window to Fenghuang Lane: rain, blurred shop signs opposite, a camera outside."""
    pen.vgradient(x, y, w, h, [(0, mix(INK, NIGHT, 0.6)), (1, mix(NIGHT, TEAL, 0.35))])
    pen.rect(dark(NIGHT, 0.2), x, y + h * 0.32, w, h * 0.68)
    signs = [(0.08, 0.42, 0.3, 0.1, AMBER), (0.55, 0.38, 0.34, 0.12, CORAL), (0.2, 0.6, 0.18, 0.2, TEAL)]
    for u, v, sw, sh, col in signs:
        pen.glow(col, x + (u + sw / 2) * w, y + (v + sh / 2) * h, sw * w * 0.9, 0.28)
        pen.rect(alpha(mix(col, BONE, 0.2), 190), x + u * w, y + v * h, sw * w, sh * h, radius=4)
    for k in range(4):
        pen.rect(alpha(AMBER, 150), x + 0.5 * w + k * 46, y + 0.66 * h, 30, 40)
    box_camera(pen, x + w * 0.78, y + h * 0.1, 0.9, -1)
    rain(pen, rng, x, y, w, h, 160, alpha(MIST, 60))
    for k in range(2):
        pen.poly(alpha(MIST, 14), [(x + w * (0.1 + 0.4 * k), y), (x + w * (0.3 + 0.4 * k), y),
                                   (x + w * (0.05 + 0.4 * k), y + h), (x + w * (-0.15 + 0.4 * k), y + h)])
    frame = dark(TEAL, 0.7)
    for k in range(3):
        pen.rect(frame, x + k * w / 2 - 8, y, 16, h)
    pen.rect(frame, x - 8, y - 8, w + 16, 16)
    pen.rect(frame, x - 8, y + h * 0.5 - 6, w + 16, 12)
    pen.rect(mix(frame, AMBER, 0.1), x - 24, y + h, w + 48, 18)


def pinned_sheet(pen, x, y, w, h, dots=True):
    """A sheet of paper pinned to the wall with grey lines and, faintly, the dot code."""
    pen.poly(alpha(INK, 80), [(x + 6, y + 8), (x + w + 6, y + 4), (x + w + 8, y + h + 8), (x + 8, y + h + 10)])
    pen.poly(mix(BONE, SLATE, 0.25), [(x, y + 4), (x + w, y), (x + w + 2, y + h), (x + 2, y + h + 4)])
    for k in range(5):
        pen.rect(alpha(SLATE, 120), x + 12, y + 18 + k * 14, w * (0.5 + 0.08 * (k % 3)), 4)
    if dots:
        tracking_dots(pen, x + 14, y + h - 40, seed=int(x), cols=int((w - 20) / 6), rows=5, gap=6, a=190, r=1.4)
    pen.circle(CORAL, x + w / 2, y + 8, 4)


def hanging_lamp(pen, x, y, r=60):
    """A shaded ceiling lamp that throws a warm pool of light."""
    pen.line(dark(SLATE, 0.5), (x, 0), (x, y), 3)
    pen.poly(mix(dark(AMBER, 0.5), TEAL, 0.2), [(x - 20, y), (x + 20, y), (x + r, y + 40), (x - r, y + 40)])
    pen.ellipse(mix(AMBER, BONE, 0.4), x, y + 40, r * 0.85, 8)
    pen.glow(AMBER, x, y + 50, 620, 0.3, steps=56)
    pen.glow(AMBER, x, y + 44, 60, 0.6)


def shop_counter(pen, y):
    """The shop counter across the foreground, with a card reader and a stack of prints."""
    w, h = pen.size
    wood = mix(dark(AMBER, 0.72), NIGHT, 0.45)
    pen.rect(dark(wood, 0.2), 0, y + 26, w, h - y)
    pen.poly(wood, [(0, y + 26), (w, y + 26), (w, y), (0, y)])
    pen.rect(light(wood, 0.12), 0, y, w, 3)
    for k in range(5):
        pen.rect(alpha(INK, 40), 200 + k * 380, y + 60, 4, h - y)
    pen.rect(mix(SLATE, INK, 0.4), 240, y - 52, 70, 52, radius=6)
    pen.rect(dark(TEAL, 0.3), 252, y - 44, 46, 22, radius=3)
    pen.rect(mix(BONE, SLATE, 0.4), 1480, y - 14, 160, 14, radius=3)
    pen.rect(mix(BONE, SLATE, 0.3), 1490, y - 24, 140, 10, radius=3)


def draw_shop():
    """Background: the 3D-print shop on Fenghuang Lane."""
    pen = Pen(BG_SIZE)
    rng = random.Random(303)
    shop_wall(pen)
    tracking_dots(pen, 880, 200, seed=31, cols=20, rows=6, gap=8, a=22)
    shelf_unit(pen, rng, 60, 60, 470, 640)
    shop_window(pen, rng, 1400, 110, 440, 470)
    pinned_sheet(pen, 1230, 96, 120, 160)
    bench = 650
    pen.rect(mix(dark(AMBER, 0.7), NIGHT, 0.3), 580, bench, 780, 20)
    pen.rect(dark(NIGHT, 0.2), 600, bench + 20, 740, 200)
    for k in range(4):
        pen.rect(alpha(MIST, 18), 616 + k * 182, bench + 36, 170, 90, radius=4)
        pen.rect(alpha(MIST, 40), 676 + k * 182, bench + 70, 50, 6, radius=3)
    desktop_printer(pen, 720, bench, 210, 300, "block", head_u=0.2)
    desktop_printer(pen, 970, bench, 230, 320, "mask", head_u=0.55)
    desktop_printer(pen, 1215, bench, 210, 300, None, screen=CORAL, head_u=0.8)
    hanging_lamp(pen, 960, 40)
    shop_counter(pen, 790)
    vignette(pen, 150)
    return pen.finish()


# ---------------------------------------------------------------- street (Fenghuang Lane)

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


# ---------------------------------------------------------------- ward corridor

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


# ---------------------------------------------------------------- community police office

def feed_face(pen, cx, cy, r, skin, masked, photo):
    """A face on a camera feed: head and shoulders, a cloth mask, a photo mask or a bare face."""
    pen.poly(mix(SLATE, NIGHT, 0.2), [(cx - 2.2 * r, cy + 2.6 * r), (cx - 1.8 * r, cy + 1.4 * r),
                                      (cx + 1.8 * r, cy + 1.4 * r), (cx + 2.2 * r, cy + 2.6 * r)])
    pen.ellipse(skin, cx, cy, r, r * 1.2)
    pen.poly(dark(skin, 0.7), ellipse_pts(cx, cy - 0.3 * r, r * 1.05, r * 1.05, math.pi, 2 * math.pi))
    pen.rect(dark(skin, 0.7), cx - 0.4 * r, cy - 0.02 * r, 0.22 * r, 0.1 * r)
    pen.rect(dark(skin, 0.7), cx + 0.18 * r, cy - 0.02 * r, 0.22 * r, 0.1 * r)
    if photo:
        small_mask(pen, cx, cy + 0.5 * r, 1.7 * r, skin)
    elif masked:
        pen.poly(mix(MIST, TEAL, 0.35), [(cx - 0.85 * r, cy + 0.15 * r), (cx + 0.85 * r, cy + 0.15 * r),
                                         (cx + 0.7 * r, cy + 0.85 * r), (cx - 0.7 * r, cy + 0.85 * r)])
    else:
        pen.line(dark(skin, 0.5), (cx - 0.3 * r, cy + 0.6 * r), (cx + 0.3 * r, cy + 0.6 * r), max(1, r * 0.1))


def detection_box(pen, x, y, w, h, col, width=2.0):
    """Corner brackets around a detected face, plus a blank label bar."""
    k = min(w, h) * 0.28
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        pen.stroke(col, [(cx + dx * k, cy), (cx, cy), (cx, cy + dy * k)], width)
    pen.rect(alpha(col, 170), x, y + h + 4, w * 0.7, 6)


def camera_feed(pen, rng, x, y, w, h, kind):
    """One monitor tile: a dark scene, a figure, and what the software made of it."""
    pen.rect(mix(INK, SLATE, 0.15), x - 6, y - 6, w + 12, h + 12, radius=3)
    pen.vgradient(x, y, w, h, [(0, mix(NIGHT, TEAL, 0.6)), (1, mix(INK, TEAL, 0.35))])
    pen.line(alpha(MIST, 40), (x, y + h * 0.7), (x + w * 0.4, y + h * 0.45), 2)
    pen.line(alpha(MIST, 40), (x + w, y + h * 0.75), (x + w * 0.6, y + h * 0.45), 2)
    r = h * 0.16
    cx, cy = x + w * rng.uniform(0.35, 0.65), y + h * 0.42
    skin = rng.choice(SKINS)
    feed_face(pen, cx, cy, r, skin, kind == "cloth", kind in ("photo", "match"))
    col = {"match": AMBER, "cloth": CORAL, "photo": AMBER, "bare": MIST}[kind]
    detection_box(pen, cx - 1.3 * r, cy - 1.5 * r, 2.6 * r, 2.9 * r, col)
    if kind == "match":
        tracking_dots(pen, cx - 0.55 * r, cy + 0.85 * r, seed=int(x + y), cols=8, rows=3, gap=r * 0.14,
                      a=230, r=1.1)
    pen.rect(alpha(MIST, 20), x, y, w, h * 0.5)
    pen.circle(alpha(CORAL, 220), x + w - 10, y + 10, 3)


def monitor_wall(pen, rng, x, y, cols, rows, tw, th, gap):
    """The grid of camera feeds on the police office wall."""
    kinds = ["photo", "cloth", "bare", "photo", "match", "cloth"]
    pen.glow(mix(TEAL, MIST, 0.3), x + cols * (tw + gap) / 2, y + rows * (th + gap) / 2, 640, 0.25, steps=48)
    pen.rect(dark(SLATE, 0.6), x - 16, y - 16, cols * (tw + gap) - gap + 32, rows * (th + gap) - gap + 32, radius=6)
    for j in range(rows):
        for i in range(cols):
            camera_feed(pen, rng, x + i * (tw + gap), y + j * (th + gap), tw, th, rng.choice(kinds))


def emblem(pen, cx, cy, r):
    """A neutral emblem: concentric plain circles, no symbols."""
    metal = mix(AMBER, SLATE, 0.45)
    pen.circle(dark(metal, 0.55), cx, cy, r + 6)
    pen.circle(metal, cx, cy, r)
    pen.circle(dark(metal, 0.4), cx, cy, r * 0.8)
    pen.circle(mix(metal, CORAL, 0.2), cx, cy, r * 0.64)
    pen.ring(alpha(BONE, 110), cx, cy, r * 0.42, 3)


def filing_cabinet(pen, x, y, w, h, drawers=4):
    """A steel filing cabinet with labelled drawers."""
    steel = mix(SLATE, TEAL, 0.3)
    pen.rect(dark(steel, 0.25), x, y, w, h, radius=4)
    dh = (h - 20) / drawers
    for k in range(drawers):
        pen.rect(steel, x + 8, y + 10 + k * dh, w - 16, dh - 8, radius=3)
        pen.rect(light(steel, 0.25), x + w / 2 - 24, y + 10 + k * dh + 14, 48, 8, radius=3)
        pen.rect(mix(BONE, SLATE, 0.3), x + w / 2 - 14, y + 10 + k * dh + 30, 28, 12)


def blinds_window(pen, rng, x, y, w, h):
    """A night window behind half-open blinds."""
    pen.vgradient(x, y, w, h, [(0, INK), (1, mix(NIGHT, TEAL, 0.4))])
    lit_windows(pen, rng, x + 10, y + h * 0.35, w * 0.4, h * 0.65, 4, 6, 0.3)
    lit_windows(pen, rng, x + w * 0.55, y + h * 0.5, w * 0.4, h * 0.5, 3, 4, 0.3)
    for k in range(int(h / 16)):
        pen.rect(alpha(mix(MIST, SLATE, 0.5), 150), x, y + k * 16, w, 9)
    pen.rect(dark(SLATE, 0.5), x - 10, y - 10, w + 20, 10)
    pen.rect(dark(SLATE, 0.5), x - 10, y + h, w + 20, 10)


def office_chair(pen, cx, y):
    """The empty chair behind the desk: only its back shows above the desktop."""
    fabric = mix(NIGHT, SLATE, 0.25)
    pen.rect(dark(fabric, 0.3), cx - 8, y - 40, 16, 60)
    pen.rect(fabric, cx - 110, y - 250, 220, 220, radius=40)
    pen.rect(light(fabric, 0.08), cx - 96, y - 236, 192, 30, radius=20)


def notice_board(pen, rng, x, y, w, h):
    """A cork-less board of pinned sheets and a grid of small face photos."""
    pen.rect(mix(SLATE, NIGHT, 0.5), x, y, w, h, radius=4)
    pen.rect(mix(SLATE, TEAL, 0.4), x + 8, y + 8, w - 16, h - 16, radius=2)
    for j in range(3):
        for i in range(4):
            fx, fy = x + 24 + i * 58, y + 24 + j * 70
            pen.rect(mix(BONE, SLATE, 0.3), fx, fy, 46, 58)
            feed_face(pen, fx + 23, fy + 24, 11, rng.choice(SKINS), False, False)
            pen.rect(mix(BONE, SLATE, 0.3), fx, fy + 46, 46, 12)
    pinned_sheet(pen, x + w - 110, y + 30, 86, 110, dots=False)
    pinned_sheet(pen, x + 30, y + h - 120, 110, 90, dots=False)


def office_desk(pen, y):
    """The front desk with a monitor, keyboard, papers and a mug."""
    w, h = pen.size
    top = mix(SLATE, NIGHT, 0.45)
    front = mix(dark(AMBER, 0.7), NIGHT, 0.4)
    pen.rect(front, 380, y + 20, 1160, h - y)
    for k in range(3):
        pen.rect(alpha(INK, 60), 380 + k * 387 + 383, y + 40, 4, h - y)
    pen.rect(alpha(BONE, 14), 380, y + 20, 1160, 30)
    pen.rect(top, 360, y, 1200, 22, radius=4)
    pen.rect(light(top, 0.15), 360, y, 1200, 4)
    pen.rect(mix(INK, SLATE, 0.2), 1180, y - 190, 260, 160, radius=6)
    pen.rect(mix(TEAL, NIGHT, 0.4), 1192, y - 178, 236, 136)
    for k in range(5):
        pen.rect(alpha(MIST, 90), 1210, y - 160 + k * 22, 120 + (k * 37) % 80, 8)
    pen.rect(mix(INK, SLATE, 0.2), 1296, y - 30, 28, 30)
    pen.rect(mix(INK, SLATE, 0.35), 1240, y - 8, 140, 8, radius=3)
    pen.rect(mix(SLATE, MIST, 0.2), 880, y - 14, 260, 14, radius=4)
    pen.rect(mix(BONE, SLATE, 0.35), 520, y - 18, 200, 18)
    pen.rect(mix(BONE, SLATE, 0.2), 530, y - 26, 186, 8)
    pen.rect(mix(CORAL, SLATE, 0.35), 770, y - 56, 46, 56, radius=6)
    pen.stroke(mix(CORAL, SLATE, 0.35), [(816, y - 46), (834, y - 40), (834, y - 20), (816, y - 14)], 6)


def draw_police():
    """Background: the community police office."""
    pen = Pen(BG_SIZE)
    rng = random.Random(606)
    w = BG_SIZE[0]
    pen.vgradient(0, 0, w, 780, [(0, mix(INK, SLATE, 0.2)), (1, mix(NIGHT, SLATE, 0.3))])
    pen.rect(dark(SLATE, 0.55), 0, 770, w, 310)
    pen.rect(mix(MIST, BONE, 0.4), 700, 18, 520, 12, radius=6)
    pen.glow(MIST, 960, 30, 300, 0.12)
    blinds_window(pen, rng, 70, 90, 250, 230)
    filing_cabinet(pen, 60, 400, 130, 370)
    filing_cabinet(pen, 200, 400, 130, 370)
    emblem(pen, 470, 200, 70)
    tracking_dots(pen, 410, 320, seed=61, cols=16, rows=5, gap=8, a=30)
    monitor_wall(pen, rng, 600, 80, 4, 3, 220, 140, 20)
    notice_board(pen, rng, 1600, 120, 270, 300)
    office_chair(pen, 960, 720)
    office_desk(pen, 720)
    vignette(pen, 160)
    return pen.finish()


# ---------------------------------------------------------------- home kitchen

def rainy_window(pen, rng, x, y, w, h):
    """A kitchen window at night: the building opposite, a camera on its wall, rain on the glass."""
    pen.vgradient(x, y, w, h, [(0, INK), (1, mix(NIGHT, TEAL, 0.3))])
    pen.rect(mix(NIGHT, SLATE, 0.2), x + w * 0.1, y + h * 0.15, w * 0.62, h * 0.85)
    lit_windows(pen, rng, x + w * 0.12, y + h * 0.2, w * 0.58, h * 0.8, 4, 5, 0.3)
    box_camera(pen, x + w * 0.76, y + h * 0.3, 1.0, -1)
    rain(pen, rng, x, y, w, h, 220, alpha(MIST, 55), length=30)
    for _ in range(70):
        dx, dy = x + rng.random() * w, y + rng.random() * h
        pen.circle(alpha(MIST, 70), dx, dy, 1.5 + rng.random() * 3)
        pen.circle(alpha(BONE, 90), dx - 0.8, dy - 0.8, 0.9)
    frame = mix(BONE, SLATE, 0.55)
    pen.rect(frame, x - 14, y - 14, w + 28, 14)
    pen.rect(frame, x - 14, y + h, w + 28, 20)
    pen.rect(frame, x - 14, y, 14, h)
    pen.rect(frame, x + w, y, 14, h)
    pen.rect(frame, x + w / 2 - 6, y, 12, h)


def curtain(pen, x, y, w, h, col):
    """A gathered cloth curtain: vertical folds in two tints."""
    folds = 6
    for k in range(folds):
        fx = x + k * w / folds
        pen.poly(col if k % 2 else dark(col, 0.15), [(fx, y), (fx + w / folds, y), (fx + w / folds * 1.1, y + h),
                                                    (fx + w / folds * 0.1, y + h)])
    pen.rect(dark(col, 0.4), x - 10, y - 10, w + 20, 10, radius=4)


def family_photo(pen, x, y, w, h):
    """A framed family photo: two parents and a child as simple shapes against a pale sky."""
    pen.rect(mix(dark(AMBER, 0.6), NIGHT, 0.2), x, y, w, h, radius=4)
    pen.vgradient(x + 12, y + 12, w - 24, h - 24, [(0, mix(MIST, AMBER, 0.25)), (1, mix(TEAL, MIST, 0.4))])
    for fx, fy, r, body in ((0.3, 0.45, 0.12, mix(CORAL, SLATE, 0.3)), (0.68, 0.42, 0.13, mix(NIGHT, SLATE, 0.4)),
                            (0.5, 0.6, 0.09, mix(AMBER, CORAL, 0.4))):
        cx, cy, rr = x + w * fx, y + h * fy, w * r
        pen.poly(body, [(cx - rr * 1.6, y + h - 12), (cx - rr * 1.2, cy + rr * 1.3), (cx + rr * 1.2, cy + rr * 1.3),
                        (cx + rr * 1.6, y + h - 12)])
        pen.circle(mix(BONE, AMBER, 0.3), cx, cy, rr)
        pen.poly(dark(SLATE, 0.5), ellipse_pts(cx, cy - rr * 0.2, rr * 1.05, rr, math.pi, 2 * math.pi))


def fridge(pen, x, y, w, h):
    """The kitchen fridge with magnets and a sheet stuck to its door."""
    body = mix(MIST, SLATE, 0.45)
    pen.rect(dark(body, 0.2), x, y, w, h, radius=10)
    pen.rect(body, x + 6, y + 6, w - 12, h * 0.36, radius=8)
    pen.rect(body, x + 6, y + h * 0.38, w - 12, h * 0.62 - 6, radius=8)
    pen.rect(light(body, 0.2), x + w - 30, y + 40, 8, 90, radius=4)
    pen.rect(light(body, 0.2), x + w - 30, y + h * 0.42, 8, 120, radius=4)
    pinned_sheet(pen, x + 24, y + h * 0.45, w * 0.6, 130)
    for mx, col in ((x + 40, CORAL), (x + 120, AMBER), (x + 70, TEAL)):
        pen.circle(col, mx, y + 60 + (mx % 50), 9)


def rice_cooker(pen, cx, base):
    """A round rice cooker with a domed lid and a small amber 'warm' light."""
    shell = mix(BONE, MIST, 0.25)
    pen.ellipse(dark(shell, 0.25), cx, base, 95, 16)
    pen.rect(shell, cx - 95, base - 110, 190, 110, radius=28)
    pen.ellipse(light(shell, 0.2), cx, base - 110, 92, 28)
    pen.ellipse(mix(shell, SLATE, 0.3), cx, base - 118, 40, 10)
    pen.rect(mix(SLATE, NIGHT, 0.3), cx - 40, base - 70, 80, 30, radius=8)
    pen.circle(AMBER, cx + 24, base - 55, 5)
    pen.glow(AMBER, cx + 24, base - 55, 24, 0.6)
    steam(pen, random.Random(72), cx - 10, base - 130, 200, 30)


def kitchen_counter(pen, x, y):
    """Upper cabinets, the worktop with its rice cooker and kettle, doors below."""
    w = pen.size[0] - x
    wood = mix(dark(AMBER, 0.66), TEAL, 0.2)
    pen.rect(dark(wood, 0.15), x, 70, w, 240)
    for k in range(int(w / 190) + 1):
        pen.rect(wood, x + 10 + k * 190, 80, 176, 220, radius=4)
        pen.rect(light(wood, 0.3), x + 160 + k * 190, 250, 8, 36, radius=3)
    pen.rect(mix(TEAL, MIST, 0.25), x, 310, w, y - 310)
    for j in range(int((y - 310) / 40)):
        pen.rect(alpha(INK, 40), x, 310 + j * 40, w, 2)
    pen.rect(mix(SLATE, BONE, 0.2), x - 10, y, w + 10, 20)
    pen.rect(dark(wood, 0.3), x, y + 20, w, pen.size[1] - y)
    for k in range(int(w / 190) + 1):
        pen.rect(alpha(INK, 50), x + 10 + k * 190, y + 40, 176, 400, radius=4)
        pen.rect(dark(wood, 0.22), x + 14 + k * 190, y + 44, 168, 392, radius=4)
    rice_cooker(pen, x + 200, y)
    pen.rect(mix(CORAL, SLATE, 0.35), x + 360, y - 90, 90, 90, radius=20)
    pen.stroke(mix(CORAL, SLATE, 0.5), [(x + 450, y - 70), (x + 480, y - 40), (x + 470, y - 20)], 8)
    pen.rect(mix(SLATE, NIGHT, 0.3), x + 390, y - 104, 30, 14, radius=4)
    for k in range(4):
        pen.ellipse(mix(BONE, MIST, 0.2 + 0.1 * k), x + 600, y - 10 - k * 14, 60 - k * 3, 10)
    pen.rect(dark(AMBER, 0.6), x + 700, y - 70, 22, 70, radius=4)


def kitchen_table(pen, y):
    """A small table with a teapot and two cups under the lamp; dark so text stays readable."""
    wood = mix(dark(AMBER, 0.65), NIGHT, 0.35)
    pen.ellipse(dark(wood, 0.3), 840, y + 16, 330, 28)
    pen.ellipse(wood, 840, y, 330, 30)
    pen.rect(dark(wood, 0.35), 600, y + 10, 22, 300)
    pen.rect(dark(wood, 0.35), 1060, y + 10, 22, 300)
    pen.ellipse(mix(BONE, TEAL, 0.4), 820, y - 40, 46, 38)
    pen.ellipse(mix(BONE, TEAL, 0.3), 820, y - 76, 18, 8)
    pen.stroke(mix(BONE, TEAL, 0.4), [(862, y - 50), (900, y - 70)], 8)
    for cx in (700, 960):
        pen.rect(mix(BONE, MIST, 0.3), cx - 18, y - 30, 36, 30, radius=6)


def draw_home():
    """Background: the family kitchen above the shop."""
    pen = Pen(BG_SIZE)
    rng = random.Random(707)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, h, [(0, mix(NIGHT, dark(AMBER, 0.8), 0.4)), (0.7, mix(NIGHT, dark(AMBER, 0.75), 0.5)),
                               (1, INK)])
    pen.rect(alpha(INK, 90), 0, 760, w, h - 760)
    fridge(pen, 50, 210, 220, 560)
    family_photo(pen, 320, 190, 190, 160)
    tracking_dots(pen, 330, 380, seed=71, cols=12, rows=4, gap=7, a=26)
    rainy_window(pen, rng, 580, 120, 460, 380)
    curtain(pen, 520, 100, 150, 430, mix(CORAL, SLATE, 0.45))
    kitchen_counter(pen, 1160, 560)
    pen.line(dark(SLATE, 0.5), (840, 0), (840, 30), 3)
    pen.poly(mix(dark(AMBER, 0.4), CORAL, 0.2), [(810, 30), (870, 30), (920, 84), (760, 84)])
    pen.ellipse(mix(AMBER, BONE, 0.4), 840, 84, 70, 7)
    pen.glow(AMBER, 840, 110, 620, 0.24, steps=56)
    pen.glow(AMBER, 840, 90, 50, 0.6)
    kitchen_table(pen, 760)
    vignette(pen, 150)
    return pen.finish()


# ---------------------------------------------------------------- university lab

def microscope(pen, x, bench):
    """A big digital microscope with a ring light over a photo mask on its stage."""
    body, dark_body = mix(MIST, SLATE, 0.35), mix(SLATE, NIGHT, 0.35)
    pen.rect(dark_body, x - 150, bench - 40, 300, 40, radius=8)
    pen.rect(body, x + 70, 170, 50, bench - 210)
    pen.rect(body, x - 90, 180, 210, 70, radius=14)
    pen.rect(dark_body, x - 70, 110, 110, 70, radius=10)
    pen.circle(mix(TEAL, INK, 0.3), x - 15, 145, 18)
    pen.rect(dark_body, x - 40, 250, 50, 150)
    pen.rect(mix(dark_body, INK, 0.3), x - 30, 400, 30, 26)
    pen.glow(mix(MIST, TEAL, 0.2), x - 15, 430, 110, 0.45)
    pen.ellipse(mix(MIST, BONE, 0.5), x - 15, 428, 40, 8)
    pen.rect(dark_body, x - 120, 500, 240, 18, radius=4)
    pen.rect(body, x - 120, 496, 240, 5)
    small_mask(pen, x - 15, 462, 96, SKINS[1])
    pen.circle(mix(body, INK, 0.2), x + 95, 330, 18)


def flatbed_scanner(pen, x, bench, w):
    """A flatbed scanner with its lid raised and a cold scan bar crossing the glass."""
    pen.poly(mix(SLATE, NIGHT, 0.3), [(x + 20, bench - 34), (x + w - 20, bench - 34), (x + w - 4, bench - 130),
                                      (x + 36, bench - 130)])
    pen.poly(mix(SLATE, INK, 0.2), [(x + 34, bench - 42), (x + w - 34, bench - 42), (x + w - 20, bench - 120),
                                    (x + 48, bench - 120)])
    pen.rect(mix(MIST, SLATE, 0.4), x, bench - 40, w, 40, radius=6)
    pen.rect(mix(TEAL, MIST, 0.3), x + 16, bench - 36, w - 32, 10)
    bx = x + w * 0.62
    pen.glow(mix(MIST, TEAL, 0.2), bx, bench - 32, 80, 0.5)
    pen.rect(mix(MIST, BONE, 0.6), bx - 4, bench - 38, 8, 14)


def outline(pen, col, x, y, w, h, width):
    """A rectangle outline (stroked, so the corners are clean)."""
    pen.stroke(col, [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], width)


def decoded_dots(pen, rng, x, y, cols, rows, gap, r):
    """The dot code enlarged on screen: a read grid, each dot found, some bits ringed in coral."""
    left, top = x - gap / 2, y - gap / 2
    for i in range(cols + 1):
        pen.line(alpha(MIST, 40), (left + i * gap, top), (left + i * gap, top + rows * gap), 1)
    for j in range(rows + 1):
        pen.line(alpha(MIST, 40), (left, top + j * gap), (left + cols * gap, top + j * gap), 1)
    for j in range(rows):
        for i in range(cols):
            if j == 0 or rng.random() < 0.45:
                pen.circle(DOT, x + i * gap, y + j * gap, r)
                if rng.random() < 0.12:
                    pen.ring(CORAL, x + i * gap, y + j * gap, r * 2.2, 2)


def lab_monitor(pen, rng, x, y, w, h):
    """The analysis screen: an enlarged photo mask, its hidden dot grid, and a zoomed, decoded patch."""
    pen.rect(mix(INK, SLATE, 0.15), x - 14, y - 14, w + 28, h + 28, radius=8)
    pen.vgradient(x, y, w, h, [(0, mix(INK, TEAL, 0.35)), (1, mix(INK, TEAL, 0.2))])
    pen.glow(mix(TEAL, MIST, 0.3), x + w / 2, y + h / 2, w * 0.7, 0.18)
    for k in range(0, int(w), 40):
        pen.line(alpha(MIST, 12), (x + k, y), (x + k, y + h), 1)
    mw = h * 0.95
    mcx, mcy = x + w * 0.32, y + h * 0.5
    pen.poly(BONE, mask_outline(mcx, mcy, mw))
    printed_face(pen, mcx, mcy, mw, SKINS[0])
    for k in range(40):
        yy = mcy - mw * 0.36 + k * mw * 0.02
        pen.line(alpha(SLATE, 30), (mcx - mw * 0.5, yy), (mcx + mw * 0.5, yy), 1)
    px, py, pw = mcx - mw * 0.1, mcy + mw * 0.24, mw * 0.2
    tracking_dots(pen, px + 4, py + 4, seed=81, cols=8, rows=4, gap=pw / 8.5, a=230, r=1.3)
    outline(pen, CORAL, px, py, pw, pw * 0.45, 3)
    zx, zy, zw, zh = x + w * 0.64, y + 30, w * 0.32, h * 0.5
    pen.stroke(alpha(CORAL, 160), [(px + pw, py), (zx, zy + zh)], 2)
    pen.rect(mix(INK, NIGHT, 0.5), zx, zy, zw, zh)
    decoded_dots(pen, rng, zx + 24, zy + 24, 8, 5, (zw - 40) / 8, 5)
    for k in range(6):
        pen.rect(alpha(AMBER if k % 3 else CORAL, 170), zx, zy + zh + 30 + k * 20, 30 + rng.random() * (zw - 40), 10)


def hanging_cables(pen, rng, n, top_y, bench):
    """Cables sagging from a ceiling tray down to the bench."""
    pen.rect(mix(SLATE, INK, 0.4), 0, top_y - 14, pen.size[0], 14)
    for _ in range(n):
        x0 = rng.uniform(100, 1800)
        x1 = x0 + rng.uniform(-200, 200)
        sag = rng.uniform(-90, 90)
        pts = [(x0 + (x1 - x0) * t + sag * math.sin(math.pi * t), top_y + (bench - top_y) * t)
               for t in [i / 16 for i in range(17)]]
        pen.stroke(rng.choice([mix(INK, SLATE, 0.2), dark(TEAL, 0.3), mix(CORAL, INK, 0.55)]), pts, 4)


def lab_shelf(pen, rng, x, y, w):
    """Shelves of binders and boxes."""
    board = mix(MIST, SLATE, 0.5)
    for k in range(2):
        by = y + k * 170
        pen.rect(board, x, by, w, 10)
        bx = x + 10
        while bx < x + w - 40:
            bw = rng.uniform(22, 40)
            bh = rng.uniform(90, 140)
            col = rng.choice([mix(TEAL, SLATE, 0.3), mix(CORAL, SLATE, 0.5), mix(AMBER, SLATE, 0.5), SLATE])
            pen.rect(col, bx, by - bh, bw, bh, radius=2)
            pen.rect(alpha(BONE, 60), bx + 5, by - bh + 14, bw - 10, 12)
            bx += bw + 4


def draw_lab():
    """Background: the university lab reading a mask's hidden code."""
    pen = Pen(BG_SIZE)
    rng = random.Random(808)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, 700, [(0, mix(INK, TEAL, 0.35)), (1, mix(NIGHT, TEAL, 0.45))])
    pen.rect(dark(SLATE, 0.6), 0, 700, w, h - 700)
    hanging_cables(pen, rng, 8, 40, 640)
    microscope(pen, 330, 640)
    lab_monitor(pen, rng, 720, 90, 760, 420)
    pen.rect(mix(INK, SLATE, 0.2), 1080, 524, 40, 80)
    pen.rect(mix(INK, SLATE, 0.2), 1010, 600, 180, 12, radius=4)
    lab_shelf(pen, rng, 1580, 170, 300)
    flatbed_scanner(pen, 1560, 640, 320)
    bench = mix(SLATE, NIGHT, 0.4)
    pen.rect(bench, 0, 640, w, 26)
    pen.rect(light(bench, 0.15), 0, 640, w, 4)
    pen.rect(dark(bench, 0.3), 0, 666, w, h - 666)
    for k in range(6):
        pen.rect(alpha(INK, 50), 20 + k * 320, 690, 300, 400, radius=6)
    pen.stroke(mix(INK, SLATE, 0.2), [(1100, 606), (1180, 650), (1300, 640), (1560, 620)], 5)
    pen.stroke(dark(TEAL, 0.3), [(420, 600), (560, 655), (760, 645), (1020, 606)], 5)
    vignette(pen, 160)
    return pen.finish()


# ---------------------------------------------------------------- metro gate

def big_screen(pen, x, y, w, h):
    """The station screen: a huge scanned face in a photo mask, a scan grid, brackets, thumbnails."""
    pen.rect(mix(INK, SLATE, 0.2), x - 16, y - 16, w + 32, h + 32, radius=6)
    pen.vgradient(x, y, w, h, [(0, mix(TEAL, INK, 0.4)), (1, mix(TEAL, INK, 0.65))])
    pen.glow(mix(TEAL, MIST, 0.4), x + w / 2, y + h / 2, w * 0.6, 0.2)
    cx, cy, r = x + w * 0.38, y + h * 0.47, h * 0.3
    skin = SKINS[2]
    pen.poly(mix(SLATE, NIGHT, 0.3), [(cx - 2.1 * r, y + h), (cx - 1.5 * r, cy + 1.3 * r), (cx + 1.5 * r, cy + 1.3 * r),
                                      (cx + 2.1 * r, y + h)])
    pen.ellipse(skin, cx, cy, r * 0.85, r * 1.08)
    pen.poly(dark(SLATE, 0.4), ellipse_pts(cx, cy - 0.22 * r, r * 0.9, r * 0.95, math.pi, 2 * math.pi))
    for ex in (-0.34, 0.34):
        pen.ellipse(BONE, cx + ex * r, cy + 0.02 * r, 0.16 * r, 0.07 * r)
        pen.circle(dark(SLATE, 0.5), cx + ex * r, cy + 0.02 * r, 0.06 * r)
    small_mask(pen, cx, cy + 0.52 * r, 1.55 * r, skin)
    for k in range(9):
        yy = y + 20 + k * (h - 40) / 8
        pen.line(alpha(MIST, 30), (x + 20, yy), (x + w * 0.7, yy), 1)
    pen.rect(alpha(MIST, 70), x + 20, cy + 0.2 * r, w * 0.68, 3)
    detection_box(pen, cx - 1.1 * r, cy - 1.2 * r, 2.2 * r, 2.5 * r, AMBER, 4)
    for k in range(4):
        tx = x + w * 0.72 + (k % 2) * 90
        ty = y + 30 + (k // 2) * 110
        pen.rect(mix(NIGHT, TEAL, 0.4), tx, ty, 76, 92)
        feed_face(pen, tx + 38, ty + 40, 16, SKINS[k + 1], False, True)
    pen.rect(alpha(AMBER, 190), x + w * 0.72, y + h - 60, 170, 10)
    tracking_dots(pen, x + w - 130, y + h - 40, seed=91, cols=14, rows=3, gap=8, a=170)


def face_gate(pen, x, floor, light_col):
    """One face-scanning turnstile: a cabinet, a post with a scanning tablet, glass flaps."""
    cab = mix(MIST, SLATE, 0.62)
    pen.poly(light(cab, 0.2), [(x, floor - 150), (x + 84, floor - 150), (x + 96, floor - 162), (x + 12, floor - 162)])
    pen.rect(cab, x, floor - 150, 84, 150)
    pen.rect(dark(cab, 0.3), x + 84, floor - 150, 12, 150)
    pen.rect(light_col, x + 6, floor - 146, 72, 6)
    pen.glow(light_col, x + 42, floor - 143, 40, 0.3)
    pen.rect(dark(cab, 0.4), x + 30, floor - 250, 10, 100)
    pen.rect(mix(INK, SLATE, 0.3), x + 8, floor - 318, 54, 72, radius=6)
    pen.rect(mix(TEAL, INK, 0.3), x + 13, floor - 312, 44, 60, radius=4)
    pen.ring(mix(TEAL, MIST, 0.5), x + 35, floor - 284, 14, 2)
    pen.glow(mix(TEAL, MIST, 0.3), x + 35, floor - 282, 50, 0.35)
    for dx in (-70, 96):
        pen.poly(alpha(mix(MIST, TEAL, 0.2), 70), [(x + dx, floor - 132), (x + dx + 70, floor - 132),
                                                   (x + dx + 70, floor - 70), (x + dx, floor - 90)])
        pen.line(alpha(light_col, 180), (x + dx + 2, floor - 132), (x + dx + 68, floor - 132), 2)


def station_shell(pen):
    """The station hall: ceiling lights, tiled wall, floor, stairs down and a route map."""
    w, h = pen.size
    pen.vgradient(0, 0, w, 560, [(0, INK), (0.15, mix(NIGHT, SLATE, 0.3)), (1, mix(NIGHT, TEAL, 0.4))])
    for k in range(5):
        pen.rect(mix(MIST, BONE, 0.3), 120 + k * 360, 22, 260, 8, radius=4)
        pen.glow(MIST, 250 + k * 360, 26, 160, 0.1)
    for j in range(11):
        pen.rect(alpha(INK, 40), 0, 80 + j * 44, w, 2)
    for i in range(0, w, 64):
        pen.rect(alpha(INK, 25), i, 80, 2, 480)
    pen.vgradient(0, 560, w, h - 560, [(0, mix(NIGHT, SLATE, 0.25)), (0.35, NIGHT), (1, INK)])
    pen.rect(mix(INK, NIGHT, 0.4), 60, 300, 300, 260)
    for k in range(8):
        pen.rect(mix(NIGHT, SLATE, 0.2 + 0.03 * k), 60, 330 + k * 29, 300, 6)
    pen.glow(AMBER, 210, 540, 180, 0.15)
    pen.rect(mix(SLATE, NIGHT, 0.3), 1600, 120, 220, 440)
    pen.rect(mix(BONE, SLATE, 0.5), 1620, 170, 180, 240, radius=4)
    for k, col in enumerate((CORAL, TEAL, AMBER)):
        pts = [(1640, 200 + k * 60), (1700, 200 + k * 60 + 30), (1760, 200 + k * 60 + 10), (1785, 230 + k * 60)]
        pen.stroke(col, pts, 6)
        for px, py in pts:
            pen.circle(BONE, px, py, 5)


def draw_metro():
    """Background: the metro gate line with face-scanning turnstiles."""
    pen = Pen(BG_SIZE)
    rng = random.Random(909)
    station_shell(pen)
    big_screen(pen, 520, 80, 880, 330)
    for x in (440, 1480):
        dome_camera(pen, x, 40, 1.2)
    floor = 700
    for i in range(7):
        face_gate(pen, 150 + i * 250, floor, CORAL if i == 3 else mix(TEAL, MIST, 0.4))
    pen.poly(alpha(mix(TEAL, MIST, 0.3), 12), [(520, 710), (1400, 710), (1600, 1000), (320, 1000)])
    figures = [(300, 530, 0.8, 0.3), (820, 520, 0.75, -0.2), (1290, 525, 0.78, 0.4), (1700, 540, 0.85, -0.4),
               (560, 600, 1.25, 0.2), (1100, 610, 1.3, -0.3), (160, 650, 1.55, 0.5), (1480, 640, 1.6, -0.5),
               (880, 700, 1.9, 0.1)]
    for fx, fy, sc, turn in figures:
        masked_figure(pen, fx, fy, sc, mix(NIGHT, SLATE, 0.15 + rng.random() * 0.1), rng, turn=turn)
    vignette(pen, 170)
    return pen.finish()


# ---------------------------------------------------------------- rooftop

def water_tank(pen, cx, base, r, h, col):
    """A cylindrical rooftop water tank on a steel stand."""
    leg = dark(SLATE, 0.45)
    for dx in (-0.8, -0.3, 0.3, 0.8):
        pen.rect(leg, cx + dx * r - 5, base - 90, 10, 90)
    pen.rect(leg, cx - r, base - 96, 2 * r, 12)
    top = base - 96 - h
    pen.rect(col, cx - r, top, 2 * r, h)
    pen.rect(light(col, 0.12), cx - r * 0.75, top, r * 0.35, h)
    pen.rect(dark(col, 0.25), cx + r * 0.5, top, r * 0.5, h)
    pen.ellipse(col, cx, base - 96, r, r * 0.22)
    pen.ellipse(light(col, 0.2), cx, top, r, r * 0.22)
    pen.ellipse(dark(col, 0.2), cx, top, r * 0.3, r * 0.07)
    for k in range(3):
        pen.rect(alpha(INK, 50), cx - r, top + h * (0.25 + 0.25 * k), 2 * r, 4)
    for k in range(int(h / 24)):
        pen.rect(dark(SLATE, 0.3), cx - r - 26, top + 10 + k * 24, 22, 4)
    pen.rect(dark(SLATE, 0.3), cx - r - 28, top, 4, h + 96)
    pen.rect(dark(SLATE, 0.3), cx - r - 6, top, 4, h + 96)


def garment(pen, x, y, kind, col):
    """One piece of laundry pegged to the line at (x, y)."""
    if kind == "shirt":
        pen.poly(col, [(x - 30, y), (x + 30, y), (x + 52, y + 26), (x + 36, y + 38), (x + 28, y + 28),
                       (x + 28, y + 96), (x - 28, y + 96), (x - 28, y + 28), (x - 36, y + 38), (x - 52, y + 26)])
        pen.poly(dark(col, 0.3), [(x - 10, y), (x + 10, y), (x, y + 14)])
    elif kind == "trousers":
        pen.poly(col, [(x - 26, y), (x + 26, y), (x + 30, y + 120), (x + 8, y + 120), (x, y + 34),
                       (x - 8, y + 120), (x - 30, y + 120)])
    elif kind == "towel":
        pen.rect(col, x - 28, y, 56, 84)
        pen.rect(light(col, 0.2), x - 28, y + 66, 56, 6)
    else:
        pen.poly(col, [(x - 8, y), (x + 8, y), (x + 8, y + 40), (x + 20, y + 50), (x + 16, y + 58), (x - 8, y + 48)])
    pen.rect(mix(MIST, SLATE, 0.3), x - 24, y - 6, 6, 12)
    pen.rect(mix(MIST, SLATE, 0.3), x + 18, y - 6, 6, 12)


def laundry_line(pen, rng, x0, x1, y, sag, items):
    """A washing line between two poles, hung with clothes."""
    pole = dark(SLATE, 0.4)
    for x in (x0, x1):
        pen.rect(pole, x - 5, y - 20, 10, 420)
    pen.stroke(mix(MIST, SLATE, 0.5), [(x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t)) for t in
                                       [i / 20 for i in range(21)]], 2)
    colours = [mix(CORAL, NIGHT, 0.5), mix(AMBER, NIGHT, 0.55), mix(MIST, NIGHT, 0.55), mix(TEAL, MIST, 0.1),
               mix(BONE, NIGHT, 0.5)]
    for i in range(items):
        t = (i + 0.7) / (items + 0.4)
        kind = rng.choice(["shirt", "trousers", "towel", "shirt", "sock"])
        garment(pen, x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t), kind, rng.choice(colours))


def crescent_moon(pen, cx, cy, r):
    """A thin crescent: a pale disc with a second disc cut out of it, plus a faint halo."""
    pen.glow(MIST, cx, cy, r * 3.5, 0.1)
    size = int(2 * r * SS) + 4
    layer = pygame.Surface((size, size), pygame.SRCALPHA, 32)
    layer.fill((0, 0, 0, 0))
    pygame.draw.circle(layer, mix(BONE, MIST, 0.3) + (255,), (size // 2, size // 2), r * SS)
    pygame.draw.circle(layer, (0, 0, 0, 0), (size // 2 + 0.45 * r * SS, size // 2 - 0.3 * r * SS), r * SS * 0.95)
    pen.surf.blit(layer, (int(cx * SS) - size // 2, int(cy * SS) - size // 2))


def plant_pot(pen, rng, x, base):
    """A potted plant along the parapet: a tapered pot and a few flat leaves."""
    leaf = mix(TEAL, NIGHT, 0.35 + rng.random() * 0.2)
    for _ in range(6):
        a = rng.uniform(-2.4, -0.7)
        ln = rng.uniform(40, 80)
        tip = (x + math.cos(a) * ln, base - 40 + math.sin(a) * ln)
        pen.poly(leaf, [(x - 5, base - 40), tip, (x + 5, base - 40)])
    pen.poly(mix(CORAL, NIGHT, 0.62), [(x - 30, base - 44), (x + 30, base - 44), (x + 22, base), (x - 22, base)])


def stair_hut(pen, x, y, w, h):
    """The stairwell hut: a door ajar with warm light, one bulb."""
    wall = mix(SLATE, NIGHT, 0.5)
    pen.rect(wall, x, y, w, h)
    pen.rect(dark(wall, 0.3), x - 10, y - 14, w + 20, 16)
    pen.rect(dark(AMBER, 0.4), x + 60, y + 70, 90, h - 70)
    pen.rect(mix(SLATE, NIGHT, 0.3), x + 60, y + 70, 70, h - 70)
    pen.glow(AMBER, x + 140, y + h - 60, 120, 0.25)
    pen.circle(mix(AMBER, BONE, 0.5), x + 105, y + 48, 8)
    pen.glow(AMBER, x + 105, y + 48, 90, 0.45)


def draw_rooftop():
    """Background: a rooftop at night above the city."""
    pen = Pen(BG_SIZE)
    rng = random.Random(1010)
    w, h = BG_SIZE
    horizon = 600
    sky = [(0, INK), (0.6, NIGHT), (1, mix(NIGHT, AMBER, 0.18))]
    pen.vgradient(0, 0, w, horizon + 40, sky)
    stars(pen, rng, 120, 300)
    crescent_moon(pen, 1500, 120, 34)
    clouds(pen, rng, horizon, 6)
    tracking_dots(pen, 160, 60, seed=101, a=45)
    city_row(pen, rng, horizon, 60, 260, mix(SLATE, NIGHT, 0.55), 0.18, density=1.2, cell=(10, 14), wrange=(40, 90))
    city_row(pen, rng, horizon + 20, 40, 200, mix(NIGHT, TEAL, 0.2), 0.3, density=1.0, cameras=0.5,
             wrange=(70, 150), cell=(14, 18))
    pen.glow(AMBER, 960, horizon, 700, 0.12, steps=48)
    pen.rect(mix(SLATE, NIGHT, 0.55), 0, 620, w, 60)
    pen.rect(light(mix(SLATE, NIGHT, 0.55), 0.1), 0, 620, w, 6)
    pen.vgradient(0, 680, w, h - 680, [(0, mix(NIGHT, SLATE, 0.3)), (1, INK)])
    water_tank(pen, 210, 720, 110, 190, mix(TEAL, SLATE, 0.45))
    water_tank(pen, 470, 730, 80, 140, mix(SLATE, NIGHT, 0.15))
    for x in (690, 752, 1340, 1400, 1460):
        plant_pot(pen, rng, x, 700 + (x % 3) * 6)
    stair_hut(pen, 1580, 330, 340, 330)
    laundry_line(pen, rng, 640, 1460, 250, 60, 8)
    vignette(pen, 160)
    return pen.finish()


# ---------------------------------------------------------------- night market

def lantern(pen, x, y, r, col=CORAL):
    """A round paper lantern with dark caps and a warm glow."""
    pen.glow(mix(col, AMBER, 0.4), x, y, r * 4, 0.35)
    pen.line(dark(SLATE, 0.5), (x, y - r * 1.6), (x, y - r), max(1, r * 0.1))
    pen.ellipse(col, x, y, r, r * 0.85)
    pen.ellipse(light(col, 0.25), x - r * 0.2, y - r * 0.1, r * 0.45, r * 0.5)
    pen.rect(dark(col, 0.5), x - r * 0.45, y - r * 0.95, r * 0.9, r * 0.2)
    pen.rect(dark(col, 0.5), x - r * 0.45, y + r * 0.75, r * 0.9, r * 0.2)
    pen.line(AMBER, (x, y + r * 0.95), (x, y + r * 1.5), max(1, r * 0.12))


def lantern_string(pen, rng, view, z, y):
    """A string of lanterns hung across the street at depth z."""
    a, b = view.p(-LANE_X, y, z), view.p(LANE_X, y, z)
    sag = view.scale(z) * 0.8
    pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)) for t in
           [i / 24 for i in range(25)]]
    pen.stroke(alpha(INK, 230), pts, 2)
    r = view.scale(z) * 0.22
    for t in (0.15, 0.32, 0.5, 0.68, 0.85):
        x = a[0] + (b[0] - a[0]) * t
        yy = a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t) + r * 1.6
        lantern(pen, x, yy, r, CORAL if rng.random() < 0.75 else AMBER)


def stall(pen, rng, view, side, z0, z1, stripe):
    """A market stall facing the lane: lit back, counter with bowls, striped awning, a bulb."""
    xb, xc, xa = side * 3.6, side * 2.6, side * 1.9
    sc = view.scale((z0 + z1) / 2)
    dim = 0.35 if z0 < 8 else 0.0
    pen.poly(dark(mix(dark(AMBER, 0.5), NIGHT, 0.25), dim), view.wall(xb, z0, z1, 0, 3.3))
    pen.poly(dark(mix(dark(AMBER, 0.6), TEAL, 0.2), dim), view.flat(min(xb, xc), max(xb, xc), z0, z1, 1.0))
    pen.poly(dark(mix(dark(AMBER, 0.72), NIGHT, 0.3), dim), view.wall(xc, z0, z1, 0, 1.0))
    pen.poly(alpha(BONE, 30), view.wall(xc, z0, z1, 0.85, 1.0))
    for k in range(4):
        bx, by = view.p(side * 2.9, 1.05, z0 + 0.4 + k * (z1 - z0 - 0.8) / 3)
        pen.ellipse(dark(rng.choice([BONE, mix(BONE, MIST, 0.3), mix(CORAL, BONE, 0.4)]), dim + 0.1),
                    bx, by, sc * 0.18, sc * 0.07)
    for zz in (z0 + 0.1, z1 - 0.1):
        pen.line(dark(SLATE, 0.5), view.p(xa, 0, zz), view.p(xa, 2.4, zz), max(1.5, sc * 0.05))
    strips = 6
    for k in range(strips):
        za, zb = z0 + (z1 - z0) * k / strips, z0 + (z1 - z0) * (k + 1) / strips
        col = dark(stripe if k % 2 == 0 else mix(BONE, stripe, 0.35), 0.1 + dim * 0.6)
        underside = [view.p(xb, 3.3, za), view.p(xb, 3.3, zb), view.p(xa, 2.4, zb), view.p(xa, 2.4, za)]
        pen.poly(dark(mix(col, AMBER, 0.2), 0.2), underside)
        pen.poly(col, view.wall(xa, za, zb, 2.1, 2.4))
    lx, ly = view.p(side * 2.6, 2.2, (z0 + z1) / 2)
    pen.glow(AMBER, lx, ly, sc * 1.2, 0.3)
    pen.circle(mix(AMBER, BONE, 0.5), lx, ly, max(2, sc * 0.05))
    return view.p(side * 2.9, 1.1, (z0 + z1) / 2), sc


def market_buildings(pen, rng, view):
    """The dark buildings behind the stalls, a few windows lit."""
    for side in (-1, 1):
        z = 3.0
        while z < 70:
            ln = rng.uniform(6, 10)
            quad = view.wall(side * LANE_X, z, z + ln, 0, rng.uniform(8, 12))
            pen.poly(mix(NIGHT, SLATE, 0.08 + rng.random() * 0.14), quad)
            for fy in (4.2, 7.0, 9.6):
                for k in range(int(ln / 2)):
                    if rng.random() < 0.35:
                        wz = z + 0.6 + k * 2
                        dim = (0.6 if z < 10 else 0.25) + rng.random() * 0.3
                        pen.poly(dark(mix(AMBER, BONE, rng.random() * 0.3), dim),
                                 view.wall(side * LANE_X, wz, wz + 1.0, fy, fy + 1.3))
            z += ln


def draw_market():
    """Background: a night market street."""
    pen = Pen(BG_SIZE)
    rng = random.Random(1111)
    view = View(960, 500, 900, 1.6)
    w, h = BG_SIZE
    pen.vgradient(0, 0, w, view.vy + 10, [(0, INK), (0.8, NIGHT), (1, mix(NIGHT, CORAL, 0.3))])
    pen.vgradient(0, view.vy, w, h - view.vy, [(0, mix(NIGHT, dark(AMBER, 0.6), 0.4)), (0.3, NIGHT), (1, INK)])
    tracking_dots(pen, 1010, 50, seed=111, cols=14, rows=6, gap=8, a=45)
    market_buildings(pen, rng, view)
    stripes = [mix(CORAL, SLATE, 0.2), TEAL, mix(AMBER, CORAL, 0.3), mix(TEAL, MIST, 0.3)]
    items = []
    z = 4.5
    while z < 40:
        for side in (-1, 1):
            zz = z + (0 if side < 0 else 1.2)
            items.append((zz + 2.4, "stall", (side, zz, zz + 2.4, rng.choice(stripes))))
        z += 2.9
    for _ in range(16):
        items.append((rng.uniform(5, 30), "figure", (rng.uniform(-1.6, 1.6), rng.uniform(-0.6, 0.6))))
    for zz in (34, 24, 16, 10, 6.5):
        items.append((zz, "lanterns", (zz,)))
    px = view.p(1.9, 0, 12)
    items.append((12, "pole", px))
    steams = []
    for z_sort, kind, args in sorted(items, key=lambda it: -it[0]):
        if kind == "stall":
            pot, sc = stall(pen, rng, view, *args)
            if rng.random() < 0.5:
                steams.append((pot, sc))
        elif kind == "figure":
            fx, turn = args
            hx, hy = view.p(fx, 1.55, z_sort)
            feet = view.p(fx, 0, z_sort)[1]
            body = mix(NIGHT, SLATE, 0.1 + rng.random() * 0.15)
            masked_figure(pen, hx, hy, (feet - hy) / 190, body, rng, turn=turn)
        elif kind == "lanterns":
            lantern_string(pen, rng, view, args[0], 4.3)
        else:
            top = view.p(1.9, 5.5, 12)[1]
            camera_pole(pen, args[0], args[1], args[1] - top, view.scale(12) / 110, cams=3)
    for (sx, sy), sc in steams:
        steam(pen, rng, sx, sy, sc * 1.8, sc * 0.22, puffs=30, a=14)
    vignette(pen, 180)
    return pen.finish()


# ---------------------------------------------------------------- title

def lens(pen, cx, cy, r, a, lit=False):
    """One camera lens seen head-on: housing ring, dark glass, a glint, maybe a coral light."""
    pen.circle(alpha(mix(SLATE, NIGHT, 0.3), a), cx, cy, r)
    pen.circle(alpha(INK, a), cx, cy, r * 0.72)
    pen.ring(alpha(mix(TEAL, MIST, 0.3), a * 0.8), cx, cy, r * 0.55, max(1.0, r * 0.06))
    pen.circle(alpha(mix(TEAL, NIGHT, 0.4), a), cx, cy, r * 0.3)
    pen.circle(alpha(BONE, a * 0.7), cx - r * 0.25, cy - r * 0.25, r * 0.1)
    if lit:
        pen.circle(alpha(CORAL, min(255, a * 1.6)), cx + r * 0.78, cy - r * 0.78, r * 0.1)


def lens_grid(pen, x0, y0, cols, rows, gap, r, fade_x):
    """A wall of camera lenses, fading out toward the left so the title area stays quiet."""
    rng = random.Random(1212)
    for j in range(rows):
        for i in range(cols):
            cx, cy = x0 + i * gap + (j % 2) * gap / 2, y0 + j * gap
            fade = max(0.0, min(1.0, (cx - fade_x) / 700))
            if fade > 0.02:
                lens(pen, cx, cy, r, 150 * fade, lit=rng.random() < 0.2)


def scan_line(pen, x0, x1, y):
    """A bright horizontal scan line with a soft band around it."""
    pen.rect(alpha(AMBER, 60), x0, y - 6, x1 - x0, 12)
    pen.rect(alpha(mix(AMBER, BONE, 0.4), 210), x0, y - 1.5, x1 - x0, 3)


def title_brackets(pen, x, y, w, h, k):
    """Face-recognition corner brackets framing the mask, as the cameras see it."""
    col = alpha(AMBER, 200)
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        pen.stroke(col, [(cx + dx * k, cy), (cx, cy), (cx, cy + dy * k)], 5)
    pen.rect(alpha(AMBER, 150), x, y + h + 16, w * 0.3, 8)
    pen.rect(alpha(CORAL, 150), x + w * 0.32, y + h + 16, w * 0.08, 8)


def draw_title():
    """Title art: the giant photo mask over the skyline and a wall of lenses."""
    pen = Pen(BG_SIZE)
    rng = random.Random(1313)
    w, h = BG_SIZE
    skyline_scene(pen, rng, horizon=700, warm=0.7)
    pen.rect(alpha(INK, 110), 0, 0, w, h)
    lens_grid(pen, 640, 70, 12, 7, 150, 44, 760)
    tracking_dots(pen, 1560, 960, seed=14, cols=24, rows=6, gap=8, a=60)
    pen.glow(mix(AMBER, CORAL, 0.4), 1330, 560, 620, 0.16, steps=48)
    photo_mask(pen, 1330, 500, 860, SKINS[4], seed=13, dots_alpha=170)
    pen.clipped(mask_outline(1330, 500, 860, n=48), lambda p: p.vgradient(
        860, 180, 940, 700, [(0, alpha(INK, 0)), (0.5, alpha(INK, 40)), (1, alpha(INK, 120))]))
    scan_line(pen, 860, 1800, 690)
    title_brackets(pen, 850, 150, 960, 760, 90)
    pen.hgradient(0, 0, 900, h, [(0, alpha(INK, 200)), (0.6, alpha(INK, 120)), (1, alpha(INK, 0))])
    vignette(pen, 150)
    return pen.finish()


# ---------------------------------------------------------------- portraits: shared face kit

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


# ---------------------------------------------------------------- portrait: Tang Yue

HAIR_BLACK = (34, 30, 38)
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


def collar_point(f):
    """Where the collar sits: centre x under the turned head, and the y of the collar top."""
    return f.cx + f.turn * f.rx * 0.25, f.cy + f.ry * 1.18


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


def draw_tang_yue():
    """Portrait: Tang Yue, delivery rider."""
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 410, 148, 186, (212, 166, 130), turn=0.18, jaw=0.42)
    tang_hair_back(pen, f)
    neck(pen, f)
    rider_jacket(pen, f)
    head_and_face(pen, f)
    cheeks(pen, f, 60)
    for side in (-1, 1):
        eye(pen, f, side, smile=0.5, iris=(60, 40, 32))
        brow(pen, f, side, HAIR_BLACK, lift_inner=0.1, lift_outer=0.5)
    nose(pen, f, 0.9)
    mouth(pen, f, smile=0.9, width=1.1, open_=0.6)
    cloth_mask_down(pen, f, mix(TEAL, MIST, 0.35))
    tang_hair_front(pen, f)
    return pen.finish()


# ---------------------------------------------------------------- portrait: Officer Zhou Jian

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


def draw_zhou():
    """Portrait: Officer Zhou Jian."""
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 420, 156, 184, (200, 154, 118), turn=0.12, jaw=0.24)
    neck(pen, f, 0.6)
    uniform_shirt(pen, f)
    head_and_face(pen, f, hair_front=lambda: zhou_hair(pen, f))
    for side in (-1, 1):
        eye(pen, f, side, lid=0.38, bags=1.0, smile=0.25, iris=(58, 40, 30))
        brow(pen, f, side, mix(HAIR_BLACK, SLATE, 0.2), lift_inner=0.45, lift_outer=-0.1, thick=1.2)
    for side in (-1, 1):
        x, y = f.at(side * 0.72, 0.02)
        pen.line(alpha(f.line, 80), (x, y), (x + side * f.rx * 0.1, y - f.ry * 0.02), 2)
        pen.line(alpha(f.line, 80), (x, y + 6), (x + side * f.rx * 0.1, y + f.ry * 0.04), 2)
    surgical_mask(pen, f, SURGICAL_BLUE)
    zhou_cap(pen, f)
    return pen.finish()


# ---------------------------------------------------------------- portrait: Nurse He Lan

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


def draw_he_lan():
    """Portrait: Nurse He Lan."""
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 420, 142, 182, (228, 190, 160), turn=0.2, jaw=0.38)
    he_hair_back(pen, f)
    neck(pen, f)
    scrubs(pen, f)
    head_and_face(pen, f)
    n95_marks(pen, f)
    for side in (-1, 1):
        eye(pen, f, side, lid=0.3, bags=0.8, iris=(54, 38, 32))
        brow(pen, f, side, HAIR_BLACK, lift_inner=0.35, lift_outer=0.0, thick=0.9)
    nose(pen, f, 0.9)
    mouth(pen, f, smile=0.05, width=0.85)
    he_hair_front(pen, f)
    hand_with_n95(pen, f)
    return pen.finish()


# ---------------------------------------------------------------- portrait: Dr. Qiao Min

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


def draw_qiao():
    """Portrait: Dr. Qiao Min."""
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 420, 140, 192, (222, 182, 150), turn=0.14, jaw=0.4, chin=1.02)
    qiao_hair_back(pen, f)
    neck(pen, f, 0.5)
    cardigan_over_blouse(pen, f, CARDIGAN_ROSE, mix(BONE, MIST, 0.2))
    head_and_face(pen, f)
    wrinkles(pen, f, 0.45)
    for side in (-1, 1):
        eye(pen, f, side, lid=0.12, iris=(62, 44, 36))
        brow(pen, f, side, mix(QIAO_HAIR, MIST, 0.2), lift_inner=0.0, lift_outer=0.55 if side > 0 else 0.1)
    nose(pen, f, 1.0)
    mouth(pen, f, smile=0.3, width=0.85)
    qiao_hair_front(pen, f)
    glasses(pen, f, mix(INK, SLATE, 0.3))
    dangling_photo_mask(pen, f, f.skin)
    return pen.finish()


# ---------------------------------------------------------------- portrait: Lin Shufen

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


def draw_shufen():
    """Portrait: Lin Shufen, the player's mother."""
    pen = Pen(PORTRAIT_SIZE, transparent=True)
    f = Face(400, 430, 146, 178, (218, 176, 142), turn=0.1, jaw=0.3)
    neck(pen, f, 0.55)
    apron_and_cardigan(pen, f)
    glasses_on_cord(pen, f)
    head_and_face(pen, f)
    cheeks(pen, f, 55)
    wrinkles(pen, f, 1.0)
    for side in (-1, 1):
        eye(pen, f, side, smile=0.7, open_=0.8, iris=(66, 46, 36))
        brow(pen, f, side, dark(SHUFEN_GREY, 0.35), lift_inner=0.25, lift_outer=-0.1, thick=0.9)
        ex, ey = f.at(side * 1.0, 0.36)
        pen.circle(mix(TEAL, MIST, 0.4), ex + side * 4, ey, 7)
    nose(pen, f, 1.0)
    mouth(pen, f, smile=0.75, width=1.0)
    shufen_hair(pen, f)
    return pen.finish()


SCENES = {
    "skyline": ("backgrounds/skyline.png", draw_skyline),
    "shop": ("backgrounds/shop.png", draw_shop),
    "street": ("backgrounds/street.png", draw_street),
    "ward": ("backgrounds/ward.png", draw_ward),
    "police": ("backgrounds/police.png", draw_police),
    "home": ("backgrounds/home.png", draw_home),
    "lab": ("backgrounds/lab.png", draw_lab),
    "metro": ("backgrounds/metro.png", draw_metro),
    "rooftop": ("backgrounds/rooftop.png", draw_rooftop),
    "market": ("backgrounds/market.png", draw_market),
    "paper": ("backgrounds/paper.png", draw_paper),
    "mask": ("mask.png", draw_mask),
    "title": ("title.png", draw_title),
    "tang_yue": ("portraits/tang_yue.png", draw_tang_yue),
    "zhou": ("portraits/zhou.png", draw_zhou),
    "he_lan": ("portraits/he_lan.png", draw_he_lan),
    "qiao": ("portraits/qiao.png", draw_qiao),
    "shufen": ("portraits/shufen.png", draw_shufen),
}


def main(argv=None):
    """Draw every image, or just the one named by --only, and report sizes and times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="NAME", help="draw one image: " + ", ".join(SCENES))
    args = parser.parse_args(argv)
    if args.only and args.only not in SCENES:
        parser.error(f"unknown image {args.only!r}; choose from {', '.join(SCENES)}")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    names = [args.only] if args.only else list(SCENES)
    start = time.time()
    for name in names:
        rel, draw = SCENES[name]
        t0 = time.time()
        path = save(draw(), rel)
        print(f"{rel:34s} {os.path.getsize(path) / 1024:7.0f} KB  {time.time() - t0:5.1f} s")
    print(f"done in {time.time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
