"""Load a story folder into checked content, collecting every problem in one pass."""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from . import expr
from .analysis import story_figures, story_stats
from .assets import AssetFinder
from .checker import ID_PATTERN, NAME_PATTERN, Checker, did_you_mean
from .expr import BOOL, Compiler, ExprError, Scope, constant_expression
from .graphcheck import check_starts, check_ways_out
from .inspection import check_inspection_shape, read_inspection
from .model import Choice, Effect, Ending, Paragraph, Prompt, Scene, Stage, Story, Variable
from .problems import Place, Problems
from .storyfile import STORY_FILE, StoryFile, StoryFileReader, asset
from .storyformat import CHOICE, ENDING_MAP, PARAGRAPH, SCENE, SCENE_FILE, WAYS_ON
from .template import Template, compile_template
from .yamlsrc import SourceFile, YList, YMap

SCENE_FILE_KEYS, SCENE_KEYS, CHOICE_KEYS = SCENE_FILE.names, SCENE.names, CHOICE.names
PARAGRAPH_KEYS, ENDING_KEYS = PARAGRAPH.names, ENDING_MAP.names
CHOICE_REQUIRED, ENDING_REQUIRED = CHOICE.required, ENDING_MAP.required
PROMPT_KEYS = ("text", "if")
NO_MUSIC = "none"
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass
class LoadResult:
    """What loading produced: the story (None when it has errors) and every problem found.
    Its size and shape figures (`stats`) are worked out when first asked for: only `check`
    reports them, and the shape figures walk the whole graph."""

    story: Story | None
    problems: Problems
    figures: Callable[[], dict] = field(default=dict, repr=False)
    _stats: dict | None = field(default=None, init=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems.errors

    @property
    def stats(self) -> dict:
        if self._stats is None:
            self._stats = self.figures()
        return self._stats


class _Loader(Checker):
    """One load of one story folder. Holds its problems; nothing is global."""

    def __init__(self, folder: Path, display: str):
        super().__init__(folder, display)
        self.variables: dict[str, Variable] = {}
        # Files are compiled one at a time and their YAML dropped, so a scene may name a scene
        # of a file not read yet: those names are checked once every file is read.
        self.scene_places: dict[str, Place] = {}  # every scene id read so far, and where
        self.unresolved: list[tuple[Place, str, str, str]] = []  # (place, key, what, scene id)
        self.later: list = []  # compiles to redo with every scene id known (visited('a_later_scene'))
        self.compiler = Compiler(Scope({}))
        self.effect_compiler = Compiler(Scope({}, allow_random=True))
        self.meta: StoryFile | None = None
        self.assets = AssetFinder(None)

    # --- files ---------------------------------------------------------------------

    def scene_files(self) -> list[Path]:
        found = []
        for dirpath, dirnames, filenames in os.walk(self.folder):
            for name in [d for d in dirnames if d.endswith(".yaml") and not d.startswith(".")]:
                if Path(dirpath) / name != self.folder / STORY_FILE:  # story.yaml has its own error
                    self.problems.error(Place(self.display_path(Path(dirpath) / name)), "unreadable", "this is a folder, not a scene file", "scene files are plain .yaml files")
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not d.endswith(".yaml"))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if name.startswith(".") or path == self.folder / STORY_FILE:
                    continue
                if name.endswith(".yaml"):
                    found.append(path)
                elif name.endswith(".yml"):
                    self.problems.warning(Place(self.display_path(path)), "ignored-file", "this file is ignored: scene files end in .yaml")
        return found

    # --- scene files --------------------------------------------------------------------

    def collect_scenes(self, source: SourceFile) -> list[tuple[str, object, YMap]]:
        """The scenes of one file that can be compiled: (id, key node, body)."""
        if not source.ok:
            return []
        data = source.data
        if data is None:
            self.problems.warning(Place(source.path), "empty-file", "this scene file is empty")
            return []
        if not isinstance(data, YMap):
            self.wrong_type(source.place(getattr(data, "node", None)), "a scene file", "a mapping with a 'scenes:' key", data)
            return []
        self.check_keys(source, data, SCENE_FILE_KEYS, "a scene file")
        scenes = data.get("scenes")
        if "scenes" not in data:
            self.problems.error(source.place(data.node), "missing-key", "a scene file needs a 'scenes:' mapping")
            self.unread.add(source.path)
            return []
        if not isinstance(scenes, YMap):
            self.wrong_type(self.value_place(source, data, "scenes"), "'scenes'", "a mapping of scene id: scene", scenes)
            return []
        found = []
        for scene_id, body in scenes.items():
            key_node = scenes.key_nodes[scene_id]
            place = source.place(key_node)
            if not ID_PATTERN.match(scene_id):
                self.problems.error(place, "bad-id", f"'{scene_id}' is not a valid scene id", "use lowercase letters, digits and _, starting with a letter")
                continue
            if scene_id in self.scene_places:
                self.problems.error(place, "duplicate-scene", f"scene '{scene_id}' is defined twice (first at {self.scene_places[scene_id]})")
                continue
            if not isinstance(body, YMap):
                self.wrong_type(source.place(scenes.value_nodes[scene_id]), f"scene '{scene_id}'", "a mapping", body)
                continue
            self.scene_places[scene_id] = place
            found.append((scene_id, key_node, body))
        return found

    def compile_file(self, path: Path, scenes: dict[str, Scene]) -> str | None:
        """Read, check and compile one scene file, then let its YAML go: only the compiled
        scenes (with line and column for messages) outlive it. Gives the file's display path
        if it held scenes."""
        source = self.read(path)
        found = self.collect_scenes(source)
        for scene_id, key_node, body in found:
            scenes[scene_id] = self.compile_scene(source, scene_id, key_node, body)
        source.data = None
        return source.path if found else None

    def resolve_later(self, scenes: dict[str, Scene]) -> None:
        """The checks that needed every scene id: links and visited() to scenes of later files."""
        ids = frozenset(scenes)
        unknown = False
        for place, key, what, value in self.unresolved:
            if value not in ids:
                unknown = True
                self.problems.error(place, "unknown-scene", f"'{key}' in {what} names unknown scene '{value}'", did_you_mean(value, ids))
        if unknown:  # a link to no scene is dropped, as if it had not been written
            for scene in scenes.values():
                if scene.goto is not None and scene.goto not in ids:
                    scene.goto = None
                if any(choice.goto not in ids for choice in scene.choices):
                    scene.choices = [choice for choice in scene.choices if choice.goto in ids]
                    for index, choice in enumerate(scene.choices):
                        choice.index = index
        types = {n: v.type for n, v in self.variables.items()}
        self.compiler = Compiler(Scope(types, ids))
        self.effect_compiler = Compiler(Scope(types, ids, allow_random=True))
        for redo in self.later:
            redo()

    def visits_known(self, compiled, redo) -> None:
        """An expression that reads visited() of a scene not read yet is compiled again at the
        end, when an unknown scene is an error at its exact place."""
        for item in compiled:
            if item is not None and item.visits and not item.visits <= self.scene_places.keys():
                self.later.append(redo)
                return

    # --- compiling scenes --------------------------------------------------------------------

    def compile_scene(self, source: SourceFile, scene_id: str, key_node, body: YMap) -> Scene:
        what = f"scene '{scene_id}'"
        self.check_keys(source, body, SCENE_KEYS, what)
        scene = Scene(scene_id, scene_id.replace("_", " ").capitalize(), source.place(key_node))
        if "title" in body:
            scene.title = self.text_value(source, body.value_nodes["title"], body["title"], f"the title of {what}") or scene.title
        if "text" in body:
            scene.paragraphs = self.paragraphs(source, body, what)
        elif not self.misspelled(body, "text", SCENE_KEYS):
            self.problems.error(scene.place, "missing-key", f"{what} has no text")
        if "set" in body:
            scene.effects = self.effects(source, body, what)
        if "goto" in body:
            scene.goto = self.scene_ref(source, body, "goto", what)
            scene.goto_place = self.value_place(source, body, "goto")
        if "choices" in body:
            scene.choices = self.choices(source, body, what)
        if "ending" in body:
            scene.ending = self.ending(source, body, what)
        scene.stage = self.stage(source, body, what)
        if "discuss" in body:
            scene.discuss = self.discuss(source, body, what)
        if "inspect" in body:
            scene.inspect = read_inspection(self, self.assets, source, body, what)
            check_inspection_shape(self, scene, source, body)
        self.check_shape(scene, body, source)
        return scene

    def stage(self, source: SourceFile, body: YMap, what: str) -> Stage:
        """The presentation keys: files are looked up now, so a missing one is an error at its line."""
        stage = Stage()
        for key in ("background", "portrait", "sound"):
            if key in body:
                setattr(stage, key, asset(self, self.assets, source, body, key, what))
        if "music" in body:
            stage.music = NO_MUSIC if body["music"] == NO_MUSIC else asset(self, self.assets, source, body, "music", what)
        if "speaker" in body:
            speaker = self.text_at(source, body, "speaker", f"the speaker of {what}")
            characters = self.meta.characters if self.meta else {}
            if speaker is not None and speaker not in characters:
                self.problems.error(self.value_place(source, body, "speaker"), "unknown-character", f"{what} names unknown speaker '{speaker}'", did_you_mean(speaker, characters, "declare it under characters: in story.yaml"))
            elif speaker is not None:
                stage.speaker = speaker
        if "mood" in body:
            stage.portrait = self.mood(source, body, what, stage)
        return stage

    def mood(self, source: SourceFile, body: YMap, what: str, stage: Stage) -> str | None:
        """`mood: worried` shows the scene's portrait (or its speaker's) with that face."""
        mood = self.text_at(source, body, "mood", f"the mood of {what}")
        speaker = self.meta.characters.get(stage.speaker) if self.meta and stage.speaker else None
        portrait = stage.portrait or (speaker.portrait if speaker else None)
        if mood is None or portrait is None:
            if mood is not None and "portrait" not in body and self.assets.root is not None and self.assets.root.is_dir():
                self.problems.error(self.value_place(source, body, "mood"), "bad-value", f"{what} has a mood but no portrait to show it", "give the scene a speaker with a portrait")
            return stage.portrait
        found = self.assets.mood(portrait, mood)
        if found.name is None:
            self.problems.error(self.value_place(source, body, "mood"), "missing-asset", f"'mood' in {what}: {found.problem}", found.hint)
        return found.name or stage.portrait

    def discuss(self, source: SourceFile, body: YMap, what: str) -> list[Prompt]:
        """Open questions for a class at this scene: strings, or {text, if} shown when `if` holds."""
        value, node = body["discuss"], body.value_nodes["discuss"]
        items = list(zip(value, value.item_nodes)) if isinstance(value, YList) else [(value, node)]
        prompts = []
        for item, item_node in items:
            condition = None
            if isinstance(item, YMap):
                self.check_keys(source, item, PROMPT_KEYS, f"a discussion question of {what}")
                if "text" not in item:
                    self.problems.error(source.place(item_node), "missing-key", f"a conditional discussion question of {what} needs 'text'")
                    continue
                condition = self.condition(source, item, "if", f"a discussion question of {what}") if "if" in item else None
                item, item_node = item["text"], item.value_nodes["text"]
            text = self.text_value(source, item_node, item, f"a discussion question of {what}")
            if text is not None and not text.strip():
                self.problems.error(source.place(item_node), "empty-text", f"a discussion question of {what} is empty")
            elif text is not None:
                prompts.append(Prompt(text.strip(), condition))
        if not items:
            self.problems.error(source.place(node), "empty-text", f"the discussion questions of {what} are an empty list")
        return prompts

    def check_shape(self, scene: Scene, body: YMap, source: SourceFile) -> None:
        what = f"scene '{scene.id}'"
        has = {key for key in WAYS_ON if key in body}
        if "ending" in has and "choices" in has:
            self.problems.error(self.key_place(source, body, "choices"), "ending-with-choices", f"{what} is an ending, so it cannot have choices")
        if "ending" in has and "goto" in has:
            self.problems.error(self.key_place(source, body, "goto"), "ending-with-goto", f"{what} is an ending, so it cannot have a goto")
        if "choices" in has and "goto" in has and not self.goto_meant_for_choice(source, body):
            self.problems.error(self.key_place(source, body, "goto"), "choices-and-goto", f"{what} has both choices and a goto", "a scene either offers choices or continues with goto")
        misplaced = [key for key in body.get("set") or () if key in WAYS_ON] if isinstance(body.get("set"), YMap) else []
        if not has and not misplaced and not any(did_you_mean(key, WAYS_ON) for key in body if key not in SCENE_KEYS):
            self.problems.error(scene.place, "dead-end", f"{what} is a dead end: it has no choices, no goto and no ending", "add choices:, goto: or ending:")

    def goto_meant_for_choice(self, source: SourceFile, body: YMap) -> bool:
        """A scene's `goto:` right below a last choice that has none was meant for that choice,
        indented too little: report that one mistake instead of a choice without goto and a scene
        with both choices and a goto."""
        choices = body["choices"]
        if not isinstance(choices, YList) or not choices or not isinstance(choices[-1], YMap) or "goto" in choices[-1]:
            return False
        goto_key, last = body.key_nodes["goto"], choices[-1]
        if goto_key.start_mark.line < last.node.start_mark.line:
            return False
        text_key = last.key_nodes.get("text")
        column = text_key.start_mark.column if text_key else last.node.start_mark.column
        missing = source.place(last.node)
        self.problems.items[:] = [p for p in self.problems.items if not (p.place == missing and p.message.endswith("needs 'goto'"))]
        self.problems.error(source.place(goto_key), "choices-and-goto", f"this 'goto:' is indented like a key of the scene, so the choice above it (line {missing.line}) has no goto", f"indent it by {column} spaces to line it up with the choice's 'text:'")
        return True

    def paragraphs(self, source: SourceFile, body: YMap, what: str) -> list[Paragraph]:
        value, node = body["text"], body.value_nodes["text"]
        if isinstance(value, YList):
            items = list(zip(value, value.item_nodes))
            if not items:
                self.problems.error(source.place(node), "empty-text", f"the text of {what} is an empty list")
        else:
            items = [(value, node)]
        result = []
        for item, item_node in items:
            if isinstance(item, YMap):
                result.extend(self.conditional_paragraph(source, item, what))
            else:
                text = self.text_value(source, item_node, item, f"the text of {what}")
                if text is not None:
                    result.extend(self.split_paragraphs(source, item_node, text, None, what))
        return result

    def conditional_paragraph(self, source: SourceFile, item: YMap, what: str) -> list[Paragraph]:
        self.check_keys(source, item, PARAGRAPH_KEYS, f"a paragraph of {what}")
        if "text" not in item:
            self.problems.error(source.place(item.node), "missing-key", f"a conditional paragraph of {what} needs 'text'")
            return []
        condition = self.condition(source, item, "if", what) if "if" in item else None
        text = self.text_value(source, item.value_nodes["text"], item["text"], f"the text of {what}")
        if text is None:
            return []
        paragraphs = self.split_paragraphs(source, item.value_nodes["text"], text, condition, what)
        if condition is not None:
            for paragraph in paragraphs:
                paragraph.place = self.value_place(source, item, "if")
        return paragraphs

    def split_paragraphs(self, source: SourceFile, node, text: str, condition, what: str) -> list[Paragraph]:
        """Blank lines inside one string separate paragraphs."""
        if not text.strip():
            self.problems.error(source.place(node), "empty-text", f"the text of {what} is empty")
            return []
        # `|` and `>` keep the final line break; it would show as an extra blank line.
        template = self.template(source, node, text.rstrip(), f"the text of {what}")
        if template.parts or "\n" not in template.source:
            return [Paragraph(template, condition)]
        pieces = [p.strip() for p in _BLANK_LINE.split(text.strip())]
        if len(pieces) == 1:
            return [Paragraph(template, condition)]
        return [Paragraph(Template(piece), condition) for piece in pieces if piece]

    def template(self, source: SourceFile, node, text: str, where: str) -> Template:
        if "{" not in text and "}" not in text:
            return Template(text)  # plain text (most of a story): nothing to compile or report
        template = compile_template(text, self.compiler, lambda exc: self.expression_error(source, node, exc, where))
        if template.parts:
            template.place = source.place(node)
            self.visits_known(template.expressions, lambda: self.template(source, node, text, where))
        return template

    def condition(self, source: SourceFile, ymap: YMap, key: str, what: str):
        value, node = ymap[key], ymap.value_nodes[key]
        if isinstance(value, bool):
            return constant_expression(value)
        if not isinstance(value, str):
            self.wrong_type(source.place(node), f"the condition in {what}", "an expression", value)
            return None
        try:
            compiled = self.compiler.compile(value)
        except ExprError as exc:
            self.expression_error(source, node, exc, f"in the condition of {what}")
            return None
        if compiled.type != BOOL:
            self.problems.error(source.place(node), "type-error", f"the condition of {what} gives {expr.TYPE_NAMES[compiled.type]}, not true/false", "compare it, for example: trust > 50")
            return None
        self.visits_known([compiled], lambda: self.condition(source, ymap, key, what))
        return compiled

    def effects(self, source: SourceFile, ymap: YMap, what: str) -> list[Effect]:
        block = ymap["set"]
        if not isinstance(block, YMap):
            self.wrong_type(self.value_place(source, ymap, "set"), f"'set' in {what}", "a mapping of variable: expression", block)
            return []
        result = []
        for name, value in block.items():
            effect = self.effect(source, block, name, value, what)
            if effect:
                result.append(effect)
        return result

    def effect(self, source: SourceFile, block: YMap, name: str, value, what: str) -> Effect | None:
        node = block.value_nodes[name]
        variable = self.variables.get(name)
        if variable is None:
            hint = did_you_mean(name, self.variables, "declare it under variables: in story.yaml")
            if block.node.flow_style and not NAME_PATTERN.match(name):
                hint = "inside { } a comma ends the value: put the expression in quotes"
            elif name in SCENE_KEYS and not block.node.flow_style:
                hint = f"'{name}:' is indented as a variable under 'set:'; line it up with 'set:' to make it the scene's"
            code = "misplaced-key" if name in SCENE_KEYS else "unknown-variable"
            self.problems.error(self.key_place(source, block, name), code, f"'set' in {what} names unknown variable '{name}'", hint)
            return None
        if isinstance(value, (bool, int, float)):
            compiled = constant_expression(value)
        elif isinstance(value, str):
            try:
                compiled = self.effect_compiler.compile(value)
            except ExprError as exc:
                if variable.type == expr.STR and exc.code == "unknown-variable":
                    exc.hint = f"to set text, quote it inside the YAML value: {name}: \"'{value}'\""
                elif block.node.flow_style and "(" in value and ")" not in value:
                    exc.hint = "inside { } a comma ends the value: put the expression in quotes"
                self.expression_error(source, node, exc, f"in 'set: {name}' of {what}")
                return None
        else:
            self.wrong_type(source.place(node), f"'set: {name}' in {what}", "an expression", value)
            return None
        if compiled.type != variable.type and not (variable.type == expr.FLOAT and compiled.type == expr.INT):
            hint = "use // for whole-number division" if variable.type == expr.INT and compiled.type == expr.FLOAT else ""
            self.problems.error(source.place(node), "type-error", f"'{name}' holds {expr.TYPE_NAMES[variable.type]}, but this gives {expr.TYPE_NAMES[compiled.type]}", hint)
            return None
        self.visits_known([compiled], lambda: self.effect(source, block, name, value, what))
        return Effect(name, compiled, source.place(node))

    def scene_ref(self, source: SourceFile, ymap: YMap, key: str, what: str) -> str | None:
        value = ymap[key]
        if not isinstance(value, str):
            self.wrong_type(self.value_place(source, ymap, key), f"'{key}' in {what}", "a scene id", value)
            return None
        if value not in self.scene_places:
            self.unresolved.append((self.value_place(source, ymap, key), key, what, value))
        return value

    def choices(self, source: SourceFile, body: YMap, what: str) -> list[Choice]:
        items = body["choices"]
        if not isinstance(items, YList):
            self.wrong_type(self.value_place(source, body, "choices"), f"'choices' in {what}", "a list", items)
            return []
        if not items:
            self.problems.error(self.value_place(source, body, "choices"), "empty-choices", f"{what} has an empty list of choices")
        result = []
        for item, node in zip(items, items.item_nodes):
            if not isinstance(item, YMap):
                self.wrong_type(source.place(node), f"a choice in {what}", "a mapping with text and goto", item)
                continue
            choice = self.choice(source, item, len(result), what)
            if choice:
                result.append(choice)
        return result

    def choice(self, source: SourceFile, item: YMap, index: int, what: str) -> Choice | None:
        where = f"a choice in {what}"
        self.check_keys(source, item, CHOICE_KEYS, where)
        for key in CHOICE_REQUIRED:
            if key not in item and not self.misspelled(item, key, CHOICE_KEYS):
                self.problems.error(source.place(item.node), "missing-key", f"{where} needs '{key}'")
        if "text" not in item or "goto" not in item:
            return None
        text = self.text_value(source, item.value_nodes["text"], item["text"], f"the text of {where}")
        goto = self.scene_ref(source, item, "goto", what)
        condition = self.condition(source, item, "if", what) if "if" in item else None
        effects = self.effects(source, item, what) if "set" in item else []
        if text is None or goto is None:
            return None
        template = self.template(source, item.value_nodes["text"], text.rstrip(), f"the text of {where}")
        return Choice(index, template, goto, source.place(item.node), condition, effects)

    def ending(self, source: SourceFile, body: YMap, what: str) -> Ending | None:
        value = body["ending"]
        if not isinstance(value, YMap):
            self.wrong_type(self.value_place(source, body, "ending"), f"'ending' in {what}", "a mapping with id and title", value)
            return None
        self.check_keys(source, value, ENDING_KEYS, f"the ending of {what}")
        missing = [key for key in ENDING_REQUIRED if key not in value]
        for key in missing:
            self.problems.error(source.place(value.node), "missing-key", f"the ending of {what} needs '{key}'")
        if missing:
            return None
        ending_id = self.text_value(source, value.value_nodes["id"], value["id"], "an ending id")
        title = self.text_value(source, value.value_nodes["title"], value["title"], "an ending title")
        if ending_id is not None and not ID_PATTERN.match(ending_id):
            self.problems.error(self.value_place(source, value, "id"), "bad-id", f"'{ending_id}' is not a valid ending id", "use lowercase letters, digits and _")
            return None
        return Ending(ending_id, title) if ending_id and title else None

    # --- whole-story checks ---------------------------------------------------------------

    def check_graph(self, story: Story) -> None:
        meta = self.meta
        if story.start not in story.scenes:
            self.problems.error(self.value_place(meta.source, meta.data, "start"), "unknown-scene", f"start names unknown scene '{story.start}'", did_you_mean(story.start, story.scenes))
            return
        starts = [story.start]
        for chapter in story.chapters:
            if chapter.start in story.scenes:
                starts.append(chapter.start)
            else:
                self.problems.error(chapter.place, "unknown-scene", f"chapter {chapter.number} starts at unknown scene '{chapter.start}'", did_you_mean(chapter.start, story.scenes))
        reached = reachable(story, starts)
        for scene in story.scenes.values():
            if scene.id not in reached:
                self.problems.warning(scene.place, "unreachable", f"scene '{scene.id}' can never be reached from the start")
        check_ways_out(story, reached, self.problems)
        if not self.problems.errors:
            check_starts(story, self.problems)
        assign_chapters(story)
        self.check_endings(story)

    def check_endings(self, story: Story) -> None:
        titles: dict[str, tuple[str, Scene]] = {}
        for scene in story.scenes.values():
            ending = scene.ending
            if not ending:
                continue
            if ending.id in titles and titles[ending.id][0] != ending.title:
                other = titles[ending.id][1]
                self.problems.warning(scene.place, "ending-title", f"ending '{ending.id}' has a different title here than in scene '{other.id}'")
            titles.setdefault(ending.id, (ending.title, scene))

    def run(self) -> LoadResult:
        if not self.folder.is_dir():
            self.problems.error(Place(self.display), "missing-folder", "no such story folder")
            return LoadResult(None, self.problems)
        self.meta = meta = StoryFileReader(self).read(self.folder)
        if meta is not None:
            self.variables = meta.variables
            self.assets = AssetFinder(meta.assets)
        types = {n: v.type for n, v in self.variables.items()}
        self.compiler = Compiler(Scope(types))  # scene ids are checked at the end (resolve_later)
        self.effect_compiler = Compiler(Scope(types, allow_random=True))
        scenes: dict[str, Scene] = {}
        files = [self.compile_file(path, scenes) for path in self.scene_files()]
        self.resolve_later(scenes)
        if meta is None or not meta.title or not meta.start:
            self.hide_follow_on(story_file_read=meta is not None)
            return LoadResult(None, self.problems, lambda: story_stats(scenes))
        story = Story(
            meta.id or slug(meta.title), meta.title, meta.start, self.folder, self.variables, scenes,
            chapters=meta.chapters, measures=meta.measures, characters=meta.characters, assets=meta.assets,
            description=meta.description, author=meta.author,
        )
        story.files = sorted(path for path in files if path)
        self.check_graph(story)
        self.hide_follow_on(story_file_read=True)
        return LoadResult(None if self.problems.errors else story, self.problems, lambda: story_figures(story))


def reachable(story: Story, starts: list[str]) -> set[str]:
    """Scene ids reachable from `starts`, ignoring conditions."""
    seen = set(s for s in starts if s in story.scenes)
    todo = list(seen)
    while todo:
        for target in story.scenes[todo.pop()].targets:
            if target not in seen and target in story.scenes:
                seen.add(target)
                todo.append(target)
    return seen


def assign_chapters(story: Story) -> None:
    """A scene belongs to the chapter whose start reaches it first, without crossing into
    another chapter's start (with no chapters, every scene is in none)."""
    starts = {chapter.start: chapter.number for chapter in story.chapters}
    for chapter in story.chapters:
        if chapter.start not in story.scenes:
            continue
        todo = [chapter.start]
        while todo:
            scene = story.scenes[todo.pop()]
            if scene.chapter is not None:
                continue
            scene.chapter = chapter.number
            todo.extend(t for t in scene.targets if t in story.scenes and t not in starts)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "story"


def load_story(folder, display: str | None = None, compiled: Path | None = None) -> LoadResult:
    """Load and check the story in `folder`; never raises for anything in the files.

    With `compiled` (a folder for compiled stories, see compiled.py), a story whose files have
    not changed since it last loaded without errors is read from its compiled entry, with the
    same content and warnings; otherwise it is loaded from its YAML and the entry written."""
    folder = Path(folder)
    display = display if display is not None else str(folder)
    if compiled is not None and engine_version() is None:
        compiled = None
    with paused_gc():
        if compiled is not None:
            from . import compiled as entries
            found = entries.load(compiled, folder, display, engine_version())
            if found is not None:
                story, problems = found
                return LoadResult(story, problems, lambda: story_figures(story))
            before = entries.fingerprint(folder)
        result = _Loader(folder, display).run()
    if compiled is not None and result.ok:
        try:
            entries.save(compiled, result.story, result.problems, display, engine_version(), before)
        except (OSError, ValueError, TypeError):
            pass  # a compiled entry that cannot be written only makes the next load slower
    return result


def load_to_play(folder, display: str | None = None, compiled: Path | None = None) -> LoadResult:
    """load_story for a process that plays the story until it exits (the game, playtest,
    explore). The story is loaded with the cyclic collector paused, so all its objects are
    young, and the first young collection would scan every one of them in the middle of play
    (70 ms at 5,000 scenes; playing 10,000 random steps went from 17,000 to 30,000 steps a
    second without it). They live as long as the process, so they go to the old generation
    at once: gc.freeze() then gc.unfreeze() does that without scanning anything (Runner does
    the same for its machine). They are still collected by a full collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = load_story(folder, display, compiled)
        gc.freeze()
        gc.unfreeze()
    finally:
        if was_enabled:
            gc.enable()
    return result


@functools.lru_cache(maxsize=1)
def engine_version() -> str | None:
    """The loader's own identity for compiled entries: a digest of the engine's source and the
    YAML library's version, so any change to how stories are read makes old entries stale."""
    digest = hashlib.sha256(yaml.__version__.encode())
    try:
        for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    except OSError:
        return None  # an engine that cannot read itself does not use compiled stories
    return digest.hexdigest()[:32]


@contextmanager
def paused_gc():
    """Loading makes hundreds of thousands of long-lived objects and no garbage cycles; the
    cyclic collector would rescan them again and again (composing a 5,000-scene story took
    0.85 s with it, 0.20 s without). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
