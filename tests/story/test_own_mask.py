"""Chapter 3's own-mask scene: the player prints their own face, finds its code by hand (window
and terminal), then keeps, scrambles or reports it; the story remembers, and `on_record` is the
ending only a report opens."""

from __future__ import annotations

import io

import pygame
import pytest

from game import paths
from game.engine import Phase, Runner, load_story
from game.mask.puzzle import MaskPuzzle
from game.textplay import TextPlayer
from tests.mask.test_inspection import corner
from tests.story.test_continuity import Path
from tests.ui.conftest import make_app  # noqa: F401 - the window fixture


@pytest.fixture(scope="module")
def story():
    loaded = load_story(paths.story_dir(), "story")
    assert loaded.ok
    return loaded.story


def chapter3(story) -> dict:
    return dict(story.chapter(3).values)


def test_the_code_names_the_twin_when_installed_and_the_booth_when_not(story):
    for scene, printer in (("c3_own_mask", "P-0318101"), ("c3_own_mask_booth", "P-7720046")):
        inspection = story.scenes[scene].inspect
        assert inspection.printer_label == printer
    installed = Path(story, {}, until="c3_own_mask")
    assert installed.order[-1] == "c3_own_mask"


def test_terminal_reads_the_code_then_reports_it(story):
    puzzle = MaskPuzzle(story.scenes["c3_own_mask"].inspect, story.assets)
    row, col = corner(puzzle)
    runner = Runner(story, seed=1)
    runner.restart(seed=1, scene="c3_own_mask", values=chapter3(story), chapter=3)
    out = io.StringIO()
    # a wrong corner (a hint), the right one, then "Report it" (the third choice), then quit
    TextPlayer(runner, None, out=out, inp=io.StringIO(f"{row + 1} {col}\n{row} {col}\n3\nq\n")).run()
    shown = out.getvalue()
    assert "top row" in shown
    assert "Printer P-0318101, printed 2021-10-20 at 21:12" in shown
    assert "Printer P-0318101: your left twin." in shown          # {code_printer} in the next scene
    assert runner.state.variables["code_choice"] == 3
    assert "complaint 0041-2210" in shown


def test_leaving_the_mask_unread_offers_only_keeping_it(story):
    runner = Runner(story, seed=1)
    runner.restart(seed=1, scene="c3_own_mask", values=chapter3(story), chapter=3)
    runner.choose(2)
    turn = runner.turn
    assert turn.scene.id == "c3_own_code"
    assert [c.text for c in turn.choices] == ["Keep it as it is. Wear it tomorrow."]
    assert runner.state.variables["code_read"] is False


def test_window_finds_the_code_and_scrambles_it(make_app, story):
    from tests.ui.conftest import press, settle

    app = make_app(story)
    app.session.start_at("c3_own_mask", chapter3(story), chapter=3, seed=1)
    app.push("scene")
    settle(app)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)                       # "Find the code in it." opens the loupe
    assert app.top.name == "inspect"
    screen = app.top
    press(app, pygame.K_1)                       # blue light
    target = corner(screen.puzzle)
    for key, axis, step in ((pygame.K_UP, 0, -1), (pygame.K_DOWN, 0, 1), (pygame.K_LEFT, 1, -1), (pygame.K_RIGHT, 1, 1)):
        while (screen.puzzle.frame[axis] - target[axis]) * step < 0:
            press(app, key)
    press(app, pygame.K_RETURN)
    assert screen.solved is not None and screen.solved.printer_label == "P-0318101"
    press(app, pygame.K_RETURN)                  # Continue: the first outcome
    runner = app.session.runner
    assert runner.state.scene == "c3_own_code" and runner.state.variables["code_printer"] == "P-0318101"
    for _ in range(5):                           # read on until the choices are on screen
        press(app, pygame.K_SPACE)
        if app.top.text_done and app.top.current.choices:
            break
    press(app, pygame.K_2)                       # Scramble it
    assert runner.state.variables["code_choice"] == 2
    assert runner.state.scene == "c3_code_scrambled"


def play_from_own_code(story, number: int, picks: dict[str, str]) -> Runner:
    """From the decision, choice `number`, then `picks` by words, else the first choice."""
    runner = Runner(story, seed=1)
    values = chapter3(story) | {"code_read": True, "code_printer": "P-0318101"}
    runner.restart(seed=1, scene="c3_own_code", values=values, chapter=3)
    runner.choose(number)
    for _ in range(200):
        turn = runner.turn
        if turn.phase is Phase.CONTINUING:
            runner.proceed()
        elif turn.phase is Phase.CHOOSING:
            wanted = picks.get(turn.scene.id)
            numbers = [c.number for c in turn.choices if wanted and wanted in c.text]
            runner.choose((numbers or [turn.choices[0].number])[0])
        else:
            break
    return runner


AUDIT = {"c3_qiao": "Leave my shop out", "c3_mum_night": "Go to bed", "c3_audit": "Give them the logs"}


def texts(runner: Runner) -> dict[str, str]:
    return {m.turn.scene.id: "\n".join(m.turn.paragraphs) for m in runner.transcript()}


def test_only_a_report_opens_on_record(story):
    reported = play_from_own_code(story, 3, AUDIT | {"c3_audit_back": "complaint upstairs"})
    assert reported.turn.ending.id == "on_record"
    assert "0041-2210" in texts(reported)["c3_zhou"]                 # Zhou has seen it
    for number in (1, 2):                                             # kept, scrambled
        other = play_from_own_code(story, number, AUDIT | {"c3_audit_back": "complaint upstairs"})
        assert other.turn.ending.id != "on_record"


def test_a_report_from_a_household_under_review_goes_nowhere(story):
    runner = Runner(story, seed=1)
    values = chapter3(story) | {"code_read": True, "code_printer": "P-0318101", "mum_priority": False}
    runner.restart(seed=1, scene="c3_own_code", values=values, chapter=3)
    runner.choose(3)
    while runner.turn.scene.id != "c3_audit_back" and runner.turn.phase in (Phase.CHOOSING, Phase.CONTINUING):
        turn = runner.turn
        if turn.phase is Phase.CONTINUING:
            runner.proceed()
            continue
        wanted = AUDIT.get(turn.scene.id, "")
        numbers = [c.number for c in turn.choices if wanted and wanted in c.text]
        runner.choose((numbers or [turn.choices[0].number])[0])
    assert "under review" in texts(runner)["c3_audit"]
    assert not any("complaint upstairs" in c.text for c in runner.turn.choices)


def test_scrambled_mask_is_read_at_the_audit_and_in_the_ending(story):
    runner = play_from_own_code(story, 2, AUDIT)
    seen = texts(runner)
    assert "NO CODE READ. GRID FILLED." in seen["c3_audit"]
    assert "IRREGULAR" in seen["c3_zhou"]
    assert "defaced" in seen[runner.turn.scene.id]
