"""Drawing the story map: an SVG picture, and the HTML map around it — one self-contained file
(no network) with pan and zoom (mouse wheel, drag, keys + - arrows 0) and a panel that shows a
clicked scene's text, file:line and choices."""

from __future__ import annotations

from html import escape

from .graph import StoryMap, document_json, max_hits, shade_color
from .graph_layout import NODE_H, NODE_W, Box, Layout, lay_out

TITLE_CHARS = 22
MARGIN = 24

SVG_STYLE = """
.chapter rect{fill:#f3efe6;stroke:#b8ae99;stroke-width:1.5}
.chapter text{font:bold 22px sans-serif;fill:#4a4236}
.file rect{fill:#fcfbf8;stroke:#cfc6b3;stroke-dasharray:6 4}
.file text{font:13px monospace;fill:#6b6253}
.scene rect{fill:#fff;stroke:#5d6d7e;stroke-width:1.5}
.scene .title{font:bold 15px sans-serif;fill:#1d2733}
.scene .id{font:12px monospace;fill:#5f6b78}
.scene .hits{font:bold 12px sans-serif;fill:#24518f}
.scene.ending rect{fill:#f6d47a;stroke:#8a6d1a;stroke-width:3}
.scene.unreachable rect{stroke:#c0392b;stroke-width:2.5;stroke-dasharray:7 4}
.scene .mark{font:bold 12px sans-serif;fill:#c0392b}
.scene.selected rect{stroke:#1565c0;stroke-width:4}
.link{fill:none;stroke:#7f8c99;stroke-width:1.4}
.link.goto{stroke:#4d5a66}
.link.if{stroke-dasharray:6 4}
.link.lit{stroke:#1565c0;stroke-width:3}
"""


def render_svg(story_map: StoryMap, layout: Layout | None = None) -> str:
    """The map as one SVG document (fixed size, for documents and pictures)."""
    layout = layout or lay_out(story_map)
    width, height = layout.width + 2 * MARGIN, layout.height + 2 * MARGIN
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="map" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">'
        f"<title>{escape(story_map.title)}: story map</title><style>{SVG_STYLE}</style>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#66727e"/></marker></defs>'
        f'<g id="world"><g transform="translate({MARGIN},{MARGIN})">{_groups(layout)}{_links(story_map, layout)}{_scenes(story_map, layout)}</g></g></svg>'
    )


def _groups(layout: Layout) -> str:
    parts = []
    for box in layout.groups:
        size = 22 if box.kind == "chapter" else 13
        parts.append(
            f'<g class="{box.kind}"><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="10"/>'
            f'<text x="{box.x + 12:.1f}" y="{box.y + size + 6:.1f}">{escape(box.label)}</text></g>'
        )
    return "".join(parts)


def _links(story_map: StoryMap, layout: Layout) -> str:
    parts = []
    for scene, choice in story_map.links:
        source, target = layout.scenes[scene.id], layout.scenes.get(choice.target)
        if target is None:
            continue
        kind = "goto" if choice.number == 0 else "choice"
        classes = f"link {kind}" + (" if" if choice.conditional else "")
        tip = f"{scene.id} → {choice.target}: {choice.text}" + (f" (if {choice.condition})" if choice.condition else "")
        parts.append(
            f'<path class="{classes}" data-from="{escape(scene.id)}" data-to="{escape(choice.target)}" d="{layout.curves.get((scene.id, choice.target)) or _route(source, target, layout.routes.get((scene.id, choice.target)))}" marker-end="url(#arrow)">'
            f"<title>{escape(tip)}</title></path>"
        )
    return "".join(parts)


def _route(source: Box, target: Box, bends: list | None = None) -> str:
    """A curve from below the source to above the target (through the layout's bends when the
    link skips layers); to a scene above or beside, around the right-hand side; to itself, a
    small loop."""
    if bends:
        return _through(source, target, bends)
    if source is target:
        x, y = source.x + source.w, source.y + source.h / 2
        return f"M{x:.1f},{y - 10:.1f} C{x + 40:.1f},{y - 30:.1f} {x + 40:.1f},{y + 30:.1f} {x:.1f},{y + 10:.1f}"
    sx, sy = source.x + source.w / 2, source.y + source.h
    tx, ty = target.x + target.w / 2, target.y
    if ty > sy + 4:
        bend = max((ty - sy) * 0.45, 20)
        return f"M{sx:.1f},{sy:.1f} C{sx:.1f},{sy + bend:.1f} {tx:.1f},{ty - bend:.1f} {tx:.1f},{ty:.1f}"
    sx, sy = source.x + source.w, source.y + source.h / 2
    tx, ty = target.x + target.w, target.y + target.h / 2
    reach = max(sx, tx) + 40 + abs(ty - sy) * 0.12
    return f"M{sx:.1f},{sy:.1f} C{reach:.1f},{sy:.1f} {reach:.1f},{ty:.1f} {tx:.1f},{ty:.1f}"


def _through(source: Box, target: Box, bends: list) -> str:
    """A smooth curve (Catmull-Rom, as cubic Béziers) from the source's edge through the bends
    to the target's edge, leaving and arriving on the sides that face the bends."""
    first, last = bends[0], bends[-1]
    start = (source.x + source.w / 2, source.y + source.h if first[1] > source.y + source.h / 2 else source.y)
    end = (target.x + target.w / 2, target.y if last[1] < target.y + target.h / 2 else target.y + target.h)
    points = [start, *bends, end]
    path = [f"M{start[0]:.1f},{start[1]:.1f}"]
    for i in range(len(points) - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        path.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    return " ".join(path)


def _scenes(story_map: StoryMap, layout: Layout) -> str:
    most = max_hits(story_map)
    parts = []
    for scene in story_map.scenes.values():
        box = layout.scenes[scene.id]
        classes = "scene" + (" ending" if scene.ending else "") + (" unreachable" if scene.unreachable else "")
        fill = "" if scene.ending or scene.hits is None else f' style="fill:{shade_color(scene.hits, most)}"'
        title = ("★ " if scene.ending else "") + scene.title
        title = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
        extra = ""
        if scene.hits is not None:
            extra += f'<text class="hits" x="{NODE_W - 8}" y="{NODE_H - 10}" text-anchor="end">{scene.hits:,}</text>'
        if scene.unreachable:
            extra += f'<text class="mark" x="{NODE_W - 8}" y="18" text-anchor="end">unreachable</text>'
        tip = f"{scene.id} ({scene.place})" + (f": {scene.unreachable}" if scene.unreachable else "")
        parts.append(
            f'<g class="{classes}" data-id="{escape(scene.id)}" transform="translate({box.x:.1f},{box.y:.1f})">'
            f'<title>{escape(tip)}</title><rect width="{NODE_W}" height="{NODE_H}" rx="8"{fill}/>'
            f'<text class="title" x="10" y="{24 if not scene.unreachable else 36}">{escape(title)}</text>'
            f'<text class="id" x="10" y="{NODE_H - 10}">{escape(scene.id)}</text>{extra}</g>'
        )
    return "".join(parts)


# --- html --------------------------------------------------------------------------------------

PAGE_STYLE = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:sans-serif;background:#e9e5dc;color:#1d2733}
header{position:fixed;top:0;left:0;right:0;z-index:2;display:flex;gap:18px;align-items:center;flex-wrap:wrap;
 padding:8px 14px;background:#2d3640;color:#f4f1ea;font-size:14px}
header h1{font-size:17px;margin:0 8px 0 0}
header .key{display:inline-flex;align-items:center;gap:6px}
header .sw{display:inline-block;width:22px;height:14px;border:2px solid #5d6d7e;background:#fff;border-radius:3px}
header .sw.ending{background:#f6d47a;border-color:#8a6d1a}
header .sw.unreachable{border-color:#e74c3c;border-style:dashed}
header .line{display:inline-block;width:28px;border-top:2px dashed #cfd6dd}
header .help{margin-left:auto;opacity:.85}
#view{position:fixed;inset:0;overflow:hidden;cursor:grab}
#view.dragging{cursor:grabbing}
#view svg{width:100%;height:100%;display:block}
.scene{cursor:pointer}
aside{position:fixed;top:48px;right:0;bottom:0;width:min(440px,42vw);z-index:3;overflow:auto;padding:16px 18px;
 background:#fffdf8;border-left:2px solid #b8ae99;box-shadow:-4px 0 14px rgba(0,0,0,.15);font-size:15px;line-height:1.45}
aside[hidden]{display:none}
aside h2{margin:0 0 4px;font-size:20px}
aside .where{font-family:monospace;color:#5f6b78;margin-bottom:10px}
aside .note{color:#c0392b;font-weight:bold}
aside p{margin:0 0 10px;white-space:pre-wrap}
aside li{margin-bottom:6px}
aside .cond{font-family:monospace;color:#8a4b00}
aside a{color:#1565c0;cursor:pointer}
aside button{float:right;font-size:15px}
"""

PAGE_SCRIPT = r"""
(function () {
  var scenes = JSON.parse(document.getElementById('scenes').textContent);
  var view = document.getElementById('view'), svg = view.querySelector('svg'), world = document.getElementById('world');
  var size = {width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height}, panel = document.getElementById('panel');
  svg.removeAttribute('width'); svg.removeAttribute('height');
  svg.setAttribute('viewBox', '0 0 ' + view.clientWidth + ' ' + view.clientHeight);
  var at = {x: 0, y: 0, k: 1}, touched = false, chosen = null;
  function draw() { world.setAttribute('transform', 'translate(' + at.x + ',' + at.y + ') scale(' + at.k + ')'); }
  function fit() {
    var k = Math.min(view.clientWidth / size.width, (view.clientHeight - 48) / size.height);
    at.k = Math.min(1, Math.max(k, 0.7));
    at.x = Math.max((view.clientWidth - size.width * at.k) / 2, 0); at.y = 48;
    draw();
  }
  function zoom(factor, cx, cy) {
    touched = true;
    var k = Math.min(4, Math.max(0.08, at.k * factor));
    at.x = cx - (cx - at.x) * k / at.k; at.y = cy - (cy - at.y) * k / at.k; at.k = k; draw();
  }
  view.addEventListener('wheel', function (e) {
    e.preventDefault(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
  }, {passive: false});
  var drag = null, moved = false;
  view.addEventListener('mousedown', function (e) { drag = {x: e.clientX - at.x, y: e.clientY - at.y}; moved = false; view.classList.add('dragging'); });
  window.addEventListener('mousemove', function (e) {
    if (!drag) return;
    moved = touched = true; at.x = e.clientX - drag.x; at.y = e.clientY - drag.y; draw();
  });
  window.addEventListener('mouseup', function () { drag = null; view.classList.remove('dragging'); });
  window.addEventListener('keydown', function (e) {
    var step = 80, cx = view.clientWidth / 2, cy = view.clientHeight / 2;
    var pans = {ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
    if (e.key === '+' || e.key === '=') zoom(1.2, cx, cy);
    else if (e.key === '-' || e.key === '_') zoom(1 / 1.2, cx, cy);
    else if (pans[e.key]) { touched = true; at.x += pans[e.key][0]; at.y += pans[e.key][1]; draw(); }
    else if (e.key === '0') fit();
    else if (e.key === 'Escape') select(null);
    else return;
    e.preventDefault();
  });
  function el(tag, text, cls) { var n = document.createElement(tag); if (text) n.textContent = text; if (cls) n.className = cls; return n; }
  function select(id) {
    document.querySelectorAll('.selected').forEach(function (n) { n.classList.remove('selected'); });
    document.querySelectorAll('.lit').forEach(function (n) { n.classList.remove('lit'); });
    chosen = id && scenes[id] ? id : null;
    if (!chosen) { panel.hidden = true; return; }
    var s = scenes[id], node = document.querySelector('.scene[data-id="' + id + '"]');
    node.classList.add('selected');
    document.querySelectorAll('.link[data-from="' + id + '"]').forEach(function (n) { n.classList.add('lit'); });
    panel.replaceChildren();
    var close = el('button', 'close (Esc)'); close.onclick = function () { select(null); }; panel.append(close);
    panel.append(el('h2', (s.ending ? '\u2605 ' : '') + s.title), el('div', id + ' \u00b7 ' + s.place, 'where'));
    if (s.ending) panel.append(el('p', 'Ending: ' + s.ending, 'note'));
    if (s.unreachable) panel.append(el('p', 'Unreachable: ' + s.unreachable, 'note'));
    if (s.hits !== null) panel.append(el('p', 'Reached: ' + s.hits.toLocaleString()));
    s.text.forEach(function (t) { panel.append(el('p', t)); });
    if (s.choices.length) {
      var list = el('ol');
      s.choices.forEach(function (c) {
        var item = el('li', c.number ? c.text + ' ' : '(continue) ');
        var go = el('a', '\u2192 ' + c.target); go.onclick = function () { select(c.target); centre(c.target); };
        item.append(go);
        if (c['if']) item.append(el('div', 'if ' + c['if'], 'cond'));
        c.set.forEach(function (e) { item.append(el('div', 'set ' + e, 'cond')); });
        if (c.hits !== null && c.hits !== undefined) item.append(el('div', 'taken ' + c.hits.toLocaleString() + ' times'));
        list.append(item);
      });
      panel.append(list);
    }
    panel.hidden = false;
  }
  function centre(id) {
    var node = document.querySelector('.scene[data-id="' + id + '"]');
    var box = node.getBoundingClientRect();
    at.x += view.clientWidth * 0.35 - (box.left + box.width / 2); at.y += view.clientHeight / 2 - (box.top + box.height / 2); draw();
  }
  document.querySelectorAll('.scene').forEach(function (node) {
    node.addEventListener('click', function () { if (!moved) select(node.dataset.id); });
  });
  window.addEventListener('resize', function () {
    svg.setAttribute('viewBox', '0 0 ' + view.clientWidth + ' ' + view.clientHeight);
    if (!touched) { fit(); if (chosen) centre(chosen); }  // until the reader moves the map, keep it fitted
  });
  fit();
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (scenes[wanted]) { select(wanted); centre(wanted); }
})();
"""


def render_html(story_map: StoryMap, layout: Layout | None = None) -> str:
    """One HTML file with everything inline: the SVG, the scenes as JSON, the script."""
    svg = render_svg(story_map, layout)
    shading = ""
    if story_map.coverage:
        shading = (f'<span class="key"><span class="sw" style="background:{shade_color(1, 100)}"></span>'
                   f'<span class="sw" style="background:{shade_color(100, 100)}"></span> shade: {escape(story_map.coverage)}</span>')
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(story_map.title)}: story map</title><style>{PAGE_STYLE}</style></head><body>"
        f"<header><h1>{escape(story_map.title)}</h1>"
        f"<span>{len(story_map.scenes)} scenes</span>"
        "<span class='key'><span class='sw ending'></span> ending</span>"
        "<span class='key'><span class='line'></span> choice with a condition</span>"
        "<span class='key'><span class='sw unreachable'></span> unreachable</span>"
        f"{shading}<span class='help'>drag or arrows: move · wheel or + −: zoom · 0: fit · click a scene</span></header>"
        f"<div id='view'>{svg}</div><aside id='panel' hidden></aside>"
        f"<script type='application/json' id='scenes'>{document_json(story_map)}</script>"
        f"<script>{PAGE_SCRIPT}</script></body></html>\n"
    )
