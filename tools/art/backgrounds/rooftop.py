"""rooftop.png: water tanks, a laundry line, plants and the stair hut under a crescent moon."""

import math
import random

import pygame

from ..common import (
    AMBER, BG_SIZE, BONE, CORAL, INK, MIST, NIGHT, Pen, SLATE, SS, TEAL, alpha, dark, light, mix, tracking_dots,
    vignette,
)
from .city import city_row, clouds, stars


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
