"""The compiled story: a checked story written as JSON, read back instead of its YAML while no
file it came from has changed (ink's compiled JSON, Ren'Py's .rpyc; here never pickled).

An entry holds the story's content with every expression as its source text (compiled again on
reading, with the same compiler, so nothing executable is stored), the warnings the check gave,
and what the check depended on: every file under the story folder and its assets folder, by
name, size and modification time. Any difference, or anything unexpected in the entry, and the
entry is ignored: the story is loaded from its YAML and the entry written again. A story with
errors is never written. See docs/performance.md ("The compiled story").
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

from . import safeio
from .atomic import write_atomic
from .expr import Compiled, Compiler, ExprError, Scope, constant_expression
from .inspection import Inspection
from .model import (
    Chapter, Character, Choice, Effect, Ending, Measure, NamedStart, Paragraph, Prompt, Scene, Stage, Story,
    Variable,
)
from .problems import Place, Problems
from .template import Template

FORMAT = 1
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_FILES = 20_000
_LINES, _COLUMNS = 1 << 24, 1 << 16  # a place packs into (file * _LINES + line) * _COLUMNS + column  # files and folders under a story folder or its assets folder


class _Stale(Exception):
    """The entry cannot be used; the story is loaded from its YAML."""


def entry_path(cache: Path, folder: Path) -> Path:
    """One entry per story folder, named by its full path."""
    digest = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:24]
    return Path(cache) / f"story-{digest}.json"


def fingerprint(root: Path | None) -> str | None:
    """Every file and folder under `root` (hidden ones too: the loader decides what to skip),
    by relative path, kind, size and modification time, as one digest. None for a folder of
    more than MAX_FILES entries (`assets: /` in a story): such a story is not compiled."""
    digest = hashlib.sha256()
    root = None if root is None else os.path.abspath(root)
    digest.update(os.fsencode(str(root)))
    seen = 0
    if root is not None and os.path.isdir(root):
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            rel = os.path.relpath(dirpath, root)
            seen += len(filenames) + len(dirnames)
            if seen > MAX_FILES:
                return None
            for name in sorted(filenames) + [d + os.sep for d in dirnames]:
                try:
                    info = os.stat(os.path.join(dirpath, name.rstrip(os.sep)))
                    stamp = f"{info.st_mode:o} {info.st_size} {info.st_mtime_ns}"
                except OSError:
                    stamp = "unreadable"
                digest.update(os.fsencode(os.path.join(rel, name)) + b"\x00" + stamp.encode() + b"\n")
    return digest.hexdigest()


# --- writing ---------------------------------------------------------------------------------


def save(cache: Path, story: Story, problems: Problems, display: str, version: str, folder_before: str) -> None:
    """Write the entry for a story that loaded without errors (OSError is the caller's).
    `folder_before` is the story folder's fingerprint taken before it was read: a file saved
    while the story loaded makes the entry stale rather than wrong."""
    depends = [folder_before, fingerprint(story.assets)]
    if None in depends:
        return
    files: dict[str, int] = {}
    writer = _Writer(files)
    scenes = [writer.scene(scene) for scene in story.scenes.values()]
    meta = writer.story(story)
    warnings = [[writer.place(p.place), p.code, p.message, p.hint] for p in problems.warnings]
    document = {
        "format": FORMAT, "engine": version, "folder": os.path.abspath(story.root), "display": display,
        "assets": None if story.assets is None else str(story.assets),
        "depends": depends,
        "files": list(files),  # after everything that names a file
        "story": meta,
        "scenes": scenes,
        "warnings": warnings,
    }
    # ASCII with escapes: a folder name that is not UTF-8 (a lone surrogate) is still valid JSON
    text = json.dumps(document, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    write_atomic(entry_path(cache, story.root), text.encode("ascii"))


class _Writer:
    def __init__(self, files: dict[str, int]):
        self.files = files

    def place(self, place):
        """A place as one number (file, line and column packed): a story has 40,000 of them,
        and a number costs the JSON reader no list to build."""
        if place is None:
            return None
        index = self.files.setdefault(place.path, len(self.files))
        if not (0 <= place.line < _LINES and 0 <= place.column < _COLUMNS):
            return [index, place.line, place.column]
        return (index * _LINES + place.line) * _COLUMNS + place.column

    def expression(self, compiled: Compiled | None):
        if compiled is None:
            return None
        if compiled.constant and not compiled.reads and not compiled.visits:
            try:
                value = compiled.evaluate(None)
            except Exception:  # noqa: BLE001 - a constant that needs a state is kept as its source
                return compiled.source
            if compiled.source == constant_expression(value).source:
                return [value]  # constant_expression(value) (a YAML true, 10): kept as its value
        return compiled.source

    def template(self, template: Template):
        if not template.parts:
            return template.source
        parts = [part if isinstance(part, str) else [part.source] for part in template.parts]
        return [template.source, parts, self.place(template.place)]

    def scene(self, scene: Scene) -> list:
        stage = scene.stage
        inspect = scene.inspect
        return [
            scene.id, scene.title, self.place(scene.place),
            [[self.template(p.text), self.expression(p.condition), self.place(p.place)] for p in scene.paragraphs],
            [[c.index, self.template(c.text), c.goto, self.place(c.place), self.expression(c.condition), self.effects(c.effects)] for c in scene.choices],
            scene.goto, self.place(scene.goto_place), self.effects(scene.effects),
            None if scene.ending is None else [scene.ending.id, scene.ending.title],
            [stage.background, stage.music, stage.sound, stage.portrait, stage.speaker],
            [[prompt.text, self.expression(prompt.condition)] for prompt in scene.discuss],
            None if inspect is None else [inspect.kind, inspect.printer, inspect.printed.isoformat(), inspect.face],
            scene.chapter,
        ]

    def effects(self, effects: list[Effect]) -> list:
        return [[e.variable, self.expression(e.expression), self.place(e.place)] for e in effects]

    def story(self, story: Story) -> dict:
        return {
            "id": story.id, "title": story.title, "start": story.start, "description": story.description, "author": story.author,
            "files": story.files,
            "variables": [[v.name, v.type, v.default, self.place(v.place), v.low, v.high] for v in story.variables.values()],
            "chapters": [
                [c.number, c.title, c.start, c.values, self.place(c.place), [[s.name, s.label, s.values, self.place(s.place)] for s in c.starts]]
                for c in story.chapters
            ],
            "measures": [[m.variable, m.label, m.low, m.high, m.description] for m in story.measures],
            "characters": [[c.id, c.name, c.portrait, c.color] for c in story.characters.values()],
        }


# --- reading ---------------------------------------------------------------------------------


def load(cache: Path, folder: Path, display: str, version: str) -> tuple[Story, Problems] | None:
    """The story from its entry, or None when there is no usable entry."""
    path = entry_path(cache, folder)
    try:
        raw = safeio.read_bounded(path, MAX_ENTRY_BYTES, root=cache)
    except safeio.UnsafeRead:
        return None
    try:
        document = json.loads(raw)
        if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("engine") != version:
            return None
        if document.get("folder") != os.path.abspath(folder) or document.get("display") != display:
            return None
        assets = document.get("assets")
        depends = document.get("depends")
        if not isinstance(depends, list) or len(depends) != 2 or None in depends or depends[0] != fingerprint(folder):
            return None
        if depends[1] != fingerprint(None if assets is None else Path(assets)):
            return None
        return _Reader(document, folder).read()
    except (_Stale, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, ExprError):
        return None


class _Reader:
    def __init__(self, document: dict, folder: Path):
        self.document = document
        self.folder = folder
        self.files = [str(name) for name in document["files"]]
        self.compiler = self.effect_compiler = None

    def place(self, item):
        if item is None:
            return None
        if item.__class__ is int:
            rest, column = divmod(item, _COLUMNS)
            index, line = divmod(rest, _LINES)
        else:
            index, line, column = item
        return Place(self.files[index], line, column)

    def expression(self, item, compiler: Compiler):
        if item is None:
            return None
        if isinstance(item, list):
            (value,) = item
            return constant_expression(value)
        if not isinstance(item, str):
            raise _Stale
        return compiler.compile(item)

    def template(self, item) -> Template:
        if isinstance(item, str):
            return Template(item)
        source, parts, place = item
        compiled = tuple(part if isinstance(part, str) else self.compiler.compile(part[0]) for part in parts)
        return Template(source, compiled, self.place(place))

    def effects(self, items) -> list[Effect]:
        return [Effect(name, self.expression(source, self.effect_compiler), self.place(place)) for name, source, place in items]

    def read(self) -> tuple[Story, Problems]:
        meta = self.document["story"]
        variables = {}
        for name, kind, default, place, low, high in meta["variables"]:
            variables[name] = Variable(name, kind, default, self.place(place), low, high)
        scene_rows = self.document["scenes"]
        ids = frozenset(row[0] for row in scene_rows)
        types = {name: v.type for name, v in variables.items()}
        self.compiler = Compiler(Scope(types, ids))
        self.effect_compiler = Compiler(Scope(types, ids, allow_random=True))
        scenes = {}
        for row in scene_rows:
            scene = self.scene(row)
            scenes[scene.id] = scene
        for scene in scenes.values():  # an entry that links outside its scenes is not ours
            if (scene.goto is not None and scene.goto not in ids) or any(c.goto not in ids for c in scene.choices):
                raise _Stale
        assets = self.document["assets"]
        story = Story(
            meta["id"], meta["title"], meta["start"], self.folder, variables, scenes,
            chapters=[
                Chapter(number, title, start, values, self.place(place), tuple(NamedStart(n, label, v, self.place(p)) for n, label, v, p in starts))
                for number, title, start, values, place, starts in meta["chapters"]
            ],
            measures=[Measure(*row) for row in meta["measures"]],
            characters={row[0]: Character(*row) for row in meta["characters"]},
            assets=None if assets is None else Path(assets),
            description=meta["description"], author=meta["author"],
        )
        story.files = [str(name) for name in meta["files"]]
        if story.start not in scenes:
            raise _Stale
        problems = Problems()
        for place, code, message, hint in self.document["warnings"]:
            problems.warning(self.place(place), str(code), str(message), str(hint))
        return story, problems

    def scene(self, row) -> Scene:
        (scene_id, title, place, paragraphs, choices, goto, goto_place, effects, ending, stage, discuss, inspect, chapter) = row
        compiler, expression, template, place_of = self.compiler, self.expression, self.template, self.place
        if inspect is not None:
            kind, printer, printed, face = inspect
            inspect = Inspection(kind, printer, datetime.fromisoformat(printed), face)
        return Scene(
            scene_id, title, place_of(place),
            [Paragraph(template(text), expression(condition, compiler), place_of(where)) for text, condition, where in paragraphs],
            [
                Choice(index, template(text), target, place_of(where), expression(condition, compiler), self.effects(effects_of))
                for index, text, target, where, condition, effects_of in choices
            ],
            goto, place_of(goto_place), self.effects(effects),
            None if ending is None else Ending(*ending),
            Stage(*stage),
            [Prompt(text, expression(condition, compiler)) for text, condition in discuss],
            inspect, chapter,
        )
