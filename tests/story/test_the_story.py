"""The story of Face Value keeps its promises: size, endings, remembered choices, discussion
prompts, chapter length, and clean checks. Figures are computed from the story files."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from game import paths
from game.engine import load_story, playtest
from game.engine.analysis import story_figures
from game.engine.playtest import story_starts
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def loaded():
    return load_story(paths.story_dir(), "story")


@pytest.fixture(scope="module")
def story(loaded):
    assert loaded.ok, [str(p) for p in loaded.problems.errors][:10]
    return loaded.story


@pytest.fixture(scope="module")
def report(story):
    return playtest(story, runs=2000, seed=1, max_steps=500, starts=story_starts(story))


def test_check_strict_is_clean(loaded):
    assert [str(p) for p in loaded.problems] == []


def test_size(story):
    figures = story_figures(story)
    assert figures["scenes"] >= 60
    assert figures["words"] >= 20_000
    assert figures["endings"] >= 6
    assert figures["choice_points_read_later"] >= 12
    assert figures["discussion_prompts"] >= 10
    assert figures["chapters"] == 3


@pytest.fixture(scope="module")
def reading_minutes(story):
    """tools/reading_time.py's medians (words at 150 a minute plus 10 s a choice), by label."""
    spec = importlib.util.spec_from_file_location("reading_time", ROOT / "tools" / "reading_time.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {label: module.summary(values)["median"] for label, values in module.measure(story, 900, 1).items()}


# Chapter 3 joins this list when its cut lands (issue 8, section 5): today it reads in about 19.
@pytest.mark.parametrize("chapter", [1, 2])
def test_a_chapter_fits_a_lesson_at_150_words_a_minute_and_10_seconds_a_choice(reading_minutes, chapter):
    for how in ("in a whole playthrough", "started alone"):
        minutes = reading_minutes[f"chapter {chapter} {how}"]
        assert 12 <= minutes <= 15, f"chapter {chapter} {how} reads in {minutes} minutes"


def test_random_play_reaches_every_ending_and_scene_without_errors(report, story):
    assert report.errors == []
    assert set(report.endings) == set(story.endings)
    assert report.scene_coverage == 1.0, sorted(set(story.scenes) - report.visited)
    assert report.unfinished == 0


def _prove_endings():
    """tools/prove_endings.py: the exhaustive search through the Runner (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("prove_endings", ROOT / "tools" / "prove_endings.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("prove_endings", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def proof(story):
    return _prove_endings().prove(story, 3)


def test_chapters_one_and_two_decide_which_endings_are_open(proof, story):
    """From every chapter-3 starting state real play reaches, at most half of the endings are
    still open, and every ending is closed by some chapter 1-2 play: each depends on it."""
    assert proof.stuck == []
    assert proof.endings_anywhere == set(story.endings)
    assert len(proof.entry_states) > 1
    assert max(len(open_) for open_ in proof.open_endings) * 2 <= len(story.endings)
    for ending in story.endings:
        assert any(ending in open_ for open_ in proof.open_endings) or ending in proof.early_endings, ending
        assert any(ending not in open_ for open_ in proof.open_endings), f"{ending} is open whatever chapters 1-2 did"


def test_chapter_three_started_alone_keeps_more_than_one_ending_open(story):
    chapter = story.chapter(3)
    ending_ids = set()
    runs = playtest(story, runs=600, seed=3, max_steps=200, starts=story_starts(story, 3))
    ending_ids |= set(runs.endings)
    assert 2 <= len(ending_ids) <= len(story.endings) // 2, (chapter.values, ending_ids)


def test_every_scene_has_a_place_and_most_have_someone(story):
    for scene in story.scenes.values():
        assert scene.chapter is not None, scene.id
    first_scenes = [story.scenes[c.start] for c in story.chapters]
    assert all(s.stage.background and s.stage.music for s in first_scenes)
    speaking = sum(1 for s in story.scenes.values() if s.stage.speaker)
    assert speaking >= len(story.scenes) // 3


def test_pressing_one_always_reaches_an_ending(story):
    from game.engine import Phase, Runner
    runner = Runner(story, seed=0)
    for _ in range(500):
        turn = runner.turn
        if turn.phase is Phase.ENDED:
            break
        runner.proceed() if turn.phase is Phase.CONTINUING else runner.choose(1)
    assert runner.turn.phase is Phase.ENDED
