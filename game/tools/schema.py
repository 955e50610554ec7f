"""JSON Schemas of story.yaml and of scene files, generated from the loader's own key table
(game/engine/storyformat.py), for editors that complete keys and flag mistakes while typing.

    python -m game.tools.schema            # write docs/schema/*.schema.json
    python -m game.tools.schema --check    # exit 1 when the committed files are out of date
    python -m game.tools.schema --out DIR  # write them somewhere else (what `new` does)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..engine import storyformat as fmt
from ..engine.atomic import write_atomic

DRAFT = "http://json-schema.org/draft-07/schema#"
FILES = {"story.schema.json": "story", "scene.schema.json": "scene file"}
DOCS_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema"

_TEXT = {"type": ["string", "number"]}
_NONEMPTY = {"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "number"}]}
_SCALAR = {"type": ["string", "number", "boolean"]}


def _anchored(pattern: str) -> str:
    return f"^{pattern}$"


def _kind(key: fmt.Key) -> dict:
    """The JSON Schema fragment for one kind of value."""
    kind = key.kind
    if kind == fmt.TEXT:
        return dict(_TEXT)
    if kind in (fmt.SCENE_ID, fmt.ID):
        return {"type": "string", "pattern": _anchored(fmt.ID_PATTERN)}
    if kind == fmt.NUMBER:
        return {"type": "number"}
    if kind == fmt.COLOR:
        return {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}
    if kind == fmt.CONDITION:
        return {"type": ["string", "boolean"]}
    if kind == fmt.EFFECTS:
        return {"type": "object", "additionalProperties": _SCALAR}
    if kind == fmt.VARIABLES:
        return {
            "type": ["object", "null"],
            "propertyNames": {"pattern": "^(?!__)" + fmt.NAME_PATTERN + "$", "not": {"enum": list(fmt.RESERVED_NAMES)}},
            "additionalProperties": _SCALAR,
        }
    if kind == fmt.VALUES:
        return {"type": "object", "additionalProperties": _SCALAR}
    if kind == fmt.SCENE_TEXT:
        paragraph = {"anyOf": [_NONEMPTY, {"$ref": "#/definitions/paragraph"}]}
        return {"anyOf": [_NONEMPTY, {"type": "array", "minItems": 1, "items": paragraph}]}
    if kind == fmt.DISCUSS:
        prompt = {"type": "object", "properties": {"text": _NONEMPTY, "if": {"type": ["string", "boolean"]}}, "required": ["text"], "additionalProperties": False}
        item = {"anyOf": [_NONEMPTY, prompt]}
        return {"anyOf": [_NONEMPTY, {"type": "array", "minItems": 1, "items": item}]}
    if kind == fmt.INSPECT:
        spec = {"type": "object", "required": ["kind"], "additionalProperties": False, "properties": {
            "kind": {"enum": ["mask"]}, "printer": {"type": ["string", "integer"]},
            "printed": {"type": "string"}, "face": {"type": "string"}}}
        return {"anyOf": [{"enum": ["mask"]}, spec]}
    if kind == fmt.CHOICES:
        return {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/choice"}}
    if kind == fmt.ENDING:
        return {"$ref": "#/definitions/ending"}
    if kind == fmt.LIST:
        return {"type": "array", "items": {"$ref": f"#/definitions/{key.item}"}}
    if kind == fmt.ID_MAP:
        return {"type": "object", "propertyNames": {"pattern": _anchored(fmt.ID_PATTERN)}, "additionalProperties": {"$ref": f"#/definitions/{key.item}"}}
    if kind == fmt.SCENES:
        return {"type": "object", "propertyNames": {"pattern": _anchored(fmt.ID_PATTERN)}, "additionalProperties": {"$ref": f"#/definitions/{key.item}"}}
    raise ValueError(f"no schema for the kind {kind!r} of key '{key.name}'")


def _mapping(mapping: fmt.Mapping) -> dict:
    properties = {}
    for key in mapping.keys:
        fragment = _kind(key)
        properties[key.name] = {"description": key.doc, **fragment} if "$ref" not in fragment else {"description": key.doc, "allOf": [fragment]}
    schema = {"type": "object", "description": mapping.doc, "properties": properties, "additionalProperties": False}
    if mapping.required:
        schema["required"] = list(mapping.required)
    if mapping is fmt.SCENE:
        ways = [{"required": [way]} for way in fmt.WAYS_ON]
        pairs = [{"required": [a, b]} for i, a in enumerate(fmt.WAYS_ON) for b in fmt.WAYS_ON[i + 1:]]
        schema["anyOf"] = ways
        schema["not"] = {"anyOf": pairs}
    return schema


def _referenced(root: fmt.Mapping) -> list[fmt.Mapping]:
    """The mappings a root refers to, in a fixed order."""
    names = {
        "story": ["chapter", "named start", "measure", "character"],
        "scene file": ["scene", "choice", "paragraph", "ending"],
    }[root.name]
    return [fmt.MAPPINGS[name] for name in names]


def schema_for(root_name: str) -> dict:
    """The whole JSON Schema document for story.yaml ('story') or a scene file ('scene file')."""
    root = fmt.MAPPINGS[root_name]
    title = "Face Value story.yaml" if root is fmt.STORY else "Face Value scene file"
    document = {"$schema": DRAFT, "$comment": "Generated by `python -m game.tools.schema` from game/engine/storyformat.py; do not edit.", "title": title}
    document.update(_mapping(root))
    document["definitions"] = {m.name: _mapping(m) for m in _referenced(root)}
    return document


def rendered() -> dict[str, str]:
    """{file name: JSON text} of both schemas, exactly as committed."""
    return {name: json.dumps(schema_for(root), indent=2, ensure_ascii=False) + "\n" for name, root in FILES.items()}


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered().items():
        write_atomic(folder / name, text.encode("utf-8"))
        written.append(folder / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.schema", description="Generate the story format's JSON Schemas.")
    parser.add_argument("--out", metavar="DIR", default=str(DOCS_SCHEMA), help="where to write them (default: docs/schema)")
    parser.add_argument("--check", action="store_true", help="only check that the files in --out are up to date")
    args = parser.parse_args(argv)
    folder = Path(args.out)
    if args.check:
        stale = [name for name, text in rendered().items() if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"{folder / name}: out of date; run 'python -m game.tools.schema'", file=sys.stderr)
        return 1 if stale else 0
    for path in write(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
