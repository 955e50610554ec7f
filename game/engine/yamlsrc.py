"""Safe YAML reading that keeps where every key and value came from, with bounded work."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor

try:  # LibYAML's C parser is about 9x faster; the pure-Python one is the fallback.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader

from . import yamlhelp
from .expr import MAX_NUMBER
from .problems import Place, Problems

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

MAX_DEPTH = 64
# A number written longer than this is out of range whatever it says; it is refused before
# it is converted (Python refuses ints past 4,300 digits, and 60-based 1:2:3... grows fast).
MAX_NUMBER_TEXT = 64
_BOOL_WORDS = {"yes", "no", "true", "false", "on", "off"}
_constructor = SafeConstructor()


class _Loader(_SafeLoader):
    """The safe loader, with the tag of a plain scalar found faster. The parser asks for the tag
    of every scalar (140,000 asks in a 5,000-scene story); the standard answer builds a list and
    tries each pattern. The answers are the same: quoted and block text is always a string, a
    plain scalar whose first character starts no pattern is a string, and the answers for short
    plain scalars (keys, ids, numbers, true) are remembered."""

    _known: dict[str, str] = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return STR_TAG
        if value and value[0] not in self.yaml_implicit_resolvers:
            return STR_TAG
        tag = self._known.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= 40 and len(self._known) < 20_000:
                self._known[value] = tag
        return tag


class YMap(dict):
    """A YAML mapping: a dict whose keys and values remember their nodes (for line numbers)."""

    __slots__ = ("node", "key_nodes", "value_nodes")


class YList(list):
    """A YAML sequence: a list whose items remember their nodes."""

    __slots__ = ("node", "item_nodes")


@dataclass
class SourceFile:
    """One story file: its display path, its text, and what was read from it."""

    path: str
    text: str = ""
    data: object = None
    ok: bool = False

    def place(self, node) -> Place:
        """The place of a YAML node (or of the file itself when node is None)."""
        if node is None:
            return Place(self.path)
        mark = node.start_mark
        return Place(self.path, mark.line + 1, mark.column + 1)

    def place_at(self, index: int) -> Place:
        """The place of a character offset into the file's text."""
        line = self.text.count("\n", 0, index) + 1
        column = index - (self.text.rfind("\n", 0, index) + 1) + 1
        return Place(self.path, line, column)


@dataclass
class _Walk:
    source: SourceFile
    problems: Problems
    budget: int
    depth: int = 0
    surprises: list = field(default_factory=list)


class _TooMuch(Exception):
    """Raised inside the walk when a file expands past its budget (alias bombs)."""


def read_source(raw: bytes, path: str, problems: Problems) -> SourceFile:
    """Decode and parse one story file; problems go to `problems`, never raise."""
    source = SourceFile(path)
    text = _decode(raw, source, problems)
    if text is None:
        return source
    source.text = text
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        _yaml_problem(exc, source, problems)
        return source
    except yaml.reader.ReaderError:
        _character_problem(source, problems)
        return source
    except yaml.YAMLError as exc:
        problems.error(source.place(None), "yaml-syntax", f"YAML could not be read: {exc}")
        return source
    except RecursionError:
        problems.error(source.place(None), "too-deep", "the YAML is nested too deeply to read")
        return source
    if node is None:
        source.ok = True
        return source
    walk = _Walk(source, problems, budget=2 * len(text) + 10_000)
    try:
        source.data = _value(node, walk)
    except _TooMuch:
        problems.error(
            source.place(None),
            "too-large",
            "this file expands to far more values than it has text (YAML aliases?)",
            "write the repeated parts out instead of using &anchors and *aliases",
        )
        return source
    for node in walk.surprises:
        problems.warning(
            source.place(node),
            "yaml-boolean",
            f"'{node.value}' is read by YAML as {str(_constructor.construct_yaml_bool(node)).lower()}",
            f"write true or false, or put quotes around '{node.value}' to keep it as text",
        )
    source.ok = True
    return source


def _decode(raw: bytes, source: SourceFile, problems: Problems) -> str | None:
    if b"\x00" in raw:
        problems.error(source.place(None), "not-text", "this is not a text file (it contains NUL bytes)")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(
            Place(source.path, line, column),
            "not-utf8",
            f"this file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded)",
            "save the file as UTF-8",
        )
        return None


_NOT_YAML_TEXT = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _character_problem(source: SourceFile, problems: Problems) -> None:
    """YAML refuses control characters; say which and where (the reader gives only an offset,
    in bytes for the C parser)."""
    found = _NOT_YAML_TEXT.search(source.text)
    place = source.place_at(found.start()) if found else source.place(None)
    what = f"U+{ord(found.group()):04X}" if found else "a character"
    problems.error(place, "not-text", f"this file holds the control character {what}, which YAML does not allow", "delete it: most editors do not show it")


def _yaml_problem(exc: yaml.MarkedYAMLError, source: SourceFile, problems: Problems) -> None:
    """Report a YAML syntax error where a writer should look, in plain words (yamlhelp)."""
    found = yamlhelp.explain(exc, source.text)
    name = source.path.replace("\\", "/").rsplit("/", 1)[-1]
    problems.error(Place(source.path, found.line, found.column), "yaml-syntax", f"{name} could not be read: {found.message}", found.hint)


def _value(node, walk: _Walk):
    walk.budget -= 1
    if walk.budget < 0:
        raise _TooMuch
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, walk)
    walk.depth += 1
    try:
        if walk.depth > MAX_DEPTH:
            walk.problems.error(walk.source.place(node), "too-deep", f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.MappingNode):
            return _mapping(node, walk)
        return _sequence(node, walk)
    finally:
        walk.depth -= 1


def _mapping(node, walk: _Walk) -> YMap:
    result = YMap()
    result.node = node
    result.key_nodes = {}
    result.value_nodes = {}
    if node.tag != MAP_TAG:
        _unsupported_tag(node, walk)
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            walk.problems.error(walk.source.place(key_node), "wrong-type", "a key must be a plain name, not a list or mapping")
            continue
        key = key_node.value
        if key in result:
            first = result.key_nodes[key].start_mark.line + 1
            walk.problems.error(
                walk.source.place(key_node), "duplicate-key", f"duplicate key '{key}' (first at line {first})"
            )
            continue
        if value_node.__class__ is yaml.ScalarNode and value_node.tag == STR_TAG:
            walk.budget -= 1  # a string, the most common value: what _value would give
            if walk.budget < 0:
                raise _TooMuch
            result[key] = value_node.value
        else:
            result[key] = _value(value_node, walk)
        result.key_nodes[key] = key_node
        result.value_nodes[key] = value_node
    return result


def _sequence(node, walk: _Walk) -> YList:
    result = YList(_value(item, walk) for item in node.value)
    result.node = node
    result.item_nodes = node.value
    if node.tag != SEQ_TAG:
        _unsupported_tag(node, walk)
    return result


def _scalar(node, walk: _Walk):
    tag = node.tag
    if tag == STR_TAG:
        return node.value
    if tag == INT_TAG:
        return _number(node, walk, _constructor.construct_yaml_int, "a whole number", 0)
    if tag == BOOL_TAG:
        if node.value.lower() not in _BOOL_WORDS:  # only `!!bool maybe` can get here
            walk.problems.error(walk.source.place(node), "yaml-tag", f"'{node.value}' is not true or false", "write true or false")
            return False
        if not node.style and node.value.lower() not in ("true", "false"):
            walk.surprises.append(node)
        return _constructor.construct_yaml_bool(node)
    if tag == FLOAT_TAG:
        return _number(node, walk, _constructor.construct_yaml_float, "a number", 0.0)
    if tag == NULL_TAG:
        return None
    if tag == TIMESTAMP_TAG:
        return node.value  # a date written in a story is text, not a datetime
    _unsupported_tag(node, walk)
    return None


def _number(node, walk: _Walk, construct, what: str, stand_in):
    """An int or float scalar inside the story language's range (expr.MAX_NUMBER); otherwise a
    problem at its place, and `stand_in` (0 of the type), so that the value's type is still
    known and nothing else is reported about it. Explicit tags (`!!int abc`) reach here
    unchecked by YAML."""
    text = node.value
    value = None
    if len(text) <= MAX_NUMBER_TEXT:
        try:
            value = construct(node)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            walk.problems.error(walk.source.place(node), "yaml-tag", f"'{text[:40]}' is not {what}", "remove the tag, or put the value in quotes if it is text")
            return stand_in
    if value is None or (isinstance(value, float) and not math.isfinite(value)) or abs(value) > MAX_NUMBER:
        shown = text if len(text) <= 24 else f"{text[:20]}... ({len(text)} characters)"
        walk.problems.error(
            walk.source.place(node), "number-range", f"the number {shown} is outside the range a story can use (-{MAX_NUMBER:,} to {MAX_NUMBER:,})",
            "use a smaller number, or put it in quotes if it is text",
        )
        return stand_in
    return value


def _unsupported_tag(node, walk: _Walk) -> None:
    hint = "remove the tag"
    if isinstance(node, yaml.ScalarNode) and node.tag.startswith("!") and not node.style:
        hint = "if this is text, put it in quotes: YAML reads a value that starts with '!' as a tag"
    walk.problems.error(
        walk.source.place(node), "yaml-tag", f"YAML tag '{node.tag}' is not supported in a story", hint
    )
