"""The window's own files (settings, the endings gallery) and session records: a broken one
never keeps the window from opening; it is set aside (renamed, never deleted) with a one-line
notice, and defaults are used. One wrong setting falls back to its own default only."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from game.classroom.record import RecordError, list_records, read_record, records_on
from game.engine import load_story
from game.ui.settings import Settings, SettingsFile
from tests.conftest import FIXTURES, ROOT

STAGED = FIXTURES / "stories" / "staged"


@pytest.fixture
def staged():
    yield load_story(STAGED).story
    if "pygame" in sys.modules:
        sys.modules["pygame"].quit()


def open_window(staged, data):
    from game.ui.app import App

    return App(staged, data_dir=data, save_dir=data / "saves")


def test_one_setting_of_the_wrong_type_takes_its_default_and_the_rest_are_kept(tmp_path, staged):
    (tmp_path / "settings.json").write_text(json.dumps({"version": 1, "text_speed": [], "theme": "high_contrast", "music_volume": "loud"}))
    app = open_window(staged, tmp_path)
    assert app.settings.text_speed == "normal" and app.settings.music_volume == 7
    assert app.settings.theme == "high_contrast"
    assert app.toast_text.startswith(f"settings file {tmp_path / 'settings.json'}: text_speed, music_volume had a value that is not valid")


@pytest.mark.parametrize("content", [b"[" * 100_000 + b"]" * 100_000, b'{"a": ' * 70 + b"1" + b"}" * 70, b"[1, 2]", b"{broken", b'{"text_size": NaN}', b"\xff\xfe"])
def test_a_settings_file_that_is_no_settings_is_set_aside(tmp_path, staged, content):
    (tmp_path / "settings.json").write_bytes(content)
    app = open_window(staged, tmp_path)
    assert app.settings == Settings()
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert "could not be read" in app.toast_text and f"kept as {kept[0].name}" in app.toast_text


def test_a_deeply_nested_gallery_is_set_aside_and_a_new_one_begins(tmp_path, staged):
    path = tmp_path / "gallery-staged.json"
    path.write_bytes(b'{"endings": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    app = open_window(staged, tmp_path)
    assert app.session.gallery.endings == {}
    assert [p.name.split(".broken-")[0] for p in tmp_path.glob("*.broken-*")] == ["gallery-staged.json"]
    app.session.gallery.record("night", "Night", 1)
    assert json.loads(path.read_text())["endings"]["night"]["times"] == 1


def test_gallery_entries_of_the_wrong_type_are_retyped(tmp_path, staged):
    path = tmp_path / "gallery-staged.json"
    path.write_text(json.dumps({"endings": {"night": {"title": 3, "times": "many", "playthroughs": "x"}, "odd": []}}))
    app = open_window(staged, tmp_path)
    assert app.session.gallery.endings == {"night": {"title": "", "first_reached": "", "times": 1, "playthroughs": []}}
    assert app.session.gallery.record("night", "Night", 4) is False


def test_a_fifo_for_settings_or_gallery_does_not_hang_the_window(tmp_path):
    """In a child process, so that a regression shows as a timeout, not a stuck test run."""
    os.mkfifo(tmp_path / "settings.json")
    os.mkfifo(tmp_path / "gallery-staged.json")
    program = (
        "import sys; from pathlib import Path; from game.engine import load_story; from game.ui.app import App; "
        f"app = App(load_story(Path({str(STAGED)!r})).story, data_dir=Path({str(tmp_path)!r})); print(app.settings.theme)"
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0 and result.stdout.strip() == "default", result.stderr
    assert sorted(p.name.split(".broken-")[0] for p in tmp_path.glob("*.broken-*")) == ["gallery-staged.json", "settings.json"]


def test_settings_file_readers_never_block_on_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "settings.json")
    assert records_on(tmp_path) is True
    assert SettingsFile(tmp_path / "settings.json").load() == Settings()


@pytest.mark.parametrize("make, words", [
    (lambda p: os.mkfifo(p), "not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
    (lambda p: p.write_bytes(b"[" * 100_000), "nested 100000 levels deep"),
    (lambda p: p.write_text('{"format": "face-value-session", "version": 1, "choices": [], "endings": [], "measures": [], "chapter_ends": [], "roads": []}'), "'session' is missing"),
])
def test_a_broken_session_record_is_one_line_and_never_hangs(tmp_path, make, words):
    path = tmp_path / "s.json"
    make(path)
    with pytest.raises(RecordError) as caught:
        read_record(path)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_dangling_link_among_session_records_is_listed_not_a_crash(tmp_path):
    (tmp_path / "gone.json").symlink_to(tmp_path / "nothing")
    assert list_records(tmp_path) == [tmp_path / "gone.json"]


def test_the_load_screen_lists_special_files_as_unloadable_and_loads_the_good_slot(tmp_path, staged):
    from game.engine import Runner, SaveStore
    from game.ui.input import Act, Intent

    saves = tmp_path / "saves"
    SaveStore(saves, staged).write("2", Runner(staged, seed=2).state)
    os.mkfifo(saves / "1.json")
    (saves / "3.json").symlink_to("/dev/zero")
    (saves / "4.json").write_text('{"format": "face-value-save", "version": 1, "story": {"id": "staged"}, "info": [], "state": {}}')
    app = open_window(staged, tmp_path)
    app.push("title")
    app.push("slots", saving=False)
    app.draw()
    screen = app.top
    assert screen.card_lines(screen.slots["1"], "1") == ["Cannot be loaded:", "cannot read the save: it is not a regular file"]
    assert screen.slots["3"].error == "cannot read the save: the path leads outside its folder"
    assert screen.slots["4"].error.startswith("the save is damaged (its info is not an object)")
    screen.handle(Intent(Act.CHOOSE, number=1))
    assert "cannot be loaded" in app.toast_text
    screen.handle(Intent(Act.CHOOSE, number=2))
    assert app.top.name == "scene"
