"""Save-slot thumbnails: exact pictures, and an autosave at every move that keeps nothing alive."""

from __future__ import annotations

import gc
import io
import random

import pygame
import pytest

from game.ui import png


def noisy(size, alpha=False, seed=1):
    rng = random.Random(seed)
    width, height = size
    mode = "RGBA" if alpha else "RGB"
    data = bytes(rng.getrandbits(8) for _ in range(width * height * len(mode)))
    return pygame.image.frombytes(data, size, mode)


@pytest.mark.parametrize("size", [(1, 1), (3, 2), (384, 216), (383, 215)])
def test_a_thumbnail_reads_back_pixel_for_pixel(size):
    surface = noisy(size)
    back = pygame.image.load(io.BytesIO(png.encode(surface)), "thumbnail.png")
    assert back.get_size() == size
    assert pygame.image.tobytes(back, "RGB") == pygame.image.tobytes(surface, "RGB")


def test_a_surface_with_alpha_gives_its_colours():
    surface = noisy((17, 9), alpha=True)
    back = pygame.image.load(io.BytesIO(png.encode(surface)), "thumbnail.png")
    assert pygame.image.tobytes(back, "RGB") == pygame.image.tobytes(surface, "RGB")


def test_autosaving_at_every_move_keeps_no_thumbnail_alive(make_app, staged):
    """pygame.image.save into a BytesIO kept each BytesIO (and its PNG) alive: six objects and
    40 KB a move, 40 MB over a 1,000-move session at 1080p."""
    app = make_app(staged)
    app.session.new_game()
    app.push("scene")
    app.thumbnail()
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(120):
        app.session.autosave()
    gc.collect()
    assert len(gc.get_objects()) - before < 60, "each autosave left objects behind"
    assert app.session.store.thumbnail("autosave").read_bytes()[:8] == png.SIGNATURE
