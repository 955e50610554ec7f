"""A scene's `mood:` picks its speaker's face; check names a face that does not exist at its line."""

from __future__ import annotations

import shutil

from game.engine import Runner, load_story
from tests.conftest import FIXTURES

STAGED = FIXTURES / "stories" / "staged"


def staged_with_moods(tmp_path, mood: str, speaker: str = "zhou"):
    """The staged story with a stern face for Zhou, and `mood:` in the scene where he speaks."""
    folder = shutil.copytree(STAGED, tmp_path / "staged")
    faces = folder / "assets" / "portraits" / "zhou"
    faces.mkdir()
    shutil.copy(folder / "assets" / "portraits" / "zhou.png", faces / "stern.png")
    scenes = folder / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("    speaker: zhou\n", f"    speaker: {speaker}\n    mood: {mood}\n", 1))
    return folder


def problems(folder) -> list[str]:
    return [str(p) for p in load_story(folder, "staged").problems.sorted()]


def test_a_mood_shows_that_face_of_the_speaker(tmp_path):
    story = load_story(staged_with_moods(tmp_path, "stern")).story
    runner = Runner(story)
    runner.choose(1)
    assert runner.turn.portrait == "portraits/zhou/stern.png"
    assert story.asset_path(runner.turn.portrait).is_file()


def test_neutral_is_the_plain_portrait(tmp_path):
    story = load_story(staged_with_moods(tmp_path, "neutral")).story
    runner = Runner(story)
    runner.choose(1)
    assert runner.turn.portrait == "portraits/zhou.png"


def test_an_unknown_mood_is_reported_at_its_line_with_a_suggestion(tmp_path):
    found = problems(staged_with_moods(tmp_path, "sterm"))
    assert found == ["staged/scenes.yaml:15:11: error: 'mood' in scene 'zhou_visit': 'zhou' has no 'sterm' face "
                     "(no portraits/zhou/sterm.png) (did you mean 'stern'?)"]


def test_an_unknown_mood_with_nothing_close_lists_the_faces_there_are(tmp_path):
    found = problems(staged_with_moods(tmp_path, "furious"))
    assert len(found) == 1 and found[0].endswith("(zhou has: neutral, stern)")


def test_a_mood_is_a_name_never_a_path(tmp_path):
    found = problems(staged_with_moods(tmp_path, "../zhou"))
    assert len(found) == 1 and "'zhou' has no '../zhou' face" in found[0]


def test_a_mood_for_a_speaker_without_a_portrait_is_an_error(tmp_path):
    found = problems(staged_with_moods(tmp_path, "cross", speaker="guo"))
    assert found == ["staged/scenes.yaml:15:11: error: scene 'zhou_visit' has a mood but no portrait to show it "
                     "(give the scene a speaker with a portrait)"]


def test_every_mood_in_the_game_has_its_picture():
    result = load_story(FIXTURES.parents[1] / "story")
    assert result.ok, [str(p) for p in result.problems]
    faces = {s.stage.portrait for s in result.story.scenes.values() if s.stage.portrait}
    assert "portraits/tang_yue/hurt.png" in faces and all(result.story.asset_path(f).is_file() for f in faces)
