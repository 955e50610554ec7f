"""Every scene of the story lays out inside its panel at every text size, window size and
theme; theme colours meet their contrast targets."""

from __future__ import annotations

import pygame
import pytest

from game import paths
from game.engine import ChoiceView, Phase, Turn, load_story
from game.engine.state import GameState
from game.ui.fonts import Fonts
from game.ui.layout import layout_scene
from game.ui.settings import FONTS, TEXT_SIZES
from game.ui.textlayout import wrap_paragraph
from game.ui.theme import THEMES, blend, contrast
from game.ui.typography import typeset

SIZES = [(1280, 720), (1920, 1080), (1024, 600)]


@pytest.fixture(scope="module")
def story():
    result = load_story(paths.story_dir())
    assert result.ok
    return result.story


@pytest.fixture(scope="module")
def fonts():
    pygame.font.init()
    return Fonts(paths.assets_dir() / "fonts")


def worst_case_turn(story, scene) -> Turn:
    """Every paragraph and every choice shown at once: the most a scene can ever need."""
    state = GameState.begin(scene.id, story.initial_values(), 0)
    paragraphs = tuple(p.text.render(state) for p in scene.paragraphs)
    choices = tuple(ChoiceView(i + 1, c.index, c.text.render(state)) for i, c in enumerate(scene.choices))
    phase = Phase.ENDED if scene.ending else Phase.CHOOSING if choices else Phase.CONTINUING
    return Turn(scene, paragraphs, choices, phase)


def assert_inside(layout, where: str) -> None:
    window = pygame.Rect((0, 0), layout.size)
    assert window.contains(layout.panel), where
    assert layout.panel.contains(layout.content) and layout.panel.contains(layout.footer), where
    for number, page in enumerate(layout.pages):
        for placed in page.lines:
            assert layout.content.contains(placed.rect), f"{where}, page {number + 1}: line {placed.line.text!r} at {placed.rect} outside {layout.content}"
        for box in page.choices:
            assert layout.content.contains(box.rect), f"{where}: choice {box.number} at {box.rect} outside {layout.content}"
            for placed in box.lines:
                assert box.rect.contains(placed.rect), f"{where}: choice text {placed.line.text!r} outside its button"
    if layout.portrait:
        assert window.contains(layout.portrait) and not layout.portrait.colliderect(layout.panel), where
    assert not layout.measures.colliderect(layout.panel) or layout.measures.width == 0, where


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", range(len(TEXT_SIZES)))
@pytest.mark.parametrize("family", FONTS)
def test_every_scene_fits_its_panel(story, fonts, size, text_size, family):
    for scene in story.scenes.values():
        turn = worst_case_turn(story, scene)
        layout = layout_scene(turn, size, TEXT_SIZES[text_size], lambda px, italic: fonts.get(family, px, False, italic), len(story.measures))
        assert_inside(layout, f"scene {scene.id} at {size}, text size {text_size + 1}, font {family}")
        shown = "".join(p.line.text for page in layout.pages for p in page.lines).replace(" ", "")
        assert shown == "".join(typeset(p) for p in turn.paragraphs).replace(" ", "").replace("\n", "").replace("*", ""), f"text lost in {scene.id}"
        assert_question_with_choices(layout, turn, f"scene {scene.id} at {size}, text size {text_size + 1}, font {family}")


def assert_question_with_choices(layout, turn, where: str) -> None:
    """The page where the choices begin also shows the last paragraph: whole when the
    paragraph and the choices fit on one page together, else at least its last line."""
    if not turn.paragraphs:
        return
    first = next(page for page in layout.pages if page.choices)
    last_lines = [line.text for line in wrap_paragraph(turn.paragraphs[-1], layout.content.width, layout.text_style)]
    on_page = [placed.line.text for placed in first.lines]
    assert on_page, f"{where}: the choices stand alone on a page"
    assert on_page[-len(last_lines):] == last_lines or on_page[-1] == last_lines[-1], f"{where}: the question is not with its choices"
    choices = sum(box.rect.height for page in layout.pages for box in page.choices)
    if len(last_lines) * layout.text_style.line_height + choices + layout.text_px * 3 < layout.content.height:
        assert on_page[-len(last_lines):] == last_lines, f"{where}: the last paragraph is split from its choices though both fit"


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_text_contrast_meets_the_theme_target(theme):
    need = theme.min_contrast
    for under in ((0, 0, 0), (255, 255, 255)):  # whatever the background behind the panel
        panel = blend(theme.panel, theme.panel_alpha, under)
        for name in ("text", "muted", "accent", "danger"):
            assert contrast(getattr(theme, name), panel) >= need, f"{theme.name}: {name} on the panel over {under}"
    for button in (theme.button, theme.button_hover):
        assert contrast(theme.button_text, button) >= need
        assert contrast(theme.accent, button) >= need
    assert contrast(theme.focus, theme.panel) >= 3.0  # a focus ring is a graphic: WCAG asks 3:1
    assert contrast(theme.button_edge, theme.panel) >= 3.0  # so is a button's edge


def test_high_contrast_reaches_7_to_1():
    assert THEMES["high_contrast"].min_contrast == 7.0
    assert contrast(THEMES["high_contrast"].text, THEMES["high_contrast"].panel) >= 7.0
