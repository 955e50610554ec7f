"""The story format's mappings and their keys, in one table: the loader checks every mapping
against it, and game/tools/schema.py generates the JSON Schema (docs/schema/) from it, so the
schema an editor uses and the checks `face-value check` makes cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

# What a key's value may be. The loader's checks for each kind live in loader.py and
# storyfile.py; the generator turns each kind into a JSON Schema fragment.
TEXT = "text"              # a string (a number is taken as written)
NONEMPTY_TEXT = "nonempty text"
SCENE_ID = "scene id"      # names a scene: lowercase letters, digits and _
ID = "id"
CONDITION = "condition"    # an expression giving true/false, or true/false itself
EFFECTS = "effects"        # variable: expression
SCENE_TEXT = "scene text"  # text, or a list of paragraphs (text, or {if, text})
CHOICES = "choices"
ENDING = "ending"
DISCUSS = "discuss"        # a question, or a list of them (text, or {text, if})
INSPECT = "inspect"        # mask, or {kind: mask, printer, printed, face}
NUMBER = "number"
COLOR = "color"
VARIABLES = "variables"
VALUES = "values"          # variable: a starting value, for a chapter
LIST = "list"              # a list of the mapping named in `item`
ID_MAP = "id map"          # id: the mapping named in `item`
SCENES = "scenes"


@dataclass(frozen=True)
class Key:
    """One key of a mapping: its name, what its value may be, whether it must be there, and
    what it does (shown by editors as the key's description)."""

    name: str
    kind: str
    doc: str
    required: bool = False
    item: str = ""  # for LIST and ID_MAP: the name of the mapping each item is


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping of the format: where it is, and its keys."""

    name: str
    doc: str
    keys: tuple[Key, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys if key.required)


ID_PATTERN = r"[a-z][a-z0-9_]*"
NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_]*"
RESERVED_NAMES = ("and", "or", "not", "true", "false", "visited", "random")
# A scene offers choices, continues with goto, or is an ending: exactly one of them.
WAYS_ON = ("choices", "goto", "ending")

STORY = Mapping("story", "story.yaml: the story's title, first scene and variables.", (
    Key("title", TEXT, "Shown on the title screen and in saves.", required=True),
    Key("start", SCENE_ID, "The id of the first scene.", required=True),
    Key("variables", VARIABLES, "Every variable, with its starting value (which fixes its type)."),
    Key("id", TEXT, "The story's identity in saves (default: made from the title)."),
    Key("author", TEXT, "Who wrote the story."),
    Key("description", TEXT, "One line about the story, shown under the title."),
    Key("chapters", LIST, "Chapters, each playable on its own.", item="chapter"),
    Key("measures", LIST, "Number variables the player sees as bars, kept inside min..max.", item="measure"),
    Key("characters", ID_MAP, "Who can speak: `speaker: id` in a scene shows the name and portrait.", item="character"),
    Key("assets", TEXT, "The folder of pictures and sounds, relative to this file (default: assets/)."),
))
CHAPTER = Mapping("chapter", "A chapter: its title, first scene and what a player starting there has.", (
    Key("title", TEXT, "The chapter's title.", required=True),
    Key("start", SCENE_ID, "The id of the chapter's first scene.", required=True),
    Key("values", VALUES, "Variables a player starting at this chapter has (a middle path)."),
))
MEASURE = Mapping("measure", "A number variable shown to the player as a bar.", (
    Key("variable", TEXT, "The variable (a number).", required=True),
    Key("label", TEXT, "Its name on screen.", required=True),
    Key("min", NUMBER, "The lowest value; effects stop there.", required=True),
    Key("max", NUMBER, "The highest value; effects stop there.", required=True),
    Key("description", TEXT, "What it measures."),
))
CHARACTER = Mapping("character", "Someone who speaks.", (
    Key("name", TEXT, "The name shown on the name plate.", required=True),
    Key("portrait", TEXT, "A picture in portraits/ (a name without a dot), or a path in the assets folder."),
    Key("color", COLOR, "The name plate's colour, like \"#e0a040\"."),
))
SCENE_FILE = Mapping("scene file", "A scene file: every .yaml file except story.yaml.", (
    Key("scenes", SCENES, "The scenes: scene id, then the scene.", required=True, item="scene"),
))
SCENE = Mapping("scene", "A scene: its text and one way on (choices, goto or ending).", (
    Key("text", SCENE_TEXT, "The text: one string (a blank line starts a paragraph) or a list of paragraphs.", required=True),
    Key("title", TEXT, "Shown in save slots (default: made from the id)."),
    Key("choices", CHOICES, "The choices the player picks from."),
    Key("goto", SCENE_ID, "The next scene, when the player presses Enter."),
    Key("set", EFFECTS, "Effects applied each time the scene is entered: variable: expression."),
    Key("ending", ENDING, "Makes this scene an ending."),
    Key("speaker", TEXT, "A character id from story.yaml."),
    Key("portrait", TEXT, "A picture instead of the speaker's portrait."),
    Key("mood", TEXT, "The portrait's face: `worried` shows portraits/ID/worried.png; `neutral` (the default) is portraits/ID.png."),
    Key("background", TEXT, "A picture in backgrounds/; it stays until a later scene changes it."),
    Key("music", TEXT, "Music in music/, looped; `none` stops it."),
    Key("sound", TEXT, "A sound in sound/, played once on entering."),
    Key("discuss", DISCUSS, "Open questions for a class at this scene."),
    Key("inspect", INSPECT, "Something the player examines by hand (mask): its two choices are reading it and leaving it."),
))
CHOICE = Mapping("choice", "A choice: its text, where it goes, when it is shown, what it changes.", (
    Key("text", TEXT, "The choice's text; may use {expressions}.", required=True),
    Key("goto", SCENE_ID, "The scene it leads to.", required=True),
    Key("set", EFFECTS, "Effects of picking it: variable: expression."),
    Key("if", CONDITION, "Shown only when this is true."),
))
PARAGRAPH = Mapping("paragraph", "A paragraph shown only when its condition is true.", (
    Key("text", TEXT, "The paragraph.", required=True),
    Key("if", CONDITION, "Shown only when this is true."),
))
ENDING_MAP = Mapping("ending", "An ending.", (
    Key("id", ID, "The same id in several scenes is the same ending.", required=True),
    Key("title", TEXT, "Shown to the player and in the endings gallery.", required=True),
))

MAPPINGS = {m.name: m for m in (STORY, CHAPTER, MEASURE, CHARACTER, SCENE_FILE, SCENE, CHOICE, PARAGRAPH, ENDING_MAP)}
