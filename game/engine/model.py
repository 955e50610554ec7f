"""Story content, as loaded and checked: scenes, choices, endings, variables. Never changes in play."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .assets import resolve_inside
from .expr import Compiled
from .problems import Place
from .template import Template


@dataclass
class Effect:
    """`set: {variable: expression}`: one assignment, evaluated on the state before the step."""

    variable: str
    expression: Compiled
    place: Place


@dataclass
class Paragraph:
    """One paragraph of scene text, shown only when its condition (if any) holds."""

    text: Template
    condition: Compiled | None = None
    place: object = None  # where its `if:` is written, for a run-time error in it


@dataclass
class Prompt:
    """A discussion question for a class, shown only when its condition (if any) holds."""

    text: str
    condition: Compiled | None = None


@dataclass
class Choice:
    """A transition out of a scene, offered when its condition holds."""

    index: int
    text: Template
    goto: str
    place: Place
    condition: Compiled | None = None
    effects: list[Effect] = field(default_factory=list)


@dataclass
class Ending:
    """Where a playthrough stops; endings with the same id are the same ending in the gallery."""

    id: str
    title: str


@dataclass
class Character:
    """Someone who speaks in scenes: a name, and a portrait (an asset name) if they have one."""

    id: str
    name: str
    portrait: str | None = None
    color: str | None = None


@dataclass
class Stage:
    """What a scene puts on stage. Background and music stay until a later scene changes them;
    `music: none` stops the music. Sound plays once on entering."""

    background: str | None = None
    music: str | None = None
    sound: str | None = None
    portrait: str | None = None
    speaker: str | None = None


@dataclass
class Scene:
    """A state of the story machine."""

    id: str
    title: str
    place: Place = field(repr=False)
    paragraphs: list[Paragraph] = field(default_factory=list, repr=False)
    choices: list[Choice] = field(default_factory=list, repr=False)
    goto: str | None = None
    goto_place: Place | None = field(default=None, repr=False)
    effects: list[Effect] = field(default_factory=list, repr=False)
    ending: Ending | None = None
    stage: Stage = field(default_factory=Stage, repr=False)
    discuss: list[Prompt] = field(default_factory=list, repr=False)
    inspect: object | None = field(default=None, repr=False)  # an inspection.Inspection
    chapter: int | None = None

    @property
    def targets(self) -> list[str]:
        """Every scene id this scene can lead to."""
        found = [choice.goto for choice in self.choices]
        if self.goto:
            found.append(self.goto)
        return found


@dataclass
class Variable:
    """A declared story variable; its initial value fixes its type. A measure's variable
    is kept between its low and high bounds."""

    name: str
    type: str
    default: object
    place: Place
    low: float | None = None
    high: float | None = None

    def clamp(self, value):
        if self.low is not None and value < self.low:
            return type(value)(self.low)
        if self.high is not None and value > self.high:
            return type(value)(self.high)
        return value


@dataclass
class Measure:
    """A variable the player sees as a labelled bar (for example Compliance 0-100)."""

    variable: str
    label: str
    low: int | float
    high: int | float
    description: str = ""


@dataclass(frozen=True)
class NamedStart:
    """An alternative way into a chapter ("you complied"): its values go over the chapter's."""

    name: str
    label: str
    values: dict = field(default_factory=dict)
    place: Place | None = None


@dataclass
class Chapter:
    """A part of the story that can be started on its own, with the values a player has there
    (a middle path) and, optionally, named alternative starts."""

    number: int
    title: str
    start: str
    values: dict = field(default_factory=dict)
    place: Place | None = None
    starts: tuple[NamedStart, ...] = ()

    def values_for(self, start: str | None = None) -> dict:
        """The values of the middle path, or of the named start over it; KeyError if unknown."""
        if start is None:
            return dict(self.values)
        named = next((s for s in self.starts if s.name == start), None)
        if named is None:
            raise KeyError(start)
        return {**self.values, **named.values}

    @property
    def start_names(self) -> list[str]:
        return [s.name for s in self.starts]


@dataclass
class Story:
    """A whole story: metadata, variables and scenes by id."""

    id: str
    title: str
    start: str
    root: Path
    variables: dict[str, Variable] = field(default_factory=dict)
    scenes: dict[str, Scene] = field(default_factory=dict, repr=False)
    files: list[str] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    characters: dict[str, Character] = field(default_factory=dict)
    assets: Path | None = None
    description: str = ""
    author: str = ""

    def asset_path(self, name: str | None) -> Path | None:
        """The file of an asset name stored in the content or the state; None for a name
        that would leave the assets folder (see assets.resolve_inside)."""
        return resolve_inside(self.assets, name) if name else None

    def chapter(self, number: int) -> Chapter | None:
        return next((c for c in self.chapters if c.number == number), None)

    def initial_values(self) -> dict:
        return {name: var.default for name, var in self.variables.items()}

    @property
    def endings(self) -> dict[str, Ending]:
        """Every distinct ending, by id, in scene order."""
        found: dict[str, Ending] = {}
        for scene in self.scenes.values():
            if scene.ending and scene.ending.id not in found:
                found[scene.ending.id] = scene.ending
        return found
