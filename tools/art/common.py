"""The shared kit of every picture: the palette, colour helpers, the Pen (supersampled drawing), the perspective View, and motifs used everywhere (tracking dots, lit windows, cameras, masked figures, rain, steam)."""

import math
import os
import random

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
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


SKINS = [(224, 182, 150), (206, 160, 124), (232, 198, 168), (190, 142, 108), (214, 172, 138)]


def pinned_sheet(pen, x, y, w, h, dots=True):
    """A sheet of paper pinned to the wall with grey lines and, faintly, the dot code."""
    pen.poly(alpha(INK, 80), [(x + 6, y + 8), (x + w + 6, y + 4), (x + w + 8, y + h + 8), (x + 8, y + h + 10)])
    pen.poly(mix(BONE, SLATE, 0.25), [(x, y + 4), (x + w, y), (x + w + 2, y + h), (x + 2, y + h + 4)])
    for k in range(5):
        pen.rect(alpha(SLATE, 120), x + 12, y + 18 + k * 14, w * (0.5 + 0.08 * (k % 3)), 4)
    if dots:
        tracking_dots(pen, x + 14, y + h - 40, seed=int(x), cols=int((w - 20) / 6), rows=5, gap=6, a=190, r=1.4)
    pen.circle(CORAL, x + w / 2, y + 8, 4)
