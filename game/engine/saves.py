"""Save slots: versioned JSON game states, written atomically, read back with clear errors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .atomic import write_atomic, write_json_atomic
from .model import Story
from .reload import carry_variables
from .state import GameState, Origin, Step

SAVE_FORMAT = "face-value-save"
SAVE_VERSION = 1
SLOT_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}\Z")
AUTOSAVE = "autosave"


class SaveError(Exception):
    """A save could not be read or written; the message names the file."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


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
    """The save folder of one story."""

    def __init__(self, folder: Path, story: Story):
        self.folder = Path(folder)
        self.story = story

    def path(self, slot: str) -> Path:
        return self.folder / f"{check_slot(slot)}.json"

    def thumbnail(self, slot: str) -> Path:
        return self.folder / f"{check_slot(slot)}.png"

    def write(self, slot: str, state: GameState, info: dict | None = None, thumbnail: bytes | None = None) -> Path:
        """Save `state` in `slot` atomically; `info` is shown in menus (scene title, chapter...),
        `thumbnail` is PNG bytes kept beside the save."""
        path = self.path(slot)
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
        if not path.is_file():
            raise SaveError(path, f"there is no save in slot '{slot}'")
        return read_save_file(path, self.story)

    def slots(self) -> list[SlotInfo]:
        """Every save in the folder, newest first; unreadable ones are listed with their error."""
        found = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                loaded = read_save_file(path, self.story)
                found.append(SlotInfo(path.stem, path, loaded.saved_at, loaded.info))
            except SaveError as exc:
                found.append(SlotInfo(path.stem, path, "", {}, exc.message))
        return sorted(found, key=lambda s: s.saved_at, reverse=True)


def _read_document(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SaveError(path, f"cannot read the save: {exc.strerror or exc}") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(path, "the save is not text (corrupt file?)") from None
    except json.JSONDecodeError as exc:
        raise SaveError(path, f"the save is corrupt (JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(document, dict) or document.get("format") != SAVE_FORMAT:
        raise SaveError(path, "this is not a Face Value save")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise SaveError(path, "the save has no valid format version")
    if version > SAVE_VERSION:
        raise SaveError(path, f"the save was made by a newer version of the game (save format {version}; this game reads up to {SAVE_VERSION})")
    return document


def read_save_file(path: Path, story: Story) -> LoadedSave:
    """Read and check one save against `story`; raises SaveError naming the file."""
    path = Path(path)
    document = _read_document(path)
    owner = document.get("story") if isinstance(document.get("story"), dict) else {}
    if owner.get("id") != story.id:
        raise SaveError(path, f"this save belongs to the story '{owner.get('title') or owner.get('id')}', not '{story.title}'")
    notes: list[str] = []
    try:
        state = _state_from_json(document.get("state"), story, notes)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise SaveError(path, f"the save is damaged ({exc})") from None
    if state.scene not in story.scenes:
        raise SaveError(path, f"the save is in scene '{state.scene}', which no longer exists in the story")
    return LoadedSave(state, dict(document.get("info") or {}), notes, str(document.get("saved_at", "")))


def _state_from_json(data: dict, story: Story, notes: list[str]) -> GameState:
    if not isinstance(data, dict):
        raise ValueError("no game state")
    origin_data = data.get("origin") or {}
    origin = Origin(
        str(origin_data.get("scene", story.start)),
        _variables(origin_data.get("variables", {}), story, []),
        _visits(origin_data.get("visits", {}), story),
        int(origin_data.get("draws", 0)),
        _stage(origin_data.get("stage", {})),
    )
    chapter = data.get("chapter")
    state = GameState(
        scene=str(data["scene"]),
        variables=_variables(data.get("variables", {}), story, notes),
        origin=origin,
        visits=_visits(data.get("visits", {}), story),
        seed=int(data.get("seed", 0)),
        draws=int(data.get("draws", 0)),
        history=[Step(str(s["scene"]), int(s["choice"]), str(s.get("text", ""))) for s in data.get("history", [])],
        chapter=int(chapter) if chapter is not None else None,
        stage=_stage(data.get("stage", {})),
    )
    if not _history_fits(state, story):
        notes.append("the story has changed since this save: undo starts from here")
        state.mark_origin()
        state.history = []
    return state


def _variables(saved: dict, story: Story, notes: list[str]) -> dict:
    """Saved values over the story's defaults, as a live reload carries them (reload.py)."""
    if not isinstance(saved, dict):
        raise ValueError("variables are not a mapping")
    return carry_variables(saved, story, notes)


def _stage(saved: dict) -> dict:
    if not isinstance(saved, dict):
        raise ValueError("the stage is not a mapping")
    return {k: str(v) for k, v in saved.items() if k in ("background", "music") and isinstance(v, str)}


def _visits(saved: dict, story: Story) -> dict:
    if not isinstance(saved, dict):
        raise ValueError("visit counts are not a mapping")
    return {k: int(v) for k, v in saved.items() if k in story.scenes}


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
