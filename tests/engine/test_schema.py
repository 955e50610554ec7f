"""The JSON Schemas in docs/schema are generated from the loader's key table, are up to date,
and agree with the loader on every fixture story, good and bad: an editor using them flags a
shape mistake exactly when `face-value check` does, and never flags a file the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.engine import load_story
from game.engine.problems import READ_FAILURES, Problems
from game.engine.yamlsrc import read_source
from game.tools import schema
from tests.conftest import FIXTURES, ROOT

# The loader's problems about the shape of a file (which keys, what kind of value), the part
# of the checks a JSON Schema can express. References, expressions and types of variables
# are the loader's alone.
SHAPE = {"unknown-key", "missing-key", "wrong-type", "dead-end", "ending-with-choices", "ending-with-goto",
         "choices-and-goto", "bad-id", "bad-name", "empty-choices", "empty-text", "bad-value", "misplaced-key",
         "yaml-tag", "number-range"}  # a value YAML cannot give is read as empty: the schema refuses that
SCHEMAS = {name: json.loads(text) for name, text in schema.rendered().items()}


def story_folders() -> list[Path]:
    found = sorted({path.parent for path in (FIXTURES / "stories").rglob("*.yaml")})
    return [ROOT / "story", *found]


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def test_the_committed_schemas_are_the_generated_ones():
    for name, text in schema.rendered().items():
        committed = ROOT / "docs" / "schema" / name
        assert committed.read_text(encoding="utf-8") == text, f"{committed} is out of date: run 'make schema'"


def test_the_schemas_are_valid_json_schemas():
    for document in SCHEMAS.values():
        jsonschema.Draft7Validator.check_schema(document)


def test_every_scene_key_the_loader_knows_is_in_the_schema():
    from game.engine.loader import CHOICE_KEYS, SCENE_KEYS
    scene = SCHEMAS["scene.schema.json"]["definitions"]
    assert set(scene["scene"]["properties"]) == set(SCENE_KEYS)
    assert set(scene["choice"]["properties"]) == set(CHOICE_KEYS)


@pytest.mark.parametrize("folder", story_folders(), ids=lambda p: str(p.relative_to(ROOT)))
def test_schema_and_loader_agree_on_every_file(folder):
    problems = load_story(folder, "story").problems
    for path in files_of(folder):
        display = "story/" + path.relative_to(folder).as_posix()
        mine = [p for p in problems if p.place.path == display]
        source = read_source(path.read_bytes(), display, Problems())
        if not source.ok:
            assert any(p.code in READ_FAILURES for p in mine), display  # both refuse it: it is not YAML
            continue
        if source.data is None:
            continue  # an empty file: nothing for either to check
        document = SCHEMAS["story.schema.json" if path.name == "story.yaml" and path.parent == folder else "scene.schema.json"]
        schema_errors = [e.message for e in jsonschema.Draft7Validator(document).iter_errors(source.data)]
        shape_errors = [str(p) for p in mine if p.code in SHAPE and p.severity == "error"]
        assert bool(schema_errors) == bool(shape_errors), (display, schema_errors, shape_errors)
        if schema_errors:
            assert any(p.severity == "error" for p in mine)


def test_the_fixtures_cover_both_verdicts():
    """The agreement above means something only if the schema rejects some fixture files."""
    rejected = 0
    for folder in story_folders():
        for path in files_of(folder):
            source = read_source(path.read_bytes(), "x", Problems())
            if source.ok and source.data is not None:
                document = SCHEMAS["story.schema.json" if path.name == "story.yaml" else "scene.schema.json"]
                rejected += not jsonschema.Draft7Validator(document).is_valid(source.data)
    assert rejected >= 25


def test_every_story_file_names_its_schema():
    """story/ files start with the yaml-language-server line, with a path that exists."""
    for path in files_of(ROOT / "story"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), path
        target = (path.parent / first[len(prefix):]).resolve()
        expected = "story.schema.json" if path.name == "story.yaml" and path.parent == ROOT / "story" else "scene.schema.json"
        assert target == ROOT / "docs" / "schema" / expected, path
