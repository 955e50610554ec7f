"""Save slots: versioned JSON game states, written atomically, read back with clear errors.

A save file is untrusted input (a player can edit it, a disk can break it): it is read through
safeio (regular files only, bounded, no NaN, limited nesting) and every field is checked. A
value that cannot be used makes the whole file a SaveError naming it; a value the story can use
after a small repair (a measure past its range, a variable of the wrong type, one the story no
longer has, a stage name outside the assets folder) is repaired with a note for the player."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import safeio
from .atomic import remove_stale_temps, write_atomic, write_json_atomic
from .assets import resolve_inside
from .carry import carry_values, encodable
from .expr import MAX_TEXT
from .model import Story
from .state import GameState, Origin, Step

SAVE_FORMAT = "face-value-save"
SAVE_VERSION = 1
SLOT_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}\Z")
AUTOSAVE = "autosave"
MAX_SAVE_BYTES = 16 * 1024 * 1024
MAX_HISTORY = 100_000       # moves in one save's history
MAX_COUNT = 10**9           # draws, visit counts
MAX_SEED = 2**63
MAX_INFO_TEXT = 500         # characters of a menu line kept from a save's info
STAGE_KEYS = ("background", "music")


class SaveError(Exception):
    """A save could not be read or written; the message names the file."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


class _Damaged(Exception):
    """One field of a save cannot be used; read_save_file turns it into a SaveError."""


@dataclass
class LoadedSave:
    """A save read back: the state, what the save said about itself, and notes for the player."""

    state: GameState
    info: dict
    notes: list[str] = field(default_factory=list)
    saved_at: str = ""


@dataclass
class SlotInfo:
    """What a save slot holds, for a load menu."""

    slot: str
    path: Path
    saved_at: str
    info: dict
    error: str = ""


def check_slot(slot: str) -> str:
    if not SLOT_PATTERN.match(slot or ""):
        raise ValueError(f"'{slot}' is not a save slot name (use up to 32 letters, digits, - or _)")
    return slot


class SaveStore:
    """The save folder of one story. Opening it (the first read, list or write) removes the
    temp files a killed writer left there."""

    def __init__(self, folder: Path, story: Story):
        self.folder = Path(folder)
        self.story = story
        self._tidied = False

    def path(self, slot: str) -> Path:
        return self.folder / f"{check_slot(slot)}.json"

    def thumbnail(self, slot: str) -> Path:
        return self.folder / f"{check_slot(slot)}.png"

    def _tidy(self) -> None:
        if not self._tidied:
            self._tidied = True
            remove_stale_temps(self.folder)

    def write(self, slot: str, state: GameState, info: dict | None = None, thumbnail: bytes | None = None) -> Path:
        """Save `state` in `slot` atomically; `info` is shown in menus (scene title, chapter...),
        `thumbnail` is PNG bytes kept beside the save."""
        path = self.path(slot)
        self._tidy()
        document = {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "story": {"id": self.story.id, "title": self.story.title},
            "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "info": dict(info or {}),
            "state": state.to_json(),
        }
        try:
            if thumbnail:
                write_atomic(self.thumbnail(slot), thumbnail)
            write_json_atomic(path, document)
        except OSError as exc:
            raise SaveError(path, f"could not write the save: {exc.strerror or exc}") from None
        return path

    def read(self, slot: str) -> LoadedSave:
        path = self.path(slot)
        self._tidy()
        if not os.path.lexists(path):
            raise SaveError(path, f"there is no save in slot '{slot}'")
        return read_save_file(path, self.story, root=self.folder)

    def slots(self) -> list[SlotInfo]:
        """Every save in the folder, newest first; unreadable ones are listed with their error."""
        self._tidy()
        found = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            if not SLOT_PATTERN.match(path.stem):
                continue
            try:
                loaded = read_save_file(path, self.story, root=self.folder)
                found.append(SlotInfo(path.stem, path, loaded.saved_at, loaded.info))
            except SaveError as exc:
                found.append(SlotInfo(path.stem, path, "", {}, exc.message))
        return sorted(found, key=lambda s: s.saved_at, reverse=True)


def read_save_file(path: Path, story: Story, *, root: Path | None = None) -> LoadedSave:
    """Read and check one save against `story`; raises SaveError naming the file, and nothing
    else, whatever the file holds. With `root`, the file must lie inside that folder."""
    path = Path(path)
    document = _read_document(path, root)
    owner = document.get("story")
    if not isinstance(owner, dict) or owner.get("id") != story.id:
        raise SaveError(path, f"this save belongs to the story '{_owner_name(owner)}', not '{story.title}'")
    notes: list[str] = []
    try:
        info = _info(document.get("info", {}))
        state = _state_from_json(document.get("state"), story, notes)
    except _Damaged as exc:
        raise SaveError(path, f"the save is damaged ({exc})") from None
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, RecursionError, UnicodeError) as exc:
        raise SaveError(path, f"the save is damaged ({type(exc).__name__})") from None  # a check this module lacks
    if state.scene not in story.scenes:
        raise SaveError(path, f"the save is in scene '{_shown(state.scene)}', which no longer exists in the story")
    saved_at = document.get("saved_at")
    return LoadedSave(state, info, notes, saved_at if isinstance(saved_at, str) and len(saved_at) < 64 else "")


def _read_document(path: Path, root: Path | None) -> dict:
    try:
        raw = safeio.read_bounded(path, MAX_SAVE_BYTES, root=root)
    except safeio.UnsafeRead as exc:
        raise SaveError(path, f"cannot read the save: {exc.message}") from None
    try:
        document = safeio.parse_json(raw)
    except safeio.UnsafeRead as exc:
        raise SaveError(path, f"the save is corrupt: {exc.message}") from None
    if not isinstance(document, dict) or document.get("format") != SAVE_FORMAT:
        raise SaveError(path, "this is not a Face Value save")
    version = document.get("version")
    if not _is_whole(version) or version < 1:
        raise SaveError(path, "the save has no valid format version")
    if version > SAVE_VERSION:
        shown = version if version < 10**6 else "past 1,000,000"
        raise SaveError(path, f"the save was made by a newer version of the game (save format {shown}; this game reads up to {SAVE_VERSION})")
    return document


def _owner_name(owner) -> str:
    if not isinstance(owner, dict):
        return "?"
    for key in ("title", "id"):
        if isinstance(owner.get(key), str) and owner[key]:
            return _shown(owner[key])
    return "?"


def _shown(text: str, limit: int = 60) -> str:
    """Text from a save as it may appear in a one-line message: short, control characters and
    lone surrogates escaped."""
    cut = text[:limit] + ("..." if len(text) > limit else "")
    return json.dumps(cut, ensure_ascii=False)[1:-1].encode("utf-8", "backslashreplace").decode("utf-8")


# --- the fields -------------------------------------------------------------------------------

def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(value, what: str, low: int = 0, high: int = MAX_COUNT) -> int:
    if not _is_whole(value) or not low <= value <= high:
        raise _Damaged(f"{what} is not a whole number from {low:,} to {high:,}")
    return value


def _text(value, what: str, limit: int = 1_000) -> str:
    if not isinstance(value, str) or len(value) > limit or not encodable(value):
        raise _Damaged(f"{what} is not a text of at most {limit:,} characters")
    return value


def _mapping(value, what: str) -> dict:
    if not isinstance(value, dict):
        raise _Damaged(f"{what} is not an object")
    return value


def _info(saved) -> dict:
    """What the save says about itself for menus: simple values only, other entries left out."""
    kept = {}
    for key, value in _mapping(saved, "its info").items():
        if isinstance(value, str) and len(value) <= MAX_INFO_TEXT and encodable(value) and encodable(key):
            kept[key] = value
        elif value is None or isinstance(value, bool) or (_is_whole(value) and abs(value) <= MAX_COUNT):
            kept[key] = value
    return kept


def _state_from_json(data, story: Story, notes: list[str]) -> GameState:
    data = _mapping(data, "the game state")
    origin_data = _mapping(data.get("origin", {}), "the origin")
    origin = Origin(
        _text(origin_data.get("scene", story.start), "the origin scene"),
        _variables(origin_data.get("variables", {}), story, []),
        _visits(origin_data.get("visits", {}), story),
        _whole(origin_data.get("draws", 0), "the origin's draw count"),
        _stage(origin_data.get("stage", {}), story, []),
    )
    state = GameState(
        scene=_text(data.get("scene"), "the scene"),
        variables=_variables(data.get("variables", {}), story, notes),
        origin=origin,
        visits=_visits(data.get("visits", {}), story),
        seed=_whole(data.get("seed", 0), "the seed", -MAX_SEED, MAX_SEED),
        draws=_whole(data.get("draws", 0), "the draw count"),
        history=_history(data.get("history", [])),
        chapter=_chapter(data.get("chapter"), story, notes),
        stage=_stage(data.get("stage", {}), story, notes),
    )
    if not _history_fits(state, story):
        notes.append("the story has changed since this save: undo starts from here")
        state.mark_origin()
        state.history = []
    return state


def _history(saved) -> list[Step]:
    if not isinstance(saved, list) or len(saved) > MAX_HISTORY:
        raise _Damaged(f"the history is not a list of at most {MAX_HISTORY:,} moves")
    steps = []
    for number, move in enumerate(saved, 1):
        move = _mapping(move, f"move {number} of the history")
        steps.append(Step(
            _text(move.get("scene"), f"the scene of move {number}"),
            _whole(move.get("choice"), f"the choice of move {number}", -1, 10_000),
            _text(move.get("text", ""), f"the text of move {number}", MAX_TEXT),
        ))
    return steps


def _chapter(saved, story: Story, notes: list[str]) -> int | None:
    if saved is None:
        return None
    number = _whole(saved, "the chapter", 1, 10_000)
    if story.chapter(number) is None:
        notes.append(f"this story has no chapter {number} any more: the save plays on as the whole story")
        return None
    return number


def _variables(saved, story: Story, notes: list[str]) -> dict:
    """Saved values over the story's defaults (carry.carry_values), each change with a note."""
    left_out: list[str] = []
    values = carry_values(
        _mapping(saved, "the variables"), story, notes, left_out=left_out,
        reset=lambda name, kind: f"'{name}' was reset to its starting value (the save held no {kind} a story can use)",
        clamped=lambda name, was, now: f"'{name}' was {was}, outside its range: now {now}",
    )
    if left_out:
        shown = [_shown(name, 30) for name in left_out]
        more = f" and {len(shown) - 5:,} more" if len(shown) > 5 else ""
        notes.append(f"left out what this story does not have: {', '.join(shown[:5])}{more}")
    return values


def _stage(saved, story: Story, notes: list[str]) -> dict:
    """The background and music names of a save, each kept only when it names a file inside
    the story's assets folder (a save cannot make the game open /etc/shadow as music)."""
    kept = {}
    for key, value in _mapping(saved, "the stage").items():
        if key not in STAGE_KEYS:
            continue
        if resolve_inside(story.assets, value) is not None:
            kept[key] = value
        else:
            notes.append(f"the save's {key} is not a file of this story's assets: left out")
    return kept


def _visits(saved, story: Story) -> dict:
    return {scene: _whole(count, f"the visit count of '{_shown(scene, 30)}'")
            for scene, count in _mapping(saved, "the visit counts").items() if scene in story.scenes}


def _history_fits(state: GameState, story: Story) -> bool:
    if state.origin.scene not in story.scenes:
        return False
    for step in state.history:
        scene = story.scenes.get(step.scene)
        if scene is None:
            return False
        if step.choice < 0 and not scene.goto or step.choice >= len(scene.choices):
            return False
    return True
