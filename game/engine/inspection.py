"""`inspect:` — a scene where the player examines something with their own hands.

Today there is one kind, `mask`: the player's own printed photo mask, made at that moment with
the story's printer id and print time, which they search under blue light and a magnifier for
its tracking code. The scene's two choices are its two outcomes: the first is taken when the
player frames and reads the code, the second when they leave it. So the story machine, undo,
saves and `explore` treat an inspection like any other choice, and the story decides what
reading the code leads to.

    inspect:
      kind: mask
      printer: P-0004217        # or a number
      printed: "2021-03-14 21:40"
      face: shufen              # optional: a portrait; the default is the game's mask art
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .checker import Checker, did_you_mean
from .model import Scene
from .yamlsrc import SourceFile, YMap

KINDS = ("mask",)
KEYS = ("kind", "printer", "printed", "face")
DEFAULT_PRINTER = 4217
DEFAULT_PRINTED = "2021-03-14 21:40"
MAX_PRINTER = (1 << 24) - 1
_PRINTER = re.compile(r"(?:P-?)?([0-9]{1,8})\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Inspection:
    kind: str
    printer: int
    printed: datetime
    face: str | None = None  # asset name under the assets root, or None for the default art

    @property
    def printer_label(self) -> str:
        return f"P-{self.printer:07d}"


def read_inspection(check: Checker, finder, source: SourceFile, body: YMap, what: str) -> Inspection | None:
    value, node = body["inspect"], body.value_nodes["inspect"]
    if isinstance(value, str):
        if value not in KINDS:
            check.problems.error(source.place(node), "unknown-inspect", f"{what} inspects '{value}', which is not something a player can inspect", did_you_mean(value, KINDS, "inspect: mask"))
            return None
        return Inspection(value, DEFAULT_PRINTER, datetime.fromisoformat(DEFAULT_PRINTED))
    if not isinstance(value, YMap):
        check.wrong_type(source.place(node), f"'inspect' in {what}", "mask or a mapping with kind, printer, printed and face", value)
        return None
    check.check_keys(source, value, KEYS, f"'inspect' in {what}")
    kind = check.text_at(source, value, "kind", f"the kind of inspection in {what}") if "kind" in value else None
    if kind is None or kind not in KINDS:
        place = check.value_place(source, value, "kind") if "kind" in value else source.place(node)
        check.problems.error(place, "unknown-inspect", f"{what} needs 'kind: mask' in its inspect:", did_you_mean(kind or "", KINDS, "kind: mask"))
        return None
    printer = DEFAULT_PRINTER
    if "printer" in value:
        text = check.text_at(source, value, "printer", f"the printer id in {what}")
        match = _PRINTER.match(text.strip()) if text is not None else None
        if match is None or int(match.group(1)) > MAX_PRINTER:
            if text is not None:
                check.problems.error(check.value_place(source, value, "printer"), "bad-printer", f"the printer id in {what} must be a number up to {MAX_PRINTER:,}, like 4217 or P-0004217, not '{text}'")
        else:
            printer = int(match.group(1))
    printed = datetime.fromisoformat(DEFAULT_PRINTED)
    if "printed" in value:
        text = check.text_at(source, value, "printed", f"the print time in {what}")
        try:
            printed = datetime.fromisoformat(text.strip()) if text is not None else printed
            if not 2020 <= printed.year <= 2050:
                raise ValueError
        except ValueError:
            check.problems.error(check.value_place(source, value, "printed"), "bad-time", f"the print time in {what} must look like \"2021-03-14 21:40\" (2020 to 2050), not '{text}'", "put it in quotes")
    face = None
    if "face" in value:
        name = check.text_at(source, value, "face", f"the face in {what}")
        if name is not None:
            found = finder.find("portrait", name)
            if found.name is None:
                check.problems.error(check.value_place(source, value, "face"), "missing-asset", f"the face in {what}: {found.problem}", found.hint)
            face = found.name
    return Inspection(kind, printer, printed, face)


def check_inspection_shape(check: Checker, scene: Scene, source: SourceFile, body: YMap) -> None:
    """An inspection's two outcomes are its two choices, both always offered."""
    what = f"scene '{scene.id}'"
    if len(scene.choices) != 2 or any(choice.condition is not None for choice in scene.choices):
        check.problems.error(check.key_place(source, body, "inspect"), "inspect-choices",
                             f"{what} inspects a mask, so it needs exactly two choices without if:",
                             "the first is taken when the player reads the code, the second when they leave it")
