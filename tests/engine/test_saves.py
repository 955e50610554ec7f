"""Saves: versioned JSON, atomic, and every bad save gets a clear message and loses nothing."""

from __future__ import annotations

import json

import pytest

from game.engine import Runner, SaveError, SaveStore, load_story
from tests.conftest import FIXTURES, write_files


@pytest.fixture
def lane():
    return load_story(FIXTURES / "stories" / "lane").story


@pytest.fixture
def store(tmp_path, lane):
    return SaveStore(tmp_path / "saves", lane)


def played(lane) -> Runner:
    runner = Runner(lane, seed=5)
    runner.choose(2)
    runner.proceed()
    return runner


def test_save_is_versioned_json_with_the_story_identity(store, lane):
    path = store.write("1", played(lane).state, {"scene_title": "The shop"})
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "face-value-save" and document["version"] == 1
    assert document["story"] == {"id": "the-lane", "title": "The Lane"}
    assert document["state"]["scene"] == "shop"
    assert document["state"]["variables"]["trust"] == 60
    assert document["info"] == {"scene_title": "The shop"}


def test_save_then_load_restores_scene_variables_and_undo(store, lane):
    runner = played(lane)
    store.write("2", runner.state)
    again = Runner(lane)
    again.restore(store.read("2").state)
    assert again.turn.paragraphs == runner.turn.paragraphs
    assert again.state.variables == runner.state.variables
    assert again.undo() and again.state.scene == "guo"
    assert again.undo() and again.state.scene == "shop" and not again.undo()


def test_writing_leaves_no_temporary_files(store, lane):
    for _ in range(3):
        store.write("1", played(lane).state)
    assert sorted(p.name for p in store.folder.iterdir()) == ["1.json"]


def test_failed_write_keeps_the_old_save(store, lane, monkeypatch):
    store.write("1", played(lane).state)
    before = store.path("1").read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(SaveError, match="No space left on device"):
        store.write("1", Runner(lane).state)
    assert store.path("1").read_bytes() == before
    assert sorted(p.name for p in store.folder.iterdir()) == ["1.json"]


@pytest.mark.parametrize("content, message", [
    (b"{not json", "the save is corrupt: it is not valid JSON (line 1, column 2"),
    (b"\xff\xfe\x00garbage", "the save is corrupt: it is not UTF-8 text"),
    (b"[1, 2, 3]", "this is not a Face Value save"),
    (b'{"format": "face-value-save", "version": 99}', "made by a newer version of the game (save format 99"),
    (b'{"format": "face-value-save", "version": 1, "story": {"id": "other", "title": "Other Tale"}}', "belongs to the story 'Other Tale', not 'The Lane'"),
    (b'{"format": "face-value-save", "version": 1, "story": {"id": "the-lane"}, "state": {"scene": "roof"}}', "scene 'roof', which no longer exists"),
    (b'{"format": "face-value-save", "version": 1, "story": {"id": "the-lane"}, "state": {"variables": 3}}', "the save is damaged"),
])
def test_bad_saves_get_a_message_naming_the_file_and_nothing_is_touched(store, lane, content, message):
    store.write("1", played(lane).state)
    good = store.path("1").read_bytes()
    store.folder.joinpath("7.json").write_bytes(content)
    with pytest.raises(SaveError) as caught:
        store.read("7")
    assert str(caught.value).startswith(str(store.path("7")))
    assert message in caught.value.message
    assert store.path("7").read_bytes() == content
    assert store.path("1").read_bytes() == good
    assert [s.slot for s in store.slots() if s.error] == ["7"]


def test_variables_added_since_the_save_take_their_defaults(tmp_path, lane):
    store = SaveStore(tmp_path / "saves", lane)
    store.write("1", played(lane).state)
    folder = write_files(tmp_path / "lane2", {p.name: p.read_text() for p in (FIXTURES / "stories" / "lane").iterdir()})
    (folder / "story.yaml").write_text((folder / "story.yaml").read_text() + "  courage: 3\n")
    newer = load_story(folder).story
    loaded = SaveStore(tmp_path / "saves", newer).read("1")
    assert loaded.state.variables["courage"] == 3
    assert loaded.state.variables["trust"] == 60


def test_missing_slot_and_bad_slot_names(store):
    with pytest.raises(SaveError, match="there is no save in slot '4'"):
        store.read("4")
    with pytest.raises(ValueError, match="not a save slot name"):
        store.read("../etc/passwd")


def test_history_that_no_longer_replays_keeps_the_state_and_says_so(store, lane, tmp_path):
    runner = played(lane)
    state = runner.state
    state.history[0] = type(state.history[0])("shop", 3, "Close the shop")  # a choice that leads elsewhere now
    again = Runner(lane)
    notes = again.restore(state)
    assert notes == ["the story has changed since this save, so undo starts from here"]
    assert again.state.scene == "shop" and not again.can_undo
