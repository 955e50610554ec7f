"""`face-value new STORY_DIR`: a small story that passes `check --strict`, to start writing from.

It has three scenes, a condition and two endings, neutral title art (assets/title.png), and the
format's JSON Schemas in .schema/ so an editor completes keys and flags mistakes in a folder
far from this program (each file's first line points there by a relative path).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from . import schema

SCHEMA_FOLDER = ".schema"

STORY_YAML = """\
# yaml-language-server: $schema=.schema/story.schema.json
title: The Last Ferry
author: You
description: A harbour in the rain, one ticket, two ways home.
start: harbour

variables:
  coins: 4          # a whole number
  ticket: false     # true or false
"""

SCENES_YAML = """\
# yaml-language-server: $schema=.schema/scene.schema.json
scenes:
  harbour:
    title: The harbour
    text:
      - "Rain on the harbour. The last ferry is late, and you have {coins} coins."
      - if: ticket
        text: The ticket is damp in your hand.
    choices:
      - text: Buy a ticket for two coins
        goto: harbour
        if: not ticket
        set:
          ticket: true
          coins: coins - 2
      - text: Board the ferry
        goto: ferry
        if: ticket
      - text: Walk home along the shore
        goto: shore

  ferry:
    text: |-
      The ferry pulls away from the lights.

      You watch the harbour until it is *gone*.
    ending:
      id: ferry
      title: Across the Water

  shore:
    text: The shore path is long, but the rain stops halfway.
    ending:
      id: shore
      title: The Long Way
"""

README = """\
# {title}

A story for the Face Value engine. Play it, check it, and see how long it is:

    face-value play {folder}
    face-value check {folder} --strict
    face-value stats {folder}

The format: docs/writing-stories.md in the Face Value repository.
.schema/ holds the format's JSON Schemas for your editor (docs/editors.md).
"""


class NewStoryError(Exception):
    """The folder cannot take a new story: one line for the user."""


def create(folder: Path) -> list[Path]:
    """Write the starter story into `folder` (which must not exist, or be empty)."""
    if folder.exists() and not folder.is_dir():
        raise NewStoryError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise NewStoryError(f"{folder} is not empty; give a new folder, or an empty one")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = [
            _write(folder / "story.yaml", STORY_YAML),
            _write(folder / "scenes.yaml", SCENES_YAML),
            _write(folder / "README.md", README.format(title="The Last Ferry", folder=_shown(folder))),
            *schema.write(folder / SCHEMA_FOLDER),
            title_art(folder / "assets" / "title.png"),
        ]
    except OSError as exc:
        raise NewStoryError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", errors="surrogateescape")  # a folder name that is not UTF-8 keeps its bytes
    return path


def _shown(folder: Path) -> str:
    try:
        return os.path.relpath(folder)
    except ValueError:
        return str(folder)


def title_art(path: Path, size: tuple[int, int] = (1280, 720)) -> Path:
    """A neutral picture for the title screen: a dusk sky over dark water, no words."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    width, height = size
    surface = pygame.Surface(size)
    horizon = height * 3 // 5
    top, low, water = (26, 34, 56), (92, 104, 128), (18, 24, 36)
    for y in range(horizon):
        t = y / max(1, horizon - 1)
        surface.fill(tuple(round(a + (b - a) * t) for a, b in zip(top, low)), (0, y, width, 1))
    for y in range(horizon, height):
        t = (y - horizon) / max(1, height - horizon - 1)
        shade = tuple(round(c * (1 - 0.4 * t)) for c in water)
        surface.fill(shade, (0, y, width, 1))
    for row in range(0, height - horizon, 9):  # faint reflections on the water
        y = horizon + row + 4
        for x in range((row * 37) % 80, width, 160):
            surface.fill((54, 64, 86), (x, y, 50 - row // 10, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    encoded = io.BytesIO()
    pygame.image.save(surface, encoded, "title.png")  # SDL cannot open a path that is not UTF-8; Python can
    path.write_bytes(encoded.getvalue())
    return path
