"""Player settings: a versioned JSON file in the per-user folder, written atomically."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..engine.atomic import write_json_atomic

SETTINGS_VERSION = 1
TEXT_SPEEDS = {"slow": 30, "normal": 60, "fast": 140, "instant": 0}  # characters per second; 0 = at once
TEXT_SIZES = (0.8, 0.9, 1.0, 1.15, 1.3)
FONTS = ("default", "dyslexic")
THEMES = ("default", "high_contrast")


@dataclass
class Settings:
    text_speed: str = "normal"
    text_size: int = 2          # index into TEXT_SIZES
    font: str = "default"
    theme: str = "default"
    reduced_motion: bool = False
    music_volume: int = 7       # 0..10
    sound_volume: int = 8       # 0..10
    fullscreen: bool = False
    session_records: bool = True  # a session file per playthrough, kept on this computer
    think_notes: bool = False     # discussion prompts as a quiet note after the choice
    self_voicing: bool = False    # read the screen aloud through the system's speech engine (V)

    @property
    def chars_per_second(self) -> int:
        return 0 if self.reduced_motion else TEXT_SPEEDS[self.text_speed]

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    def to_json(self) -> dict:
        return {"version": SETTINGS_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict) -> "Settings":
        """Known, valid keys are taken; anything else keeps its default."""
        settings = cls()
        for spec in fields(cls):
            if spec.name in data:
                value = data[spec.name]
                if _valid(spec.name, value):
                    setattr(settings, spec.name, value)
        return settings

    def set_from_text(self, key: str, text: str) -> None:
        """Set one setting from `key=value` text (for `face-value shot --settings`)."""
        names = {spec.name: spec for spec in fields(self)}
        if key not in names:
            raise ValueError(f"unknown setting '{key}' (settings: {', '.join(names)})")
        current = getattr(self, key)
        if isinstance(current, bool):
            value = {"true": True, "on": True, "1": True, "false": False, "off": False, "0": False}.get(text.lower())
        elif isinstance(current, int):
            value = int(text) if text.lstrip("-").isdigit() else None
        else:
            value = text
        if value is None or not _valid(key, value):
            raise ValueError(f"'{text}' is not a valid value for {key}")
        setattr(self, key, value)


def _valid(name: str, value) -> bool:
    checks = {
        "text_speed": lambda v: v in TEXT_SPEEDS,
        "text_size": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v < len(TEXT_SIZES),
        "font": lambda v: v in FONTS,
        "theme": lambda v: v in THEMES,
        "reduced_motion": lambda v: isinstance(v, bool),
        "music_volume": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10,
        "sound_volume": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10,
        "fullscreen": lambda v: isinstance(v, bool),
        "session_records": lambda v: isinstance(v, bool),
        "think_notes": lambda v: isinstance(v, bool),
        "self_voicing": lambda v: isinstance(v, bool),
    }
    return checks[name](value)


class SettingsFile:
    """Loads and saves settings; a corrupt file is set aside (never deleted) and defaults used."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.notice = ""

    def load(self) -> Settings:
        if not self.path.is_file():
            return Settings()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return Settings.from_json(data)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            aside = self.path.with_name(self.path.stem + ".unreadable.json")
            try:
                self.path.replace(aside)
                self.notice = f"settings file {self.path} could not be read ({exc}); kept as {aside.name}, using defaults"
            except OSError:
                self.notice = f"settings file {self.path} could not be read ({exc}); using defaults"
            return Settings()

    def save(self, settings: Settings) -> None:
        try:
            write_json_atomic(self.path, settings.to_json())
        except OSError as exc:
            self.notice = f"settings could not be saved: {exc.strerror or exc}"
