"""`inspect: mask`: the format, the terminal and the window all let a player find the code by hand."""

from __future__ import annotations

import io
import shutil

import pygame
import pytest

from game.engine import Runner, load_story
from game.mask import dots
from game.mask.puzzle import MaskPuzzle
from game.textplay import TextPlayer
from tests.conftest import FIXTURES
from tests.ui.conftest import make_app  # noqa: F401 - the window fixture

STORY = FIXTURES / "stories" / "inspect"


@pytest.fixture(scope="module")
def story():
    result = load_story(STORY)
    assert result.ok, result.problems.sorted()
    return result.story


def copy_story(tmp_path):
    """The fixture story in a scratch folder, its assets still the game's own."""
    from game import paths

    folder = tmp_path / "story"
    shutil.copytree(STORY, folder)
    meta = folder / "story.yaml"
    meta.write_text(meta.read_text().replace("assets: ../../../../assets", f"assets: {paths.assets_dir()}"))
    return folder


def corner(puzzle: MaskPuzzle) -> tuple[int, int]:
    """A block's top-left cell fully on the print (what a careful player finds)."""
    for row in range(0, puzzle.rows - dots.TILE + 1, dots.TILE):
        for col in range(0, puzzle.cols - dots.TILE + 1, dots.TILE):
            if puzzle.printed[row:row + dots.TILE, col:col + dots.TILE].all():
                return row, col
    raise AssertionError("no whole block on the print")


def test_puzzle_hints_then_reads_the_story_printer(story):
    puzzle = MaskPuzzle(story.scenes["bench"].inspect, story.assets)
    row, col = corner(puzzle)
    puzzle.place(row + 1, col)
    wrong = puzzle.check()
    assert not wrong.correct and "top row" in wrong.hint
    puzzle.place(0, 0)
    assert "off the print" in puzzle.check().hint
    puzzle.place(row, col)
    right = puzzle.check()
    assert right.correct and right.payload.printer_label == "P-0004217"
    assert (right.payload.date_text, right.payload.time_text) == ("2021-03-14", "21:40")


def test_terminal_inspection_hint_then_read_sets_the_story_variables(story, tmp_path):
    puzzle = MaskPuzzle(story.scenes["bench"].inspect, story.assets)
    row, col = corner(puzzle)
    out = io.StringIO()
    runner = Runner(story, seed=1)
    TextPlayer(runner, None, out=out, inp=io.StringIO(f"{row + 2} {col}\n{row} {col}\n1\n")).run()
    shown = out.getvalue()
    assert "o a dot" in shown and "Decoder card" in shown
    assert "top row" in shown                                   # the hint after the wrong try
    assert "Printer P-0004217, printed 2021-03-14 at 21:40" in shown
    assert "Printer P-0004217. Your own machine" in shown      # {code_printer} in the next scene
    assert runner.state.variables["code_read"] is True


def test_terminal_player_can_leave_the_mask(story):
    out = io.StringIO()
    runner = Runner(story, seed=1)
    TextPlayer(runner, None, out=out, inp=io.StringIO("2\n2\n")).run()
    assert runner.state.variables["code_read"] is False
    assert "The mask sits on the bench" in out.getvalue()


@pytest.mark.parametrize("yaml,code", [
    ("inspect: glove", "unknown-inspect"),
    ("inspect: {kind: mask, printer: lots}", "bad-printer"),
    ("inspect: {kind: mask, printed: yesterday}", "bad-time"),
    ("inspect: {kind: mask, face: nobody}", "missing-asset"),
    ("inspect: {kind: mask, colour: red}", "unknown-key"),
])
def test_bad_inspect_keys_are_located_errors(tmp_path, yaml, code):
    folder = copy_story(tmp_path)
    path = folder / "scenes.yaml"
    text = path.read_text()
    start = text.index("    inspect:")
    end = text.index("    choices:", start)
    path.write_text(text[:start] + "    " + yaml + "\n" + text[end:])
    result = load_story(folder, "story")
    found = [p for p in result.problems.errors if p.code == code]
    assert found, result.problems.sorted()
    assert found[0].place.path.endswith("scenes.yaml") and found[0].place.line == 4


def test_an_inspection_needs_its_two_outcomes(tmp_path):
    folder = copy_story(tmp_path)
    path = folder / "scenes.yaml"
    text = path.read_text()
    path.write_text(text.replace("      - text: Put it down\n        goto: decide\n", ""))
    result = load_story(folder, "story")
    assert [p.code for p in result.problems.errors] == ["inspect-choices"]


def test_window_inspection_by_keyboard_alone(make_app, story):
    from tests.ui.conftest import press, settle

    for size in ((1024, 600), (1920, 1080)):
        app = make_app(story, size=size, data=f"d{size[0]}")
        app.session.new_game(seed=1)
        app.push("scene")
        settle(app)
        press(app, pygame.K_SPACE)
        press(app, pygame.K_1)                       # "Read the code" opens the loupe, chooses nothing yet
        assert app.top.name == "inspect"
        assert app.session.runner.state.scene == "bench"
        screen = app.top
        press(app, pygame.K_1)                       # blue light on
        assert screen.blue
        target = corner(screen.puzzle)
        press(app, pygame.K_RETURN)                  # the frame starts off any corner: a hint
        assert screen.solved is None and screen.message
        while screen.puzzle.frame[0] > target[0]:
            press(app, pygame.K_UP)
        while screen.puzzle.frame[0] < target[0]:
            press(app, pygame.K_DOWN)
        while screen.puzzle.frame[1] > target[1]:
            press(app, pygame.K_LEFT)
        while screen.puzzle.frame[1] < target[1]:
            press(app, pygame.K_RIGHT)
        press(app, pygame.K_RETURN)
        assert screen.solved is not None and screen.solved.printer_label == "P-0004217"
        app.draw()
        pygame.image.save(app.window, f"/tmp/inspect-{size[0]}.png")
        press(app, pygame.K_RETURN)                  # Continue: the first outcome
        assert app.top.name == "scene"
        assert app.session.runner.state.scene == "decide"
        assert app.session.runner.state.variables["code_printer"] == "P-0004217"


def test_window_leave_takes_the_second_outcome(make_app, story):
    from tests.ui.conftest import press, settle

    app = make_app(story)
    app.session.new_game(seed=1)
    app.push("scene")
    settle(app)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)
    press(app, pygame.K_3)                           # Leave it
    assert app.top.name == "scene"
    assert app.session.runner.state.variables["code_read"] is False
    assert app.session.runner.state.scene == "decide"


def test_the_print_saved_from_the_loupe_is_read_by_mask_read_as_png_jpeg_and_a_phone_photo(make_app, story, tmp_path):
    """Issue 12's promise: the mask a player prints in the game can be taken out of it and read
    with `face-value mask read`, lossless, as a JPEG, and as a photo held at an angle."""
    import subprocess
    import sys

    import numpy as np

    from game.mask.imageio import encode_jpeg, load_image, save_image
    from tests.support import distortions
    from tests.ui.conftest import press, settle

    app = make_app(story)
    app.session.new_game(seed=1)
    app.push("scene")
    settle(app)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)                           # open the loupe
    press(app, pygame.K_4)                           # Save the print, before reading it
    saved = sorted((tmp_path / "data" / "masks").glob("mask-P-0004217-*.png"))
    assert len(saved) == 1 and "Saved the print" in app.toast_text
    assert app.top.name == "inspect" and app.session.runner.state.scene == "bench"  # nothing chosen

    rgb = load_image(saved[0])
    rng = np.random.default_rng(12)
    (tmp_path / "mask.jpg").write_bytes(encode_jpeg(rgb, 60))
    save_image(distortions.perspective(rgb, rng), tmp_path / "angled.png")
    for path in (saved[0], tmp_path / "mask.jpg", tmp_path / "angled.png"):
        result = subprocess.run([sys.executable, "-m", "game", "mask", "read", str(path)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "P-0004217" in result.stdout, (path.name, result.stdout)
