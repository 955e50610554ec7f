"""`check`'s deeper warnings (game/engine/lint.py), with the one that needs the window's own
layout code: scene text too long for one page at the default window and text size. pygame is
imported only here and only when it is installed; without it that warning is skipped."""

from __future__ import annotations

import os

from .. import paths
from ..engine.lint import lint
from ..engine.model import Story


def deeper_warnings(story: Story, max_pages: int | None = None) -> list:
    options = {"max_pages": max_pages} if max_pages is not None else {}
    return lint(story, page_fit=page_fit_check(), game_assets=paths.assets_dir(), **options)


def page_fit_check():
    """A function yielding (scene, pages) for every scene; None without pygame."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout for check's own output
    try:
        import pygame  # noqa: F401
    except ImportError:
        return None
    return scenes_over_a_page


def scenes_over_a_page(story: Story):
    import pygame

    from ..engine import ChoiceView, Phase, Turn
    from ..engine.state import GameState
    from ..ui.app import DEFAULT_SIZE
    from ..ui.fonts import Fonts
    from ..ui.layout import layout_scene
    from ..ui.settings import Settings

    pygame.font.init()
    settings = Settings()
    fonts = Fonts(paths.assets_dir() / "fonts")

    def font_for(px, italic):
        return fonts.get(settings.font, px, False, italic)

    state = GameState.begin(story.start, story.initial_values(), 0)
    for scene in story.scenes.values():
        turn = longest_turn(scene, state, Turn, ChoiceView, Phase)
        try:
            pages = len(layout_scene(turn, DEFAULT_SIZE, settings.text_scale, font_for, len(story.measures)).pages)
        except pygame.error:
            return  # no usable font here (a broken SDL_ttf): the window could not show it either
        yield scene, pages


def longest_turn(scene, state, Turn, ChoiceView, Phase):
    """The scene as most players see it at its longest: every paragraph without a condition,
    the longest one with a condition, and every choice."""
    plain = [p for p in scene.paragraphs if p.condition is None]
    conditional = [p for p in scene.paragraphs if p.condition is not None]
    longest = max(conditional, key=lambda p: len(p.text.source), default=None)
    shown = [p for p in scene.paragraphs if p in plain or p is longest]
    paragraphs = tuple(p.text.render(state) for p in shown)
    choices = tuple(ChoiceView(i + 1, c.index, c.text.render(state)) for i, c in enumerate(scene.choices))
    phase = Phase.ENDED if scene.ending else Phase.CHOOSING if choices else Phase.CONTINUING
    return Turn(scene, paragraphs, choices, phase)
