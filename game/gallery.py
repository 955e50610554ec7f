"""The endings gallery: which endings a player has reached, kept across playthroughs as JSON."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from .engine import safeio
from .engine.atomic import set_aside, write_json_atomic

GALLERY_VERSION = 1
PLAYTHROUGHS_KEPT = 200  # seeds of the playthroughs that reached an ending, so each counts once
MAX_GALLERY_BYTES = 4 * 1024 * 1024
MAX_TIMES = 10**9


class Gallery:
    """Endings reached for one story; a corrupt file is set aside, never deleted."""

    def __init__(self, path: Path, story_id: str):
        self.path = Path(path)
        self.story_id = story_id
        self.endings: dict[str, dict] = {}
        self.notice = ""
        self._load()

    def _load(self) -> None:
        """Read the file as untrusted: a file that is not a gallery is set aside (renamed, never
        deleted) and a new gallery begins; an entry that is not one is left out."""
        if not os.path.lexists(self.path):
            return
        try:
            data = safeio.read_json(self.path, MAX_GALLERY_BYTES)
            endings = data.get("endings", {}) if isinstance(data, dict) else None
            if not isinstance(endings, dict):
                raise safeio.UnsafeRead("it holds no endings")
        except safeio.UnsafeRead as exc:
            aside = set_aside(self.path)
            kept = f"kept as {aside.name}" if aside else "it could not be moved aside"
            self.notice = f"the endings gallery {self.path} could not be read ({exc.message}); {kept}, started a new one"
            return
        self.endings = {name: entry for name, value in endings.items() if _text(name, 200) and (entry := _entry(value)) is not None}

    def has(self, ending_id: str) -> bool:
        return ending_id in self.endings

    def record(self, ending_id: str, title: str, playthrough: int | None = None) -> bool:
        """Note that an ending was reached; True when it is new to the gallery. An ending counts
        once per playthrough (its seed): loading, continuing or undoing back to it again does not."""
        new = ending_id not in self.endings
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        entry = self.endings.setdefault(ending_id, {"title": title, "first_reached": now, "times": 0})
        seen = [s for s in entry.get("playthroughs", []) if isinstance(s, int)]
        if playthrough is not None and playthrough in seen:
            return new
        if playthrough is not None:
            entry["playthroughs"] = (seen + [playthrough])[-PLAYTHROUGHS_KEPT:]
        entry["times"] = int(entry.get("times", 0)) + 1
        try:
            write_json_atomic(self.path, {"version": GALLERY_VERSION, "story": self.story_id, "endings": self.endings})
        except OSError as exc:
            self.notice = f"the endings gallery could not be saved: {exc.strerror or exc}"
        return new


def _entry(value) -> dict | None:
    """A gallery entry with the fields the game reads, each of its type, or None."""
    if not isinstance(value, dict):
        return None
    title, first, times = value.get("title"), value.get("first_reached"), value.get("times")
    seeds = value.get("playthroughs")
    return {
        "title": _text(title, 500),
        "first_reached": _text(first, 64),
        "times": times if isinstance(times, int) and not isinstance(times, bool) and 0 <= times <= MAX_TIMES else 1,
        "playthroughs": [s for s in seeds if isinstance(s, int) and not isinstance(s, bool) and abs(s) < 2**63][-PLAYTHROUGHS_KEPT:] if isinstance(seeds, list) else [],
    }


def _text(value, limit: int) -> str:
    """`value` when it is text the gallery can write back (at most `limit` characters, no lone
    surrogate from a `\\ud800` escape), else ""."""
    if not isinstance(value, str) or len(value) > limit:
        return ""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return ""
    return value
