"""Where the map's boxes go: Graphviz's `dot` when it is installed (clusters per chapter and
file, and its own curves for the links); otherwise a layered layout with grandalf (the same
Sugiyama method, in Python) of each file's scenes, then of the files of each chapter, chapters
stacked top to bottom. Positions are plain numbers; graph_svg.py draws them."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field

from .graph import StoryMap, to_dot

NODE_W, NODE_H = 210, 58
GAP_X, GAP_Y = 26, 46
PAD, HEADER = 18, 30
CHAPTER_GAP = 60
DOT_SECONDS = 60
POINTS = 72  # dot's coordinates are points; its sizes are inches


@dataclass
class Box:
    """A rectangle by its top-left corner."""

    x: float
    y: float
    w: float
    h: float
    label: str = ""
    kind: str = ""  # "scene", "file" or "chapter"

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass
class Layout:
    scenes: dict[str, Box] = field(default_factory=dict)
    groups: list[Box] = field(default_factory=list)
    routes: dict[tuple[str, str], list[tuple[float, float]]] = field(default_factory=dict)  # bends of links within a file
    curves: dict[tuple[str, str], str] = field(default_factory=dict)  # SVG paths of links, from dot
    width: float = 0
    height: float = 0


class _View:
    """What grandalf reads (w, h) and writes (xy, the centre) for a vertex."""

    def __init__(self, w: float, h: float):
        self.w, self.h = w, h
        self.xy = (0.0, 0.0)


class _Route:
    """What grandalf writes for an edge: the points it passes, through the layers between its
    ends (so a link that skips a layer goes round the boxes in it, not through them)."""

    def __init__(self):
        self.points: list[tuple[float, float]] = []

    def setpath(self, points) -> None:
        self.points = [tuple(p) for p in points]


def layered(sizes: dict[str, tuple[float, float]], edges: list[tuple[str, str]], gap_x: float = GAP_X, gap_y: float = GAP_Y,
            routes: dict | None = None) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Top-left corners for boxes of the given sizes, in layers along the edges (loops are
    broken by grandalf); unconnected parts side by side. Returns corners, width, height; with
    `routes`, fills it with each edge's bends (the points between its ends)."""
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout

    vertices = {key: Vertex(key) for key in sizes}
    for key, vertex in vertices.items():
        vertex.view = _View(*sizes[key])
    links = {(a, b) for a, b in edges if a != b and a in vertices and b in vertices}
    graph_edges = []
    for a, b in sorted(links):
        edge = Edge(vertices[a], vertices[b])
        edge.view = _Route()
        graph_edges.append(edge)
    graph = Graph(list(vertices.values()), graph_edges)
    corners: dict[str, tuple[float, float]] = {}
    left, height = 0.0, 0.0
    for part in graph.C:
        layout = SugiyamaLayout(part)
        layout.xspace, layout.yspace = gap_x, gap_y
        layout.init_all()
        layout.draw()
        placed = {v.data: (v.view.xy[0] - v.view.w / 2, v.view.xy[1] - v.view.h / 2) for v in part.sV}
        bent = [point for edge in part.sE for point in edge.view.points[1:-1]]
        min_x = min([x for x, _ in placed.values()] + [x - gap_x for x, _ in bent])
        min_y = min(y for _, y in placed.values())
        right = max([x + sizes[k][0] for k, (x, _) in placed.items()] + [x + gap_x for x, _ in bent])
        bottom = max(y + sizes[k][1] for k, (_, y) in placed.items())
        for key, (x, y) in placed.items():
            corners[key] = (left + x - min_x, y - min_y)
        if routes is not None:
            for edge in part.sE:
                bends = edge.view.points[1:-1]
                routes[(edge.v[0].data, edge.v[1].data)] = [(left + x - min_x, y - min_y) for x, y in bends]
        left += right - min_x + gap_x * 2
        height = max(height, bottom - min_y)
    return corners, max(left - gap_x * 2, 0), height


def lay_out(story_map: StoryMap, method: str = "auto") -> Layout:
    """`method`: "dot", "grandalf", or "auto" (dot when it is on the PATH). A dot that fails
    falls back to grandalf, with a note on the map."""
    if method == "dot" or (method == "auto" and shutil.which("dot")):
        try:
            return dot_layout(story_map)
        except (OSError, subprocess.SubprocessError, ValueError, KeyError) as exc:
            story_map.notes.append(f"Graphviz's dot could not lay the map out ({exc}); used grandalf")
    return grandalf_layout(story_map)


def dot_layout(story_map: StoryMap) -> Layout:
    """Run `dot -Tjson` on the map's dot text and read back boxes, clusters and curves."""
    done = subprocess.run(["dot", "-Tjson"], input=to_dot(story_map, (NODE_W / POINTS, NODE_H / POINTS)),
                          capture_output=True, text=True, timeout=DOT_SECONDS, check=False)
    if done.returncode != 0:
        raise ValueError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    graph = json.loads(done.stdout)
    height = _numbers(graph["bb"])[3]
    result = Layout(width=_numbers(graph["bb"])[2], height=height)
    objects = graph.get("objects", [])
    for item in objects:
        if "bb" in item and item["name"].startswith("cluster_"):
            x1, y1, x2, y2 = _numbers(item["bb"])
            kind = "file" if "_f" in item["name"] else "chapter"
            result.groups.append(Box(x1, height - y2, x2 - x1, y2 - y1, item.get("label", ""), kind))
        elif "pos" in item:
            x, y = _numbers(item["pos"])
            result.scenes[item["name"]] = Box(x - NODE_W / 2, height - y - NODE_H / 2, NODE_W, NODE_H, item["name"], "scene")
    result.groups.sort(key=lambda box: box.kind != "chapter")  # chapters under their files
    for edge in graph.get("edges", []):
        link = (objects[edge["tail"]]["name"], objects[edge["head"]]["name"])
        if link not in result.curves and "pos" in edge:
            result.curves[link] = _curve(edge["pos"], height)
    return result


def _numbers(text: str) -> list[float]:
    return [float(n) for n in text.replace(",", " ").split()]


def _curve(spline: str, height: float) -> str:
    """dot's edge `pos` ("e,x,y" for the arrow's tip, then a B-spline's control points) as
    an SVG path, flipped to y downwards."""
    tip = None
    points = []
    for part in spline.split():
        if part.startswith("e,"):
            tip = _numbers(part[2:])
        elif not part.startswith("s,"):
            points.append(_numbers(part))
    flip = [(x, height - y) for x, y in points]
    path = [f"M{flip[0][0]:.1f},{flip[0][1]:.1f}"]
    for at in range(1, len(flip) - 2, 3):
        (ax, ay), (bx, by), (cx, cy) = flip[at:at + 3]
        path.append(f"C{ax:.1f},{ay:.1f} {bx:.1f},{by:.1f} {cx:.1f},{cy:.1f}")
    if tip is not None:
        path.append(f"L{tip[0]:.1f},{height - tip[1]:.1f}")
    return " ".join(path)


def grandalf_layout(story_map: StoryMap) -> Layout:
    result = Layout()
    scene_file = {s.id: (s.chapter, s.file) for s in story_map.scenes.values()}
    top = 0.0
    for chapter, label in story_map.chapters.items():
        files = story_map.files(chapter)
        inner: dict[str, tuple[dict[str, tuple[float, float]], float, float]] = {}
        bends: dict[str, dict] = {}
        for file, scenes in files.items():
            ids = {s.id for s in scenes}
            edges = [(s.id, c.target) for s in scenes for c in s.choices if c.target in ids]
            bends[file] = {}
            inner[file] = layered({s.id: (NODE_W, NODE_H) for s in scenes}, edges, routes=bends[file])
        sizes = {file: (w + 2 * PAD, h + PAD + HEADER) for file, (_, w, h) in inner.items()}
        file_edges = [
            (scene_file[s.id][1], scene_file[c.target][1])
            for scenes in files.values() for s in scenes for c in s.choices
            if c.target in scene_file and scene_file[c.target][0] == chapter
        ]
        corners, width, height = layered(sizes, file_edges, gap_x=GAP_X * 2, gap_y=GAP_Y * 1.5)
        origin_x, origin_y = PAD, top + HEADER + PAD
        result.groups.append(Box(0, top, width + 2 * PAD, height + HEADER + 2 * PAD, label, "chapter"))
        for file, (fx, fy) in corners.items():
            fw, fh = sizes[file]
            result.groups.append(Box(origin_x + fx, origin_y + fy, fw, fh, file, "file"))
            dx, dy = origin_x + fx + PAD, origin_y + fy + HEADER
            for scene_id, (sx, sy) in inner[file][0].items():
                result.scenes[scene_id] = Box(dx + sx, dy + sy, NODE_W, NODE_H, scene_id, "scene")
            for link, points in bends[file].items():
                if points:
                    result.routes[link] = [(dx + x, dy + y) for x, y in points]
        result.width = max(result.width, width + 2 * PAD)
        top += height + HEADER + 2 * PAD + CHAPTER_GAP
    result.height = max(top - CHAPTER_GAP, 0)
    return result
