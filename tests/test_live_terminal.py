"""The writer's tools from the command line: `d` and `g SCENE` in the terminal player through
piped input, --watch reloading before a prompt, and `play --scene/--set` with one-line errors."""

from __future__ import annotations

import io
import shutil

import pytest

from game.cli import main
from game.engine import Runner, load_story
from game.live import LiveStory
from game.textdebug import TextDebug
from game.textplay import TextPlayer
from tests.conftest import FIXTURES
from tests.test_cli import face_value

LANE = FIXTURES / "stories" / "lane"


@pytest.fixture
def lane_copy(tmp_path):
    return shutil.copytree(LANE, tmp_path / "lane")


def test_d_and_g_through_piped_input(tmp_path, lane_copy):
    result = face_value("play", "--text", "--debug", "lane", "--seed", "1", "--save-dir", str(tmp_path / "saves"),
                        stdin="1\nd\ng wron\ng worn\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "scene installed (lane/shop.yaml:24:3)" in out
    assert "  compliance = 70  *" in out and "  has_mask   = false" in out
    assert "visits: shop 1, installed 1" in out
    assert "there is no scene 'wron' (did you mean 'worn'?)" in out
    assert "(went to worn; undo starts here)" in out
    assert out.rstrip().endswith("*** Ending: Model Citizen ***")


def test_help_lists_the_debugging_commands_only_in_debug_mode(capsys):
    story = load_story(LANE).story
    for tools, expected in ((False, False), (True, True)):
        player = TextPlayer(Runner(story), None, out=io.StringIO(), inp=io.StringIO("h\nq\n"))
        player.tools = TextDebug(player, None) if tools else None
        player.run()
        assert ("g SCENE goes to a scene" in player.out.getvalue()) is expected


class EditingInput(io.StringIO):
    """Piped input that edits the story just before a chosen line is read, as a writer saving
    a file between two moves would."""

    def __init__(self, text: str, edits: dict):
        super().__init__(text)
        self.edits, self.reads = edits, 0

    def readline(self, *args):
        self.reads += 1
        if self.reads in self.edits:
            self.edits[self.reads]()
        return super().readline(*args)


def edit(folder, old: str, new: str) -> None:
    path = folder / "shop.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_watch_reloads_before_the_next_prompt_and_survives_a_broken_save(lane_copy):
    story = load_story(lane_copy, "lane").story
    out = io.StringIO()
    inp = EditingInput("1\n\n\n1\n", {
        2: lambda: edit(lane_copy, "in grey resin", "in white resin"),     # saved while 'installed' waits
        3: lambda: edit(lane_copy, "goto: worn", "goto: wron"),            # a broken save
    })
    player = TextPlayer(Runner(story, seed=1), None, out=out, inp=inp)
    player.tools = TextDebug(player, LiveStory(lane_copy, "lane", watch=True))
    assert player.run() == 0
    text = out.getvalue()
    assert "(story reloaded in " in text
    assert "Your own face, in white resin, on the shelf." in text
    assert "lane/shop.yaml:35:15: error: 'goto' in scene 'printed' names unknown scene 'wron' (did you mean 'worn'?)" in text
    assert "(the edited story has 1 error: still playing the last version that loaded)" in text
    assert text.rstrip().endswith("*** Ending: Model Citizen ***")   # the last good story played on


def test_scene_and_set_start_there_with_those_values(tmp_path):
    result = face_value("play", "--text", str(LANE), "--scene", "guo", "--set", "trust=12", "--set", "name=Mei",
                        "--save-dir", str(tmp_path), stdin="q\n")
    assert result.returncode == 0, result.stderr
    assert 'Guo taps the counter. "Trust is 22 around here, and it goes down fast."' in result.stdout  # 12, then guo's +10
    assert "The firmware notice" not in result.stdout


def test_scene_typo_is_one_line_with_exit_2(tmp_path):
    result = face_value("play", "--text", str(LANE), "--scene", "wron", "--save-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == "face-value: error: --scene: there is no scene 'wron' (did you mean 'worn'?)\n"
    assert result.stdout == ""


@pytest.mark.parametrize("args, message", [
    (["--set", "trust=lots"], "--set: trust holds a whole number, and 'lots' is not one"),
    (["--set", "trusty=3"], "--set: there is no variable 'trusty' (did you mean 'trust'?)"),
    (["--set", "has_mask"], "--set: 'has_mask' is not name=value"),
    (["--scene", "worn", "--load", "1"], "--scene and --set start a new playthrough; they cannot be used with --load"),
])
def test_bad_scene_and_set_arguments_are_usage_errors(capsys, tmp_path, args, message):
    code = main(["play", "--text", str(LANE), "--save-dir", str(tmp_path), *args])
    out, err = capsys.readouterr()
    assert code == 2 and err == f"face-value: error: {message}\n" and out == ""


def test_set_with_a_chapter_goes_over_the_chapter_values(tmp_path):
    staged = str(FIXTURES / "stories" / "staged")           # chapter 2 starts with met_zhou: true
    plain = face_value("play", "--text", staged, "--chapter", "2", "--save-dir", str(tmp_path))
    overridden = face_value("play", "--text", staged, "--chapter", "2", "--set", "met_zhou=false", "--save-dir", str(tmp_path))
    assert plain.returncode == overridden.returncode == 0
    assert "Zhou's car is parked at the end." in plain.stdout
    assert "The lane at night." in overridden.stdout and "Zhou's car" not in overridden.stdout
