"""Fuzz campaigns for the files the game reads back: saves, settings and the endings gallery.

Every load path of a save (a slot read, as `--load`, `l SLOT` and the window's Load do; the
slot list, as `l` and the Load screen do; a save file read by path, as `shot --save` does; and
the runner restoring what was read) gives a SaveError naming the file, or a save the story can
use: measures within their range, every value of its declared type and the story's range, stage
names inside the assets folder. The good save beside the broken one always still loads, byte for
byte unchanged. Settings and gallery files never raise; a broken one is set aside, never deleted.

FACE_VALUE_FUZZ unset: a quick seeded run (part of `make test`); FACE_VALUE_FUZZ=long: 10,000
inputs per campaign; a number: that many. FACE_VALUE_FUZZ_SEED picks another seed. Each
campaign prints one summary line (inputs, crashes, hangs, saves lost) with `pytest -s`."""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import time
from pathlib import Path

import pytest

from game.engine import Runner, SaveError, SaveStore, StoryRuntimeError, load_story, read_save_file
from game.engine.assets import resolve_inside
from game.engine.expr import MAX_NUMBER, MAX_TEXT, type_of
from game.gallery import Gallery
from game.ui.settings import Settings, SettingsFile, _valid
from tests.conftest import FIXTURES

HANG_SECONDS = 10  # a bound for "never hangs", not a speed target


def _size() -> int:
    wanted = os.environ.get("FACE_VALUE_FUZZ", "")
    if wanted == "long":
        return 10_000
    if wanted.isdigit():
        return int(wanted)
    return 300


INPUTS = _size()
SEED = int(os.environ.get("FACE_VALUE_FUZZ_SEED", "20261202"))


class Hang(Exception):
    pass


class Deadline:
    """Interrupts the work inside it after HANG_SECONDS (a blocking read included)."""

    def __enter__(self):
        def fire(signum, frame):
            raise Hang()
        self.before = signal.signal(signal.SIGALRM, fire)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.before)
        return False


class Campaign:
    """Counts inputs, crashes, hangs and lost saves; keeps the first few failures to show."""

    def __init__(self, name: str):
        self.name = name
        self.inputs = self.crashes = self.hangs = self.lost = 0
        self.failures: list[str] = []
        self.began = time.perf_counter()

    def run(self, what: str, check) -> None:
        self.inputs += 1
        try:
            with Deadline():
                check()
        except Hang:
            self.hangs += 1
            self._keep(f"HANG {what}")
        except Lost as exc:
            self.lost += 1
            self._keep(f"LOST {what}: {exc}")
        except Exception as exc:  # noqa: BLE001 - counting them is the point
            self.crashes += 1
            self._keep(f"{what}: {type(exc).__name__}: {exc}"[:300])

    def _keep(self, text: str) -> None:
        if len(self.failures) < 12:
            self.failures.append(text)

    def summary(self) -> str:
        return (f"{self.name}: {self.inputs:,} inputs, {self.crashes} crashes, {self.hangs} hangs, "
                f"{self.lost} saves lost ({time.perf_counter() - self.began:.1f} s, seed {SEED})")

    def verdict(self) -> None:
        print("\n" + self.summary())
        assert (self.crashes, self.hangs, self.lost) == (0, 0, 0), "\n".join(self.failures)


class Lost(Exception):
    """The good save beside a broken one no longer loads, or changed."""


# --- building inputs ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def staged():
    return load_story(FIXTURES / "stories" / "staged").story


def good_document(story, folder: Path) -> dict:
    runner = Runner(story, seed=7)
    runner.choose(1)
    runner.proceed()
    path = SaveStore(folder, story).write("template", runner.state, {"scene_title": "Street", "chapter": 1, "steps": 2})
    document = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    return document


HOSTILE_VALUES = [
    None, True, False, 0, -1, 1.5, 99999, -99999, 10**15 + 1, 1e308, -1e308, 2**64, 10**4000,
    "", "x" * 20_000, "\ud800", "../../../../etc/shadow", "/etc/passwd", "backgrounds/../../../x.png",
    "bad\x00name", "a" * 300, [], [1, 2], {}, {"a": 1}, "NaN", "1e999",
]
TEXT_ATTACKS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 5000, "9" * 4000, "[" * 100_000 + "]" * 100_000]


def _nodes(value, path=()):
    """Every (path, value) in a JSON tree."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, path + (index,))


def _set(document, path, value):
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def mutated_save(rng: random.Random, document: dict) -> tuple[str, bytes]:
    """One broken save: a kind of damage and the bytes."""
    text = json.dumps(document, indent=1, ensure_ascii=False)
    raw = text.encode("utf-8")
    kind = rng.choice(["truncate", "flip", "swap", "swap", "swap", "text", "version", "measure", "stage", "unknown", "delete", "info", "nest"])
    if kind == "truncate":
        return kind, raw[: rng.randrange(len(raw))]
    if kind == "flip":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return kind, bytes(data)
    tree = copy.deepcopy(document)
    if kind == "swap":
        path, _ = rng.choice([n for n in _nodes(tree) if n[0]])
        _set(tree, path, copy.deepcopy(rng.choice(HOSTILE_VALUES)))
    elif kind == "text":
        numbers = [path for path, value in _nodes(tree) if path and type_of(value) in ("int", "float")]
        marker = "__ATTACK__"
        _set(tree, rng.choice(numbers), marker)
        return kind, json.dumps(tree).replace(f'"{marker}"', rng.choice(TEXT_ATTACKS)).encode()
    elif kind == "version":
        tree["version"] = rng.choice([0, 2, -1, "1", True, 1.0, 10**30, None, [1]])
    elif kind == "measure":
        for where in (tree["state"]["variables"], tree["state"]["origin"]["variables"]):
            where[rng.choice(["compliance", "trust"])] = rng.choice([99999, -99999, 100.5, -0.5, 1e300, 10**15, "high", True, None])
    elif kind == "stage":
        tree["state"]["stage"][rng.choice(["background", "music", "portrait"])] = rng.choice(HOSTILE_VALUES)
    elif kind == "unknown":
        tree["state"]["variables"][rng.choice(["__class__", "x" * 200, "new_var", "\ud800"])] = rng.choice(HOSTILE_VALUES)
    elif kind == "delete":
        path, _ = rng.choice([n for n in _nodes(tree) if n[0]])
        parent = tree
        for part in path[:-1]:
            parent = parent[part]
        del parent[path[-1]]
    elif kind == "info":
        tree["info"] = rng.choice(["a text", [1, 2], 7, None, {"scene_title": ["x"]}, {"chapter": 10**40}, {"k": "\ud800"}])
    elif kind == "nest":
        path, _ = rng.choice([n for n in _nodes(tree) if n[0]])
        depth = rng.choice([65, 1000, 100_000])
        nested = "[" * depth + "]" * depth
        marker = "__NEST__"
        _set(tree, path, marker)
        return kind, json.dumps(tree).replace(f'"{marker}"', nested).encode()
    return kind, json.dumps(tree, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


# --- checking one input ---------------------------------------------------------------------

def check_usable(story, loaded) -> None:
    """A loaded save is one the story can play: declared variables only, each of its type
    and range, measures clamped, stage names inside the assets folder."""
    state = loaded.state
    assert set(state.variables) == set(story.variables)
    for name, value in state.variables.items():
        variable = story.variables[name]
        assert type_of(value) == variable.type, (name, value)
        assert -MAX_NUMBER <= value <= MAX_NUMBER if variable.type in ("int", "float") else True
        assert len(value) <= MAX_TEXT if variable.type == "str" else True
        if variable.low is not None:
            assert variable.low <= value <= variable.high, (name, value)
    for stage in (state.stage, state.origin.stage):
        for key, name in stage.items():
            assert resolve_inside(story.assets, name) is not None, (key, name)
    assert all(isinstance(note, str) and "\n" not in note for note in loaded.notes)
    json.dumps(loaded.info)  # what a menu shows is plain data


def load_every_way(story, store: SaveStore, slot: str, good: bytes) -> None:
    """The four load paths, then the runner; and the good slot is untouched."""
    path = store.path(slot)
    try:
        loaded = store.read(slot)
    except SaveError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        loaded = None
    try:  # by its path, as `shot --save FILE` does (no folder to stay inside)
        check_usable(story, read_save_file(path, story))
    except SaveError as exc:
        assert "\n" not in str(exc)
    listed = {s.slot: s for s in store.slots()}
    if loaded is not None:
        check_usable(story, loaded)
        assert not listed[slot].error
        runner = Runner(story)
        runner.restore(loaded.state)
        try:
            runner.turn
        except StoryRuntimeError:
            pass  # a story error is shown to the player as one; it is not a crash
        store.write("8", runner.state, loaded.info)  # playing on saves again (the autosave)
    else:
        assert listed[slot].error and "\n" not in listed[slot].error
    if "1" not in listed or listed["1"].error or store.path("1").read_bytes() != good:
        raise Lost("slot 1 beside it")
    store.read("1")


def test_broken_saves_give_a_save_error_or_a_usable_save(tmp_path, staged):
    rng = random.Random(SEED)
    folder = tmp_path / "saves"
    store = SaveStore(folder, staged)
    document = good_document(staged, tmp_path / "template")
    runner = Runner(staged, seed=3)
    runner.choose(2)
    store.write("1", runner.state)
    good = store.path("1").read_bytes()
    campaign = Campaign("save fuzz")
    for number in range(INPUTS):
        kind, raw = mutated_save(rng, document)
        store.path("7").write_bytes(raw)
        campaign.run(f"input {number} ({kind})", lambda: load_every_way(staged, SaveStore(folder, staged), "7", good))
    campaign.verdict()


def test_special_files_in_the_save_folder_never_hang_a_load(tmp_path, staged):
    """A FIFO, a /dev/zero link, a folder, a dangling link and a link out of the folder."""
    folder = tmp_path / "saves"
    store = SaveStore(folder, staged)
    store.write("1", Runner(staged, seed=1).state)
    good = store.path("1").read_bytes()
    outside = tmp_path / "elsewhere.json"
    outside.write_bytes(good)
    makers = {
        "fifo": lambda p: os.mkfifo(p),
        "dev-zero": lambda p: p.symlink_to("/dev/zero"),
        "folder": lambda p: p.mkdir(),
        "dangling": lambda p: p.symlink_to(tmp_path / "nothing-here"),
        "link-out": lambda p: p.symlink_to(outside),
    }
    campaign = Campaign("special save files")
    for name, make in makers.items():
        make(store.path(name.replace("-", "_")))
    for name in makers:
        campaign.run(name, lambda: load_every_way(staged, SaveStore(folder, staged), name.replace("-", "_"), good))
    campaign.verdict()
    errors = {s.slot: s.error for s in store.slots() if s.error}
    assert errors["fifo"] == errors["folder"] == "cannot read the save: it is not a regular file"
    assert errors["dev_zero"] == errors["link_out"] == "cannot read the save: the path leads outside its folder"


# --- settings and gallery -------------------------------------------------------------------

def mutated_json(rng: random.Random, document: dict) -> bytes:
    kind = rng.randrange(5)
    raw = json.dumps(document).encode()
    if kind == 0:
        return raw[: rng.randrange(len(raw) + 1)]
    if kind == 1:
        data = bytearray(raw)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 2:
        return rng.choice([b"[]", b"7", b"null", b'"text"', b"NaN", b"[" * 100_000, b"\xff\xfe", b"", b"{" * 70 + b"}" * 70])
    tree = copy.deepcopy(document)
    path, _ = rng.choice([n for n in _nodes(tree) if n[0]])
    if kind == 3:
        _set(tree, path, copy.deepcopy(rng.choice(HOSTILE_VALUES)))
        return json.dumps(tree).encode("utf-8", "surrogatepass")
    depth = rng.choice([65, 5000])
    return json.dumps(tree).replace(json.dumps(path[-1]) + ":", json.dumps(path[-1]) + ":" + "[" * depth + "]" * depth + ", \"_\":", 1).encode()


def test_broken_settings_files_fall_back_to_defaults_and_are_kept(tmp_path):
    rng = random.Random(SEED + 1)
    document = {**Settings(theme="high_contrast", text_size=4).to_json()}
    campaign = Campaign("settings fuzz")
    for number in range(INPUTS):
        folder = tmp_path / f"s{number}"
        folder.mkdir()
        raw = mutated_json(rng, document)
        (folder / "settings.json").write_bytes(raw)

        def check():
            settings_file = SettingsFile(folder / "settings.json")
            settings = settings_file.load()
            for name, value in vars(settings).items():
                assert _valid(name, value), (name, value)
            settings.chars_per_second, settings.text_scale  # what the window reads at once
            assert "\n" not in settings_file.notice
            kept = [p.read_bytes() for p in folder.iterdir()]
            assert kept == [raw], "the file was changed or deleted"
            settings_file.save(settings)
        campaign.run(f"input {number}", check)
    campaign.verdict()


def test_broken_gallery_files_start_a_new_gallery_and_are_kept(tmp_path):
    rng = random.Random(SEED + 2)
    document = {"version": 1, "story": "staged", "endings": {
        "night": {"title": "Night", "first_reached": "2026-01-01T10:00:00+00:00", "times": 2, "playthroughs": [5, 9]},
    }}
    campaign = Campaign("gallery fuzz")
    for number in range(INPUTS):
        folder = tmp_path / f"g{number}"
        folder.mkdir()
        raw = mutated_json(rng, document)
        (folder / "gallery.json").write_bytes(raw)

        def check():
            gallery = Gallery(folder / "gallery.json", "staged")
            for entry in gallery.endings.values():
                assert isinstance(entry["title"], str) and isinstance(entry["times"], int) and isinstance(entry["first_reached"], str)
            assert "\n" not in gallery.notice
            assert [p.read_bytes() for p in folder.iterdir()] == [raw], "the file was changed or deleted"
            gallery.record("night", "Night", playthrough=12)
            assert Gallery(folder / "gallery.json", "staged").has("night")
        campaign.run(f"input {number}", check)
    campaign.verdict()
