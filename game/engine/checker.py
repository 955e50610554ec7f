"""Shared checking helpers for one load: reading files, places, key and type checks."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from . import expr, safeio
from .expr import ExprError, type_of
from .problems import READ_FAILURES, REJECTED_VALUES, Place, Problem, Problems
from .storyformat import ID_PATTERN as _ID
from .storyformat import NAME_PATTERN as _NAME
from .yamlhelp import comment_cut
from .yamlsrc import SourceFile, YList, YMap, read_source

ID_PATTERN = re.compile(_ID + r"\Z")
NAME_PATTERN = re.compile(_NAME + r"\Z")
MAX_FILE_BYTES = 32 * 1024 * 1024
# Errors that change where scenes lead: while one is there, "can never be reached" may be false.
LINK_ERRORS = frozenset({"unknown-scene", "missing-key", "unknown-key", "wrong-type", "misplaced-key", "choices-and-goto", "dead-end", "ending-with-goto"})


def kind_of(value) -> str:
    """How a YAML value is described in messages."""
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    if value is None:
        return "empty"
    return expr.TYPE_NAMES.get(type_of(value), type(value).__name__)


def did_you_mean(name: str, known, fallback: str = "") -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else fallback


class Checker:
    """Problems and the small checks every part of a load uses; one per load, never global."""

    def __init__(self, folder: Path, display: str):
        self.folder = folder
        self.display = display
        self.problems = Problems()
        self.unread: set[str] = set()  # display paths of scene files whose scenes could not be taken in

    def display_path(self, path: Path) -> str:
        return os.path.join(self.display, os.path.relpath(path, self.folder))

    def read(self, path: Path) -> SourceFile:
        """A story file, read only if it is a regular file inside the story folder (never a
        FIFO, a device or a symlink leading out), with a bounded read."""
        display = self.display_path(path)
        try:
            raw = safeio.read_bounded(path, MAX_FILE_BYTES, root=self.folder)
        except safeio.UnsafeRead as exc:
            code = "outside-link" if not safeio.inside(path, self.folder) else "unreadable"
            self.problems.error(Place(display), code, f"cannot read this file: {exc.message}", "story files are plain files inside the story folder" if code == "outside-link" else "")
            return SourceFile(display)
        return read_source(raw, display, self.problems)

    def key_place(self, source: SourceFile, ymap: YMap, key: str) -> Place:
        return source.place(ymap.key_nodes.get(key))

    def value_place(self, source: SourceFile, ymap: YMap, key: str) -> Place:
        return source.place(ymap.value_nodes.get(key))

    def check_keys(self, source: SourceFile, ymap: YMap, allowed: tuple, what: str) -> None:
        for key in ymap:
            if key not in allowed:
                hint = did_you_mean(key, allowed, "allowed keys: " + ", ".join(allowed))
                self.problems.error(self.key_place(source, ymap, key), "unknown-key", f"unknown key '{key}' in {what}", hint)

    def misspelled(self, ymap: YMap, key: str, allowed: tuple) -> bool:
        """Whether an unknown key in ymap is `key` mistyped (`got` for `goto`): its own error
        says so, so "needs 'goto'" would be the same mistake twice."""
        return any(k not in allowed and did_you_mean(k, (key,)) for k in ymap)

    def require_keys(self, source: SourceFile, ymap: YMap, required: tuple, what: str, allowed: tuple = ()) -> bool:
        missing = [key for key in required if key not in ymap]
        for key in missing:
            if allowed and self.misspelled(ymap, key, allowed):
                continue
            self.problems.error(source.place(ymap.node), "missing-key", f"{what} needs '{key}'")
        return not missing

    def wrong_type(self, place: Place, what: str, wanted: str, value) -> None:
        self.problems.error(place, "wrong-type", f"{what} must be {wanted}, not {kind_of(value)}")

    def mapping(self, source: SourceFile, ymap: YMap, key: str, what: str, wanted: str) -> YMap | None:
        """ymap[key] when it is a mapping; a type error otherwise."""
        value = ymap[key]
        if isinstance(value, YMap):
            return value
        self.wrong_type(self.value_place(source, ymap, key), what, wanted, value)
        return None

    def text_value(self, source: SourceFile, node, value, what: str) -> str | None:
        """A story string; numbers are accepted as written, anything else is a type error."""
        if isinstance(value, str):
            self.comment_in_text(source, node)
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return node.value
        hint = "put it in quotes" if isinstance(value, bool) else ""
        self.problems.error(source.place(node), "wrong-type", f"{what} must be text, not {kind_of(value)}", hint)
        return None

    def text_at(self, source: SourceFile, ymap: YMap, key: str, what: str) -> str | None:
        return self.text_value(source, ymap.value_nodes[key], ymap[key], what)

    def expression_place(self, source: SourceFile, node, offset: int) -> Place:
        """The place of character `offset` of a scalar's value, found in the raw file text."""
        value = node.value
        snippet = value[offset:].split("\n", 1)[0][:40]
        start, end = node.start_mark.index, node.end_mark.index
        if snippet:
            index = source.text.find(snippet, min(start + offset, end), end)
            if index < 0:
                index = source.text.find(snippet, start, end)
            if index >= 0:
                return source.place_at(index)
        return source.place(node)

    def expression_error(self, source: SourceFile, node, exc: ExprError, where: str) -> None:
        self.problems.error(self.expression_place(source, node, exc.offset), exc.code, f"{where}: {exc.message}", exc.hint)

    def comment_in_text(self, source: SourceFile, node) -> None:
        """`text: Room #4 is empty.` is read as 'Room': warn where the text was cut."""
        cut = comment_cut(source.text, node)
        if cut:
            index, dropped = cut
            self.problems.warning(source.place_at(index), "yaml-comment", f"the text stops before '{dropped[:20]}': YAML reads ' #' and what follows as a comment", "put the whole text in quotes to keep the '#'")

    def hide_follow_on(self, story_file_read: bool) -> None:
        """Drop the problems that may exist only because of another: unknown scenes that may live
        in a file that could not be read, variables story.yaml would declare, and "can never be
        reached" while links are broken. A read error (listed first) says how many it held back."""
        hidden = set()
        unread = self.unread | {p.place.path for p in self.problems.items if p.code in READ_FAILURES}
        if unread - {self.display_path(self.folder / "story.yaml")}:
            hidden |= {"unknown-scene", "unreachable", "no-way-out"}
        if any(p.code in LINK_ERRORS for p in self.problems.errors):
            hidden |= {"unreachable", "no-way-out"}  # reachability of a graph with broken links says little
        if not story_file_read:
            hidden |= {"unknown-variable", "unknown-character", "missing-asset"}
        rejected = {p.place for p in self.problems.items if p.code in REJECTED_VALUES}
        if not hidden and not rejected:
            return
        kept = [p for p in self.problems.items if p.code not in hidden and (p.place not in rejected or p.code in REJECTED_VALUES)]
        dropped = len(self.problems.items) - len(kept)
        causes = [i for i, p in enumerate(kept) if p.code in READ_FAILURES]
        if dropped and causes:
            first = kept[causes[0]]
            note = f"{dropped} problem{'s' if dropped != 1 else ''} that may only follow from this {'is' if dropped == 1 else 'are'} not shown until it is fixed"
            kept[causes[0]] = Problem(first.place, first.severity, first.code, first.message, f"{first.hint}; {note}" if first.hint else note)
        self.problems.items[:] = kept
