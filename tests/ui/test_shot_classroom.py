"""`face-value shot --screen` draws classroom mode's screens, the inspection and help too, so
each can be looked at at projector size; a scene without what the screen shows is a one-line
error that names a scene that has it."""

from __future__ import annotations

import pygame
import pytest

from game.ui.shot import CLASSROOM
from tests.conftest import FIXTURES

from .test_shot import STAGED, shot

PROJECTOR = ["--size", "1920x1080", "--settings", "font=dyslexic", "--settings", "text_size=4", "--settings", "theme=high_contrast"]
SCENE_FOR = {"discussion": "street", "think_note": "street", "vote": "shop", "chapter_end": "street", "roads": "shop", "classroom": "shop"}


@pytest.mark.parametrize("screen", CLASSROOM + ("help",))
def test_each_classroom_screen_renders_at_projector_size(make_app, screen):
    from game.engine import load_story
    from game.ui.shot import draw_screen

    app = make_app(load_story(STAGED).story, size=(1920, 1080), data=screen)
    app.settings.font, app.settings.text_size, app.settings.theme = "dyslexic", 4, "high_contrast"
    draw_screen(app, app.story, screen, scene=SCENE_FOR.get(screen, "shop"), values={}, state=None)
    assert app.top.name == screen
    colours = {tuple(app.window.get_at((x, y))) for x in range(0, 1920, 9) for y in range(0, 1080, 9)}
    assert len(colours) > 3  # text drawn, not an empty panel


def test_shot_draws_a_classroom_screen_from_the_command_line(tmp_path):
    out = tmp_path / "vote.png"
    result = shot(STAGED, "--scene", "shop", "--screen", "vote", "--out", str(out), *PROJECTOR)
    assert result.returncode == 0, result.stderr
    assert pygame.image.load(str(out)).get_size() == (1920, 1080)


def test_the_inspection_screen_renders(make_app):
    from game.engine import load_story
    from game.ui.shot import draw_screen

    story = load_story(FIXTURES / "stories" / "inspect").story
    app = make_app(story)
    draw_screen(app, story, "inspect", scene="bench", values={}, state=None)
    assert app.top.name == "inspect" and app.top.puzzle.payload.printer_label == "P-0004217"


def test_a_discussion_of_a_scene_without_prompts_names_one_with_them(tmp_path):
    result = shot(STAGED, "--scene", "shop", "--screen", "discussion", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "needs a scene with a 'discuss:' prompt; scene 'shop' has none (for example --scene zhou_visit)" in result.stderr
