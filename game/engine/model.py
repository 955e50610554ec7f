"""Story content, as loaded and checked: scenes, choices, endings, variables. Never changes in play."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
class Scene:
    """A state of the story machine."""

    id: str
    title: str
    place: Place
    paragraphs: list[Paragraph] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    goto: str | None = None
    goto_place: Place | None = None
    effects: list[Effect] = field(default_factory=list)
    ending: Ending | None = None
    extras: dict = field(default_factory=dict)

    @property
    def targets(self) -> list[str]:
        """Every scene id this scene can lead to."""
        found = [choice.goto for choice in self.choices]
        if self.goto:
            found.append(self.goto)
        return found


@dataclass
class Variable:
    """A declared story variable; its initial value fixes its type."""

    name: str
    type: str
    default: object
    place: Place


@dataclass
class Story:
    """A whole story: metadata, variables and scenes by id."""

    id: str
    title: str
    start: str
    root: Path
    variables: dict[str, Variable] = field(default_factory=dict)
    scenes: dict[str, Scene] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

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
