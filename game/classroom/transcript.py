"""`face-value transcript`: a readable record of one session's path, in Markdown or printable
HTML, with each scene abridged and its discussion prompts inline."""

from __future__ import annotations

import html

from ..engine import Story

ABRIDGE = 220


def path_of(record: dict, road: int = 0) -> list[dict]:
    """The choices that stand on one road (0: the session's own path), undone ones left out."""
    return [c for c in record["choices"] if c.get("road", 0) == road and not c.get("undone")]


def abridged(story: Story | None, scene_id: str) -> str:
    """The start of a scene's first paragraph, {expressions} shown as '...'."""
    scene = story.scenes.get(scene_id) if story else None
    if scene is None or not scene.paragraphs:
        return ""
    template = scene.paragraphs[0].text
    raw = "".join(p if isinstance(p, str) else "..." for p in template.parts) if template.parts else template.source
    raw = " ".join(raw.split())
    if len(raw) <= ABRIDGE:
        return raw
    cut = raw[:ABRIDGE].rsplit(" ", 1)[0]
    return cut + " ..."


def _vote_text(entry: dict) -> list[str]:
    votes = entry.get("votes")
    lines = []
    for position, option in enumerate(entry["options"]):
        mark = "chosen" if option["index"] == entry["choice"] else ""
        count = f"{votes[position]} vote{'s' if votes[position] != 1 else ''}" if votes else ""
        detail = ", ".join(x for x in (count, mark) if x)
        lines.append(f"{option['text']}" + (f" ({detail})" if detail else ""))
    return lines


def _when(entry: dict) -> str:
    seconds = int(entry.get("seconds", 0))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _heading(record: dict) -> list[tuple[str, str]]:
    chapter = record.get("chapter")
    facts = [
        ("Story", record.get("story_title", record.get("story", ""))),
        ("Session", record.get("session", "")),
        ("Nickname", record.get("nickname") or "(none)"),
        ("Mode", record.get("mode", "")),
        ("Played", f"chapter {chapter}" if chapter else "the whole story"),
        ("Started", record.get("started", "")),
    ]
    return facts


def _measure_line(record: dict) -> str:
    entries = [m for m in record["measures"] if m.get("road", 0) == 0]
    if not entries:
        return ""
    labels = {m["variable"]: m["label"] for m in record.get("measures_shown", [])}
    first, last = entries[0]["values"], entries[-1]["values"]
    return "; ".join(f"{labels.get(k, k)} {first[k]} -> {last.get(k, first[k])}" for k in first)


def _outcomes(record: dict, road: int) -> list[str]:
    found = [f"Ending: {e['title']}" for e in record["endings"] if e.get("road", 0) == road]
    found += [f"End of chapter {e['chapter']}" for e in record["chapter_ends"] if e.get("road", 0) == road]
    return found


def to_markdown(record: dict, story: Story | None) -> str:
    out = [f"# {record.get('story_title', 'Face Value')}: session transcript", ""]
    out += [f"- **{name}:** {value}" for name, value in _heading(record)]
    measures = _measure_line(record)
    if measures:
        out.append(f"- **Measures:** {measures}")
    roads = [0] + [r["road"] for r in record["roads"]]
    for road in roads:
        out += ["", "## The session's path" if road == 0 else f"## Road not taken {road}", ""]
        for number, entry in enumerate(path_of(record, road), 1):
            out.append(f"### {number}. {entry.get('scene_title', entry['scene'])}  ({_when(entry)})")
            out.append("")
            text = abridged(story, entry["scene"])
            if text:
                out += [f"> {text}", ""]
            for prompt in entry.get("prompts", []):
                out.append(f"*Talk about it:* {prompt}  ")
            if entry.get("prompts"):
                out.append("")
            out += [f"- {line}" for line in _vote_text(entry)]
            if entry.get("votes"):
                out.append(f"- Decided by: {entry.get('decided_by', '')}")
            out.append("")
        out += [f"**{line}**" for line in _outcomes(record, road)]
    return "\n".join(out).rstrip() + "\n"


PRINT_CSS = """
@page { margin: 16mm 14mm; }
body { font: 11.5pt/1.45 Georgia, 'Times New Roman', serif; color: #111; max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 15pt; border-bottom: 1.5pt solid #111; margin-top: 18pt; }
h3 { font-size: 12.5pt; margin: 12pt 0 4pt; break-after: avoid; }
.step { break-inside: avoid; } blockquote { margin: 4pt 0 6pt 12pt; color: #333; font-style: italic; }
.prompt { background: #f1f1f1; border-left: 3pt solid #111; padding: 3pt 8pt; margin: 4pt 0; }
.chosen { font-weight: bold; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; }
dt { font-weight: bold; } dd { margin: 0; } .outcome { font-weight: bold; font-size: 13pt; }
@media print { body { padding: 0; } }
"""


def to_html(record: dict, story: Story | None) -> str:
    e = html.escape
    title = f"{record.get('story_title', 'Face Value')}: session transcript"
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>", f"<title>{e(title)}</title>", f"<style>{PRINT_CSS}</style></head><body>"]
    out.append(f"<h1>{e(title)}</h1><dl>")
    facts = _heading(record)
    measures = _measure_line(record)
    if measures:
        facts.append(("Measures", measures))
    out += [f"<dt>{e(name)}</dt><dd>{e(str(value))}</dd>" for name, value in facts]
    out.append("</dl>")
    for road in [0] + [r["road"] for r in record["roads"]]:
        out.append(f"<h2>{'The session&#39;s path' if road == 0 else f'Road not taken {road}'}</h2>")
        for number, entry in enumerate(path_of(record, road), 1):
            out.append(f"<div class='step'><h3>{number}. {e(entry.get('scene_title', entry['scene']))} <small>({_when(entry)})</small></h3>")
            text = abridged(story, entry["scene"])
            if text:
                out.append(f"<blockquote>{e(text)}</blockquote>")
            out += [f"<p class='prompt'>Talk about it: {e(p)}</p>" for p in entry.get("prompts", [])]
            out.append("<ul>")
            for option, line in zip(entry["options"], _vote_text(entry)):
                css = " class='chosen'" if option["index"] == entry["choice"] else ""
                out.append(f"<li{css}>{e(line)}</li>")
            out.append("</ul>")
            if entry.get("votes"):
                out.append(f"<p>Decided by: {e(entry.get('decided_by', ''))}</p>")
            out.append("</div>")
        out += [f"<p class='outcome'>{e(line)}</p>" for line in _outcomes(record, road)]
    out.append("</body></html>")
    return "\n".join(out) + "\n"
