"""story.yaml: title, start, variables, and the optional chapters, measures, characters, assets."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import expr
from .assets import AssetFinder
from .checker import ID_PATTERN, NAME_PATTERN, Checker, did_you_mean, kind_of
from .expr import type_of
from .model import Chapter, Character, Measure, Variable
from .problems import Place
from .storyformat import CHAPTER, CHARACTER, MEASURE, STORY
from .storyformat import RESERVED_NAMES as _RESERVED
from .yamlsrc import SourceFile, YList, YMap

STORY_FILE = "story.yaml"
STORY_KEYS, CHAPTER_KEYS, MEASURE_KEYS, CHARACTER_KEYS = STORY.names, CHAPTER.names, MEASURE.names, CHARACTER.names
RESERVED_NAMES = set(_RESERVED)
COLOR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}\Z")


@dataclass
class StoryFile:
    """What story.yaml says, checked; chapter starts are checked later against the scenes."""

    source: SourceFile
    data: YMap
    title: str | None = None
    start: str | None = None
    id: str | None = None
    author: str = ""
    description: str = ""
    variables: dict[str, Variable] = field(default_factory=dict)
    chapters: list[Chapter] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    characters: dict[str, Character] = field(default_factory=dict)
    assets: Path | None = None


class StoryFileReader:
    """Reads and checks story.yaml, reporting to the load's Checker."""

    def __init__(self, checker: Checker):
        self.check = checker

    def read(self, folder: Path) -> StoryFile | None:
        check = self.check
        path = folder / STORY_FILE
        if not os.path.lexists(path):
            check.problems.error(Place(check.display_path(path)), "missing-story-file", f"there is no {STORY_FILE} in this folder", "a story folder needs story.yaml with title, start and variables")
            return None
        source = check.read(path)
        if not source.ok:
            return None
        data = source.data
        if not isinstance(data, YMap):
            check.wrong_type(source.place(getattr(data, "node", None)), STORY_FILE, "a mapping of title, start and variables", data)
            return None
        check.check_keys(source, data, STORY_KEYS, STORY_FILE)
        meta = StoryFile(source, data)
        for key in STORY.required:
            if key not in data:
                check.problems.error(source.place(data.node), "missing-key", f"{STORY_FILE} needs a '{key}'")
        for key in ("title", "start", "id", "author", "description"):
            if key in data:
                setattr(meta, key, check.text_at(source, data, key, f"'{key}'") or getattr(meta, key))
        meta.assets = self.assets_folder(folder, source, data)
        self.variables(meta)
        self.measures(meta)
        self.chapters(meta)
        self.characters(meta)
        return meta

    def assets_folder(self, folder: Path, source: SourceFile, data: YMap) -> Path | None:
        if "assets" not in data:
            default = folder / "assets"
            return default if default.is_dir() else None
        name = self.check.text_at(source, data, "assets", "'assets'")
        if name is None:
            return None
        try:
            root = (folder / name).resolve() if "\x00" not in name and len(name) <= 1024 else None
        except (OSError, ValueError, RuntimeError):  # a loop of symlinks, a name too long
            root = None
        if root is None:
            self.check.problems.error(self.check.value_place(source, data, "assets"), "missing-folder", f"'assets' must name a folder, not {name[:40]!r}")
            return None
        if not os.path.isdir(root):  # False for a name the system refuses (ENAMETOOLONG), too
            self.check.problems.error(self.check.value_place(source, data, "assets"), "missing-folder", f"the assets folder '{name}' does not exist (looked for {root})")
            return None
        return root

    def variables(self, meta: StoryFile) -> None:
        source, data = meta.source, meta.data
        if "variables" not in data or data["variables"] is None:
            return
        variables = self.check.mapping(source, data, "variables", "'variables'", "a mapping of name: initial value")
        for name, value in (variables or {}).items():
            place = self.check.key_place(source, variables, name)
            if not NAME_PATTERN.match(name) or name in RESERVED_NAMES or name.startswith("__"):
                self.check.problems.error(place, "bad-name", f"'{name}' cannot be a variable name", "use letters, digits and _, starting with a letter")
                continue
            kind = type_of(value)
            if kind is None:
                self.check.problems.error(self.check.value_place(source, variables, name), "wrong-type", f"variable '{name}' must start as a number, text, or true/false, not {kind_of(value)}")
                continue
            meta.variables[name] = Variable(name, kind, value, place)

    def items(self, meta: StoryFile, key: str, wanted: str):
        """The (mapping, node) items of a list-of-mappings key, type-checked."""
        source, data = meta.source, meta.data
        if key not in data:
            return []
        value = data[key]
        if not isinstance(value, YList):
            self.check.wrong_type(self.check.value_place(source, data, key), f"'{key}'", "a list", value)
            return []
        result = []
        for item, node in zip(value, value.item_nodes):
            if isinstance(item, YMap):
                result.append(item)
            else:
                self.check.wrong_type(source.place(node), f"an item of '{key}'", wanted, item)
        return result

    def measures(self, meta: StoryFile) -> None:
        source, check = meta.source, self.check
        for item in self.items(meta, "measures", "a mapping with variable, label, min and max"):
            check.check_keys(source, item, MEASURE_KEYS, "a measure")
            if not check.require_keys(source, item, MEASURE.required, "a measure", MEASURE_KEYS):
                continue
            name = check.text_at(source, item, "variable", "a measure's variable")
            variable = meta.variables.get(name)
            if variable is None:
                check.problems.error(check.value_place(source, item, "variable"), "unknown-variable", f"measure names unknown variable '{name}'", did_you_mean(name or "", meta.variables))
                continue
            if variable.type not in expr.NUMERIC:
                check.problems.error(check.value_place(source, item, "variable"), "wrong-type", f"measure '{name}' must be a number variable, not {expr.TYPE_NAMES[variable.type]}")
                continue
            low, high = item["min"], item["max"]
            if type_of(low) not in expr.NUMERIC or type_of(high) not in expr.NUMERIC or low >= high:
                check.problems.error(check.value_place(source, item, "min"), "wrong-type", "a measure's min and max must be numbers with min below max")
                continue
            if not low <= variable.default <= high:
                check.problems.error(variable.place, "out-of-range", f"'{name}' starts at {variable.default}, outside its measure's range {low}..{high}")
            variable.low, variable.high = low, high
            label = check.text_at(source, item, "label", "a measure's label") or name
            description = check.text_at(source, item, "description", "a measure's description") if "description" in item else ""
            meta.measures.append(Measure(name, label, low, high, description or ""))

    def chapters(self, meta: StoryFile) -> None:
        source, check = meta.source, self.check
        for item in self.items(meta, "chapters", "a mapping with title and start"):
            check.check_keys(source, item, CHAPTER_KEYS, "a chapter")
            if not check.require_keys(source, item, CHAPTER.required, "a chapter", CHAPTER_KEYS):
                continue
            title = check.text_at(source, item, "title", "a chapter title")
            start = check.text_at(source, item, "start", "a chapter start")
            values = self.chapter_values(meta, item) if "values" in item else {}
            if title and start:
                place = check.value_place(source, item, "start")
                meta.chapters.append(Chapter(len(meta.chapters) + 1, title, start, values, place))

    def chapter_values(self, meta: StoryFile, item: YMap) -> dict:
        source, check = meta.source, self.check
        block = check.mapping(source, item, "values", "a chapter's 'values'", "a mapping of variable: value")
        values = {}
        for name, value in (block or {}).items():
            variable = meta.variables.get(name)
            place = check.key_place(source, block, name)
            if variable is None:
                check.problems.error(place, "unknown-variable", f"chapter values name unknown variable '{name}'", did_you_mean(name, meta.variables))
                continue
            kind = type_of(value)
            if kind != variable.type and not (variable.type == expr.FLOAT and kind == expr.INT):
                check.problems.error(check.value_place(source, block, name), "type-error", f"'{name}' holds {expr.TYPE_NAMES[variable.type]}, not {kind_of(value)}")
                continue
            if variable.clamp(value) != value:
                check.problems.error(check.value_place(source, block, name), "out-of-range", f"'{name}' is {value}, outside its measure's range {variable.low}..{variable.high}")
                continue
            values[name] = value
        return values

    def characters(self, meta: StoryFile) -> None:
        source, data, check = meta.source, meta.data, self.check
        if "characters" not in data:
            return
        block = check.mapping(source, data, "characters", "'characters'", "a mapping of id: character")
        finder = AssetFinder(meta.assets)
        for char_id, body in (block or {}).items():
            place = check.key_place(source, block, char_id)
            if not ID_PATTERN.match(char_id):
                check.problems.error(place, "bad-id", f"'{char_id}' is not a valid character id", "use lowercase letters, digits and _")
                continue
            if not isinstance(body, YMap):
                check.wrong_type(check.value_place(source, block, char_id), f"character '{char_id}'", "a mapping with a name", body)
                continue
            what = f"character '{char_id}'"
            check.check_keys(source, body, CHARACTER_KEYS, what)
            if not check.require_keys(source, body, CHARACTER.required, what, CHARACTER_KEYS):
                continue
            character = Character(char_id, check.text_at(source, body, "name", f"the name of {what}") or char_id)
            if "portrait" in body:
                character.portrait = asset(check, finder, source, body, "portrait", what)
            if "color" in body:
                color = check.text_at(source, body, "color", f"the color of {what}")
                if color and COLOR_PATTERN.match(color):
                    character.color = color
                elif color:
                    check.problems.error(check.value_place(source, body, "color"), "bad-value", f"the color of {what} must look like \"#e0a040\"")
            meta.characters[char_id] = character


def asset(check: Checker, finder: AssetFinder, source: SourceFile, ymap: YMap, key: str, what: str, kind: str | None = None) -> str | None:
    """Resolve an asset key (background, portrait, music, sound) or report it at its line."""
    name = check.text_at(source, ymap, key, f"'{key}' in {what}")
    if name is None:
        return None
    found = finder.find(kind or key, name)
    if found.name is None:
        check.problems.error(check.value_place(source, ymap, key), "missing-asset", f"'{key}' in {what}: {found.problem}", found.hint)
    return found.name
