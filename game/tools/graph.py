"""`face-value graph`: the story as a map — scenes grouped by chapter and file, endings
highlighted, conditional choices dashed, unreachable scenes marked, and (with --coverage)
scenes shaded by how often playtest or explore reached them. Writes html, svg, dot or mermaid.

The map is plain data (`StoryMap`) built from the checked story; graph_layout.py places it
(grandalf's layered layout), graph_svg.py draws it, and this module writes the text formats.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.model import Story
from ..engine.safeio import UnsafeRead, read_json

FORMATS = ("html", "svg", "dot", "mermaid")
MERMAID_MAX_EDGES = 500  # mermaid's default maxEdges: a larger flowchart does not render
MAX_COVERAGE_BYTES = 64 * 1024 * 1024


@dataclass
class MapChoice:
    """A way out of a scene: a choice (numbered from 1) or the scene's `goto` (number 0)."""

    number: int
    text: str
    target: str
    condition: str = ""
    effects: list[str] = field(default_factory=list)
    hits: int | None = None

    @property
    def conditional(self) -> bool:
        return bool(self.condition)


@dataclass
class MapScene:
    id: str
    title: str
    chapter: int | None
    file: str
    place: str
    text: list[str]
    choices: list[MapChoice]
    ending: str = ""  # the ending's title, for an ending scene
    unreachable: str = ""  # why it is marked, when it is
    hits: int | None = None  # from --coverage


@dataclass
class StoryMap:
    title: str
    chapters: dict[int | None, str]
    scenes: dict[str, MapScene]
    coverage: str = ""  # what the shading counts, when there is coverage
    notes: list[str] = field(default_factory=list)

    @property
    def links(self) -> list[tuple[MapScene, MapChoice]]:
        return [(scene, choice) for scene in self.scenes.values() for choice in scene.choices]

    def files(self, chapter: int | None) -> dict[str, list[MapScene]]:
        """The chapter's scenes by file, in story order."""
        found: dict[str, list[MapScene]] = {}
        for scene in self.scenes.values():
            if scene.chapter == chapter:
                found.setdefault(scene.file, []).append(scene)
        return found


@dataclass
class Coverage:
    """How often each scene (and choice, `scene#number`) was reached, and what that counts."""

    scenes: dict[str, int]
    choices: dict[str, int]
    measure: str
    unreachable: set[str] = field(default_factory=set)


class CoverageError(Exception):
    """A --coverage file that cannot be used; the message names the file."""


# --- building the map -----------------------------------------------------------------------

def build_map(story: Story, display: str, coverage: Coverage | None = None) -> StoryMap:
    chapters: dict[int | None, str] = {c.number: f"Chapter {c.number}: {c.title}" for c in story.chapters}
    if any(s.chapter is None for s in story.scenes.values()):
        chapters[None] = "Scenes" if not story.chapters else "Outside the chapters"
    reached = linked_from_starts(story)
    prefix = display.rstrip("/\\") + os.sep
    scenes = {}
    for scene in story.scenes.values():
        path = scene.place.path
        choices = [
            MapChoice(c.index + 1, c.text.source, c.goto, c.condition.source if c.condition else "",
                      [f"{e.variable} = {e.expression.source}" for e in c.effects])
            for c in scene.choices
        ]
        if scene.goto:
            choices.append(MapChoice(0, "(continue)", scene.goto))
        scenes[scene.id] = MapScene(
            scene.id, scene.title, scene.chapter, path[len(prefix):] if path.startswith(prefix) else path,
            str(scene.place), [_paragraph(p) for p in scene.paragraphs], choices,
            ending=scene.ending.title if scene.ending else "",
            unreachable="" if scene.id in reached else "no choice or goto leads here from a start",
        )
    story_map = StoryMap(story.title, chapters, scenes)
    if coverage is not None:
        shade(story_map, coverage)
    return story_map


def _paragraph(paragraph) -> str:
    text = paragraph.text.source
    return f"[if {paragraph.condition.source}] {text}" if paragraph.condition else text


def linked_from_starts(story: Story) -> set[str]:
    """Scenes some chain of choices and gotos leads to from the story's or a chapter's start."""
    seen = {story.start, *(c.start for c in story.chapters)} & set(story.scenes)
    frontier = list(seen)
    while frontier:
        for target in story.scenes[frontier.pop()].targets:
            if target in story.scenes and target not in seen:
                seen.add(target)
                frontier.append(target)
    return seen


def shade(story_map: StoryMap, coverage: Coverage) -> None:
    story_map.coverage = coverage.measure
    for scene in story_map.scenes.values():
        scene.hits = coverage.scenes.get(scene.id, 0)
        for choice in scene.choices:
            if choice.number:
                choice.hits = coverage.choices.get(f"{scene.id}#{choice.number}")
        if scene.id in coverage.unreachable and not scene.unreachable:
            scene.unreachable = "explore: no reachable game state arrives here"
    unknown = sorted(set(coverage.scenes) - set(story_map.scenes))
    if unknown:
        story_map.notes.append(f"the coverage names {len(unknown)} scene(s) this story no longer has (e.g. '{unknown[0]}')")


# --- coverage files ------------------------------------------------------------------------

def read_coverage(path: str) -> Coverage:
    """The coverage in `playtest --format json` (scene_hits) or `explore --format json`
    (states_by_scene of each search) output; CoverageError with one line otherwise."""
    try:
        document = read_json(path, MAX_COVERAGE_BYTES)
    except UnsafeRead as exc:
        raise CoverageError(f"--coverage {path}: {exc.message}") from None
    if isinstance(document, dict) and isinstance(document.get("scene_hits"), dict):
        return Coverage(_counts(document["scene_hits"], path), _counts(document.get("choice_hits") or {}, path), "visits in playtest runs")
    if isinstance(document, dict) and isinstance(document.get("searches"), list):
        scenes: dict[str, int] = {}
        unreachable: set[str] = set()
        for search in document["searches"]:
            if not isinstance(search, dict):
                raise CoverageError(f"--coverage {path}: a search in this explore report is not a mapping")
            for scene, count in _counts(search.get("states_by_scene") or {}, path).items():
                scenes[scene] = scenes.get(scene, 0) + count
            if search.get("complete") is True:
                unreachable |= {item.get("scene") for item in search.get("unreachable_scenes", []) if isinstance(item, dict)}
        return Coverage(scenes, {}, "game states explore found", unreachable - set(scenes))
    raise CoverageError(f"--coverage {path}: not a coverage file (give the output of 'playtest --format json' or 'explore --format json')")


def _counts(mapping, path: str) -> dict[str, int]:
    if not isinstance(mapping, dict) or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in mapping.values()):
        raise CoverageError(f"--coverage {path}: the counts must be whole numbers by scene id")
    return {str(k): v for k, v in mapping.items()}


# --- text formats ----------------------------------------------------------------------------

def to_dot(story_map: StoryMap, node_size: tuple[float, float] | None = None) -> str:
    """Graphviz: a cluster per chapter holding a cluster per file. With `node_size` (inches),
    every box has that size and links have no labels: the input of graph_layout's dot layout."""
    lines = [f"digraph story {{", f"  label={_dq(story_map.title)}; labelloc=t; rankdir=TB; compound=true;",
             '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="sans-serif"];']
    if node_size:
        lines.append(f"  node [fixedsize=true, width={node_size[0]:.3f}, height={node_size[1]:.3f}]; nodesep=0.35; ranksep=0.6;")
    for c_number, (chapter, label) in enumerate(story_map.chapters.items()):
        lines.append(f"  subgraph cluster_c{c_number} {{ label={_dq(label)}; style=rounded; color=gray40;")
        for f_number, (file, scenes) in enumerate(story_map.files(chapter).items()):
            lines.append(f"    subgraph cluster_c{c_number}_f{f_number} {{ label={_dq(file)}; style=dashed; color=gray60;")
            for scene in scenes:
                lines.append(f"      {_dq(scene.id)} [{_dot_node(scene, story_map)}];")
            lines.append("    }")
        lines.append("  }")
    for scene, choice in story_map.links:
        attrs = [f"label={_dq(_short(choice.text, 24))}"] if choice.number and not node_size else []
        if choice.conditional:
            attrs.append("style=dashed")
        lines.append(f"  {_dq(scene.id)} -> {_dq(choice.target)}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_node(scene: MapScene, story_map: StoryMap) -> str:
    label = '"' + _escape(scene.title) + "\\n" + _escape(scene.id) + '"'  # dot's \n: a line break in the box
    attrs = [f"label={label}", f"tooltip={_dq(scene.place)}"]
    if scene.ending:
        attrs += ["peripheries=2", "fillcolor=\"#f6d47a\""]
    elif scene.hits is not None:
        attrs.append(f"fillcolor=\"{shade_color(scene.hits, max_hits(story_map))}\"")
    if scene.unreachable:
        attrs += ["color=red", 'style="rounded,filled,dashed"']
    return ", ".join(attrs)


def _escape(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace('"', '\\"').split())


def _dq(text: str) -> str:
    return '"' + _escape(text) + '"'


def to_mermaid(story_map: StoryMap) -> str:
    """A Mermaid flowchart: a subgraph per chapter holding one per file."""
    lines = ["flowchart TD"]
    for c_number, (chapter, label) in enumerate(story_map.chapters.items()):
        lines.append(f"  subgraph c{c_number}[{_mq(label)}]")
        for f_number, (file, scenes) in enumerate(story_map.files(chapter).items()):
            lines.append(f"    subgraph c{c_number}f{f_number}[{_mq(file)}]")
            for scene in scenes:
                shape = ("([", "])") if scene.ending else ("[", "]")
                lines.append(f"      {_mid(scene.id)}{shape[0]}{_mq(scene.title)}{shape[1]}")
            lines.append("    end")
        lines.append("  end")
    for scene, choice in story_map.links:
        arrow = "-.->" if choice.conditional else "-->"
        label = f"|{_mq(_short(choice.text, 24))}|" if choice.number else ""
        lines.append(f"  {_mid(scene.id)} {arrow}{label} {_mid(choice.target)}")
    lines += ["  classDef ending fill:#f6d47a,stroke:#8a6d1a,stroke-width:2px",
              "  classDef unreachable stroke:#c0392b,stroke-width:2px,stroke-dasharray:4 3"]
    endings = [_mid(s.id) for s in story_map.scenes.values() if s.ending]
    unreachable = [_mid(s.id) for s in story_map.scenes.values() if s.unreachable]
    if endings:
        lines.append(f"  class {','.join(endings)} ending")
    if unreachable:
        lines.append(f"  class {','.join(unreachable)} unreachable")
    return "\n".join(lines) + "\n"


def _mid(scene_id: str) -> str:
    """A Mermaid node id: prefixed, since a scene called `end` would close a subgraph."""
    return f"s_{scene_id}"


def _mq(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def max_hits(story_map: StoryMap) -> int:
    return max((s.hits or 0 for s in story_map.scenes.values()), default=0)


def shade_color(hits: int, most: int) -> str:
    """White for never, deepening blue for more often (on a square-root scale: a start scene
    is reached far more often than a side scene, and the rare ones should still show)."""
    if not most or not hits:
        return "#ffffff"
    share = (hits / most) ** 0.5
    low, high = (235, 243, 255), (120, 165, 230)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(low, high))


# --- the command -----------------------------------------------------------------------------

def add_parser(commands) -> None:
    graph = commands.add_parser("graph", help="draw the story as a map: html (pan, zoom, click a scene), svg, dot or mermaid")
    graph.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    graph.add_argument("--format", choices=FORMATS, default="html")
    graph.add_argument("--out", metavar="FILE", help="where to write the map (default: standard output)")
    graph.add_argument("--layout", choices=("auto", "grandalf", "dot"), default="auto",
                       help="how to place the boxes: Graphviz's dot when it is installed (auto), or grandalf")
    graph.add_argument("--coverage", metavar="FILE", help="shade scenes by how often they were reached: the JSON of 'playtest --format json' or 'explore --format json'")


def run(args, story: Story, display: str, usage_error) -> int:
    coverage = None
    if args.coverage:
        try:
            coverage = read_coverage(args.coverage)
        except CoverageError as exc:
            raise usage_error(str(exc)) from None
    out = Path(args.out) if args.out else None
    if out is not None and not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise usage_error(f"cannot write {args.out}: no folder {out.parent}")
    story_map = build_map(story, display, coverage)
    if args.layout == "dot" and args.format in ("html", "svg"):
        import shutil

        if shutil.which("dot") is None:
            raise usage_error("--layout dot: Graphviz's dot is not installed (apt-get install graphviz), or use --layout grandalf")
    if args.format == "dot":
        text = to_dot(story_map)
    elif args.format == "mermaid":
        text = to_mermaid(story_map)
        edges = len(story_map.links)
        if edges > MERMAID_MAX_EDGES:
            story_map.notes.append(f"this story has {edges} edges; Mermaid draws at most {MERMAID_MAX_EDGES} by default (raise maxEdges in its configuration, or use --format html)")
    else:
        from .graph_svg import render_html, render_svg

        from .graph_layout import lay_out

        layout = lay_out(story_map, args.layout)
        text = render_html(story_map, layout) if args.format == "html" else render_svg(story_map, layout)
    for note in story_map.notes:
        print(f"face-value: warning: {note}", file=sys.stderr)
    if out is None:
        sys.stdout.write(text)
        return 0
    from ..engine.atomic import write_atomic

    write_atomic(out, text.encode("utf-8"))
    unreachable = sum(1 for s in story_map.scenes.values() if s.unreachable)
    print(f"{args.out}: {len(story_map.scenes)} scenes, {len(story_map.links)} links, "
          f"{sum(1 for s in story_map.scenes.values() if s.ending)} ending scenes, {unreachable} marked unreachable")
    return 0


def document_json(story_map: StoryMap) -> str:
    """The scenes as JSON for the HTML map's panel; '</' is escaped so it cannot close the script."""
    data = {
        scene.id: {
            "title": scene.title, "place": scene.place, "chapter": scene.chapter, "file": scene.file,
            "text": scene.text, "ending": scene.ending, "unreachable": scene.unreachable, "hits": scene.hits,
            "choices": [{"number": c.number, "text": c.text, "target": c.target, "if": c.condition, "set": c.effects, "hits": c.hits} for c in scene.choices],
        }
        for scene in story_map.scenes.values()
    }
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
