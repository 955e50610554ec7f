"""The compiled story (game/engine/compiled.py): read back instead of the YAML while nothing it
came from has changed, with the same content and warnings; anything else and the YAML is read."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from game.engine import compiled, load_story
from game.engine import checker as checker_module
from game.engine.expr import Compiled
from game.engine.playtest import playtest
from game.engine.template import Template
from tests.support.synth import write_story

ROOT = Path(__file__).resolve().parents[2]


def same(a, b, where="story"):
    """Structural equality of two loaded stories: every field of every dataclass, with compiled
    expressions compared by what they are (source, type, what they read), not by identity."""
    assert type(a) is type(b), where
    if isinstance(a, Compiled):
        assert (a.source, a.type, a.constant, a.reads, a.visits) == (b.source, b.type, b.constant, b.reads, b.visits), where
    elif isinstance(a, Template):
        assert (a.source, a.place) == (b.source, b.place), where
        assert len(a.parts) == len(b.parts), where
        for i, (x, y) in enumerate(zip(a.parts, b.parts)):
            same(x, y, f"{where}.parts[{i}]")
    elif dataclasses.is_dataclass(a):
        for spec in dataclasses.fields(a):
            same(getattr(a, spec.name), getattr(b, spec.name), f"{where}.{spec.name}")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (list, tuple)) and not hasattr(a, "_fields"):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "compiled"


@pytest.fixture
def yaml_reads(monkeypatch):
    """How many YAML files a load read."""
    count = {"files": 0}
    real = checker_module.read_source

    def counting(raw, path, problems):
        count["files"] += 1
        return real(raw, path, problems)

    monkeypatch.setattr(checker_module, "read_source", counting)
    return count


def test_the_bundled_story_reads_back_the_same(cache, yaml_reads):
    cold = load_story(ROOT / "story", "story", compiled=cache)
    assert cold.ok and yaml_reads["files"] > 10
    yaml_reads["files"] = 0
    warm = load_story(ROOT / "story", "story", compiled=cache)
    assert yaml_reads["files"] == 0, "the compiled entry was not used"
    same(cold.story, warm.story)
    assert [str(p) for p in warm.problems.sorted()] == [str(p) for p in cold.problems.sorted()]
    assert warm.stats == cold.stats
    assert any(isinstance(s.inspect, object) and s.inspect is not None for s in warm.story.scenes.values())
    assert isinstance(next(s for s in warm.story.scenes.values() if s.inspect).inspect.printed, datetime)


def test_warnings_and_a_synthetic_story_read_back_the_same(tmp_path, cache, yaml_reads):
    folder = write_story(tmp_path / "big", 300)
    cold = load_story(folder, compiled=cache)
    assert cold.ok and cold.problems.warnings, "the synthetic story has unreachable scenes: warnings to keep"
    yaml_reads["files"] = 0
    warm = load_story(folder, compiled=cache)
    assert yaml_reads["files"] == 0
    same(cold.story, warm.story)
    assert [str(p) for p in warm.problems.sorted()] == [str(p) for p in cold.problems.sorted()]
    cold_report = playtest(cold.story, runs=200, seed=4, max_steps=200).to_json(cold.story)
    warm_report = playtest(warm.story, runs=200, seed=4, max_steps=200).to_json(warm.story)
    for report in (cold_report, warm_report):
        report.pop("seconds", None), report.pop("steps_per_second", None)
    assert warm_report == cold_report


@pytest.mark.parametrize("change", ["edit", "add", "remove", "touch"])
def test_a_changed_story_folder_is_read_from_its_yaml(tmp_path, cache, yaml_reads, change):
    folder = write_story(tmp_path / "s", 200)
    load_story(folder, compiled=cache)
    part = sorted(folder.glob("part_*.yaml"))[0]
    if change == "edit":
        part.write_text(part.read_text().replace("Go on to", "Walk on to", 1))
    elif change == "add":
        (folder / "extra.yaml").write_text("scenes:\n  extra:\n    text: More.\n    goto: s1\n")
    elif change == "remove":
        sorted(folder.glob("part_*.yaml"))[-1].unlink()
    else:
        stat = part.stat()
        os.utime(part, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    yaml_reads["files"] = 0
    result = load_story(folder, compiled=cache)
    assert yaml_reads["files"] > 0
    if change == "edit":
        assert any("Walk on to" in c.text.source for s in result.story.scenes.values() for c in s.choices)
    if change == "add":
        assert "extra" in result.story.scenes
    if change == "remove":
        assert not result.ok  # the scenes of the removed file are gone, and links to them break


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not-an-object", "wrong-shape", "unknown-link", "deep", "fifo", "folder"])
def test_a_damaged_entry_is_ignored_and_written_again(tmp_path, cache, yaml_reads, damage):
    folder = write_story(tmp_path / "s", 120)
    first = load_story(folder, compiled=cache)
    entry = compiled.entry_path(cache, folder)
    text = entry.read_text(encoding="utf-8")
    if damage == "garbage":
        entry.write_bytes(b"\xff\x00junk")
    elif damage == "truncated":
        entry.write_text(text[: len(text) // 2])
    elif damage == "not-an-object":
        entry.write_text("[1, 2, 3]")
    elif damage == "wrong-shape":
        document = json.loads(text)
        document["scenes"][3][4] = {"not": "choices"}
        entry.write_text(json.dumps(document))
    elif damage == "unknown-link":
        document = json.loads(text)
        document["scenes"][3][4][0][2] = "nowhere"
        entry.write_text(json.dumps(document))
    elif damage == "deep":
        entry.write_text("[" * 100_000 + "]" * 100_000)
    elif damage == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    else:
        entry.unlink()
        entry.mkdir()
    yaml_reads["files"] = 0
    again = load_story(folder, compiled=cache)
    assert again.ok and yaml_reads["files"] > 0
    same(first.story, again.story)
    if damage not in ("fifo", "folder"):  # a FIFO or folder in its place is left alone
        yaml_reads["files"] = 0
        load_story(folder, compiled=cache)
        assert yaml_reads["files"] == 0, "the entry was not written again"


def test_a_story_with_errors_is_never_written(tmp_path, cache):
    folder = write_story(tmp_path / "s", 50)
    part = sorted(folder.glob("part_*.yaml"))[0]
    part.write_text(part.read_text().replace("goto: s1\n", "goto: s_missing\n", 1))
    assert not load_story(folder, compiled=cache).ok
    assert not compiled.entry_path(cache, folder).exists()


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    folder = write_story(tmp_path / "s", 50)
    assert load_story(folder, compiled=blocked / "compiled").ok
    assert load_story(folder, compiled=blocked / "compiled").ok


def test_check_reads_the_yaml_and_play_commands_use_the_entry(tmp_path, monkeypatch, capsys):
    from game import cli

    monkeypatch.setenv("FACE_VALUE_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_story(tmp_path / "s", 80)
    assert cli.main(["check", str(folder)]) == 0
    assert not (tmp_path / "cache").exists(), "check wrote a compiled entry"
    capsys.readouterr()
    assert cli.main(["playtest", str(folder), "--runs", "50", "--seed", "2", "--format", "json"]) in (0, 1)
    first = json.loads(capsys.readouterr().out)
    assert compiled.entry_path(tmp_path / "cache", folder).exists()
    assert cli.main(["playtest", str(folder), "--runs", "50", "--seed", "2", "--format", "json"]) in (0, 1)
    second = json.loads(capsys.readouterr().out)
    for report in (first, second):
        report.pop("seconds", None), report.pop("steps_per_second", None)
    assert second == first


def test_an_assets_folder_too_big_to_fingerprint_is_not_compiled(tmp_path, cache, monkeypatch):
    """`assets: /` would mean walking the whole disk at every start: such a story is not compiled."""
    monkeypatch.setattr(compiled, "MAX_FILES", 30)
    folder = write_story(tmp_path / "s", 50)
    (folder / "story.yaml").write_text((folder / "story.yaml").read_text() + f"assets: {tmp_path / 'art'}\n")
    (tmp_path / "art").mkdir()
    for n in range(40):
        (tmp_path / "art" / f"{n}.png").write_bytes(b"")
    assert load_story(folder, compiled=cache).ok
    assert not compiled.entry_path(cache, folder).exists()


def test_a_story_loaded_to_play_goes_straight_to_the_old_generation(tmp_path, cache):
    """load_to_play moves what it loaded to the old generation without a scan; load_story
    leaves it to the young collections (which scan all of it, then again in the middle one)."""
    import gc

    from game.engine.loader import load_to_play

    folder = write_story(tmp_path / "s", 300)
    load_story(folder, compiled=cache)  # writes the entry
    gc.collect()
    kept = load_story(folder, compiled=cache)
    assert len(gc.get_objects(0)) + len(gc.get_objects(1)) > 5_000, "load_story no longer leaves young objects: this test says nothing"
    gc.collect()
    result = load_to_play(folder, compiled=cache)
    assert result.ok and gc.isenabled()
    assert len(gc.get_objects(0)) + len(gc.get_objects(1)) < 500
    assert gc.get_freeze_count() == 0, "nothing stays frozen"
    gc.disable()
    try:
        load_to_play(folder, compiled=cache)
        assert not gc.isenabled(), "a collector the caller had paused was switched on"
    finally:
        gc.enable()
    del kept


def test_a_folder_name_that_is_not_utf8_is_compiled_too(tmp_path, cache, yaml_reads):
    folder = write_story(tmp_path / os.fsdecode(b"l\xffane"), 30)
    assert load_story(folder, compiled=cache).ok
    yaml_reads["files"] = 0
    assert load_story(folder, compiled=cache).ok
    assert yaml_reads["files"] == 0


def test_an_engine_that_cannot_read_its_own_source_loads_from_yaml(tmp_path, cache, monkeypatch):
    from game.engine import loader

    real = Path.read_bytes

    def unreadable(path):
        if path.suffix == ".py":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    loader.engine_version.cache_clear()
    try:
        assert load_story(write_story(tmp_path / "s", 30), compiled=cache).ok
        assert not cache.exists()
    finally:
        monkeypatch.undo()
        loader.engine_version.cache_clear()
