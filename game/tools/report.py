"""`face-value report`: one self-contained HTML page from many session files, for a class to
read together on a projector. Inline SVG only: no scripts, no fonts, no network."""

from __future__ import annotations

import glob
import html
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..classroom.record import RecordError, read_record
from ..classroom.transcript import path_of

BAR_COLORS = ("#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#374151")
LINE_COLORS = ("#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490")


@dataclass
class ChoicePointTally:
    scene: str
    title: str
    options: dict = field(default_factory=dict)  # option index -> text
    counts: Counter = field(default_factory=Counter)  # option index -> votes (or 1 per player)
    prompts: list = field(default_factory=list)
    sessions: int = 0


@dataclass
class ReportData:
    story_id: str
    story_title: str = ""
    sessions: int = 0
    points: dict = field(default_factory=dict)  # scene id -> ChoicePointTally, in first-seen order
    endings: Counter = field(default_factory=Counter)
    ending_titles: dict = field(default_factory=dict)
    chapter_ends: Counter = field(default_factory=Counter)
    starts: Counter = field(default_factory=Counter)  # where the sessions began, in words
    measure_labels: dict = field(default_factory=dict)
    measure_sums: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    measure_counts: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    skipped: list = field(default_factory=list)


def session_files(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """Files named by arguments: files, folders (every .json inside) and globs. Also returns a
    one-line message for each argument that matched nothing."""
    found: list[Path] = []
    messages = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            matches = sorted(p for p in path.rglob("*.json") if not p.name.startswith("."))
        elif path.is_file():
            matches = [path]
        elif glob.has_magic(argument):
            matches = sorted(Path(p) for p in glob.glob(argument, recursive=True) if os.path.isfile(p))
        else:
            messages.append(f"{argument}: no such file or folder")
            continue
        if not matches and path.is_dir():
            messages.append(f"{argument}: no session files in this folder")
        elif not matches:
            messages.append(f"{argument}: matched no files")
        for match in matches:
            if match not in found:
                found.append(match)
    return found, messages


def collect(files: list[Path], story_id: str, story_title: str = "") -> ReportData:
    """Read every file; the ones that cannot be used are kept in `skipped` with the reason."""
    data = ReportData(story_id, story_title)
    for path in files:
        try:
            record = read_record(path, story_id)
        except RecordError as exc:
            data.skipped.append(str(exc))
            continue
        add_record(data, record)
    return data


def add_record(data: ReportData, record: dict) -> None:
    data.sessions += 1
    data.starts[_start_words(record)] += 1
    data.story_title = data.story_title or record.get("story_title", "")
    for entry in path_of(record):
        point = data.points.get(entry["scene"])
        if point is None:
            point = data.points[entry["scene"]] = ChoicePointTally(entry["scene"], entry.get("scene_title", entry["scene"]))
        point.sessions += 1
        for option in entry["options"]:
            point.options.setdefault(option["index"], option["text"])
        for prompt in entry.get("prompts", []):
            if prompt not in point.prompts:
                point.prompts.append(prompt)
        votes = entry.get("votes")
        if votes and sum(votes):
            for option, count in zip(entry["options"], votes):
                point.counts[option["index"]] += count
        else:
            point.counts[entry["choice"]] += 1
    for ending in record["endings"]:
        if ending.get("road", 0) == 0:
            data.endings[ending["id"]] += 1
            data.ending_titles[ending["id"]] = ending["title"]
    for end in record["chapter_ends"]:
        if end.get("road", 0) == 0:
            data.chapter_ends[end.get("chapter")] += 1
    for shown in record.get("measures_shown", []):
        if isinstance(shown, dict) and isinstance(shown.get("variable"), str):
            data.measure_labels.setdefault(shown["variable"], str(shown.get("label", shown["variable"])))
    for number, entry in enumerate(m for m in record["measures"] if m.get("road", 0) == 0):
        for variable, value in entry["values"].items():
            data.measure_sums[variable][number] += value
            data.measure_counts[variable][number] += 1


def _start_words(record: dict) -> str:
    """Where a session began: the story's start, a chapter's own start, or one of its named starts."""
    chapter, start = record.get("chapter"), record.get("start")
    if not isinstance(chapter, int) or isinstance(chapter, bool):
        return "the beginning"
    if isinstance(start, str) and start:
        return f"chapter {chapter}, start '{start}'"
    return f"chapter {chapter}"


# --- drawing ---------------------------------------------------------------------------------

def _e(text) -> str:
    return html.escape(str(text))


def bar_chart(rows: list[tuple[str, int]], unit: str, colors=BAR_COLORS, label: str = "") -> str:
    """Horizontal bars with the label above each bar and the count and share at its end."""
    total = sum(count for _, count in rows) or 1
    top = max((count for _, count in rows), default=0) or 1
    width, row_h = 1200, 104
    height = row_h * len(rows) + 10
    parts = [f"<svg class='chart' role='img' aria-label='{_e(label)}' viewBox='0 0 {width} {height}' width='100%' xmlns='http://www.w3.org/2000/svg'>"]
    for position, (text, count) in enumerate(rows):
        y = position * row_h
        bar = round((width - 400) * count / top)
        color = colors[position % len(colors)]
        share = round(100 * count / total)
        parts.append(f"<text x='0' y='{y + 30}' font-size='28' fill='#111'>{position + 1}. {_e(_shorten(text, 72))}</text>")
        parts.append(f"<rect x='0' y='{y + 42}' width='{max(bar, 4)}' height='48' rx='6' fill='{color}'/>")
        parts.append(f"<text x='{max(bar, 4) + 14}' y='{y + 78}' font-size='32' font-weight='bold' fill='#111'>{count} {unit} ({share}%)</text>")
    parts.append("</svg>")
    return "".join(parts)


def line_chart(series: list[tuple[str, list[float]]], low: float = 0, high: float = 100) -> str:
    width, height, left, bottom = 1200, 520, 70, 60
    plot_w, plot_h = width - left - 20, height - bottom - 20
    longest = max((len(values) for _, values in series), default=1)
    parts = [f"<svg class='chart measures' role='img' aria-label='measures averaged over time' viewBox='0 0 {width} {height + 40 * ((len(series) + 2) // 3)}' width='100%' xmlns='http://www.w3.org/2000/svg'>"]
    for fraction in (0, 0.5, 1):
        y = 20 + plot_h - round(plot_h * fraction)
        parts.append(f"<line x1='{left}' x2='{width - 20}' y1='{y}' y2='{y}' stroke='#999' stroke-width='2'/>")
        parts.append(f"<text x='{left - 10}' y='{y + 9}' font-size='26' text-anchor='end' fill='#111'>{round(low + (high - low) * fraction)}</text>")
    parts.append(f"<text x='{left + plot_w // 2}' y='{height - 10}' font-size='26' text-anchor='middle' fill='#111'>choices made (start on the left)</text>")
    for number, (label, values) in enumerate(series):
        color = LINE_COLORS[number % len(LINE_COLORS)]
        points = " ".join(
            f"{left + round(plot_w * i / max(1, longest - 1))},{20 + plot_h - round(plot_h * (v - low) / ((high - low) or 1))}"
            for i, v in enumerate(values)
        )
        parts.append(f"<polyline points='{points}' fill='none' stroke='{color}' stroke-width='7' stroke-linejoin='round'/>")
        lx, ly = left + (number % 3) * 380, height + 30 + 40 * (number // 3)
        parts.append(f"<rect x='{lx}' y='{ly - 20}' width='40' height='14' fill='{color}'/>")
        parts.append(f"<text x='{lx + 52}' y='{ly - 4}' font-size='28' fill='#111'>{_e(label)} ({round(values[-1]) if values else '-'})</text>")
    parts.append("</svg>")
    return "".join(parts)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


REPORT_CSS = """
body { font: 26px/1.4 'DejaVu Sans', Verdana, Arial, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 1280px; padding: 24px 40px 80px; }
h1 { font-size: 52px; margin: 0 0 8px; } h2 { font-size: 40px; border-bottom: 4px solid #111; margin: 56px 0 16px; }
h3 { font-size: 32px; margin: 36px 0 6px; } .meta { font-size: 26px; } .prompt { font-style: italic; border-left: 8px solid #1f5fbf; padding-left: 16px; }
section.point { break-inside: avoid; } .skipped { font-size: 20px; color: #444; } li { margin: 6px 0; }
"""


def render(data: ReportData) -> str:
    title = f"{data.story_title or data.story_id}: class report"
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>", f"<title>{_e(title)}</title>", f"<style>{REPORT_CSS}</style></head><body>"]
    out.append(f"<h1>{_e(title)}</h1>")
    out.append(f"<p class='meta'>{data.sessions} session{'s' if data.sessions != 1 else ''}; {len(data.points)} choice point{'s' if len(data.points) != 1 else ''}. Made on this computer from session files; nothing was sent anywhere.</p>")
    if data.starts:
        began = "; ".join(f"{_e(where)}: {n}" for where, n in data.starts.most_common())
        out.append(f"<p class='meta'>Started from {began}.</p>")
    out.append("<h2>How the class chose</h2>")
    for point in data.points.values():
        rows = [(text, point.counts.get(index, 0)) for index, text in point.options.items()]
        out.append(f"<section class='point'><h3>{_e(point.title)}</h3>")
        out += [f"<p class='prompt'>{_e(p)}</p>" for p in point.prompts]
        out.append(bar_chart(rows, "votes", label=f"how the class chose at {point.title}"))
        out.append("</section>")
    if not data.points:
        out.append("<p>No choices were recorded in these sessions.</p>")
    out.append("<h2>Endings reached</h2>")
    ends = [(data.ending_titles[i], n) for i, n in data.endings.most_common()]
    ends += [(f"End of chapter {c}", n) for c, n in sorted(data.chapter_ends.items(), key=lambda kv: str(kv[0]))]
    out.append(_ending_list(ends))
    out.append("<h2>Measures, averaged over time</h2>")
    series = []
    for variable, sums in data.measure_sums.items():
        counts = data.measure_counts[variable]
        series.append((data.measure_labels.get(variable, variable), [sums[i] / counts[i] for i in sorted(sums)]))
    out.append(line_chart(series) if series else "<p>No measures were recorded.</p>")
    out.append("<h2>The least-taken roads</h2>")
    out.append(_least_taken(data))
    if data.skipped:
        out.append("<h2>Files left out</h2><ul class='skipped'>" + "".join(f"<li>{_e(s)}</li>" for s in data.skipped) + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _ending_list(ends: list[tuple[str, int]]) -> str:
    if not ends:
        return "<p>No session reached an ending yet.</p>"
    rows = "".join(f"<li><strong>{_e(title)}</strong>: {n} session{'s' if n != 1 else ''}</li>" for title, n in ends)
    return f"<ul>{rows}</ul>"


def _least_taken(data: ReportData, limit: int = 6) -> str:
    roads = []
    for point in data.points.values():
        total = sum(point.counts.values()) or 1
        fair = 1 / max(1, len(point.options))
        shares = [(point.counts.get(index, 0) / total, point.title, text) for index, text in point.options.items()]
        roads.extend(share for share in shares if share[0] < fair)  # below an even split
    roads.sort(key=lambda r: r[0])
    if not roads:
        return "<p>No roads yet.</p>"
    items = "".join(f"<li><strong>{_e(text)}</strong> at <em>{_e(title)}</em>: {round(share * 100)}%</li>" for share, title, text in roads[:limit])
    return f"<p>Choices almost nobody made: worth playing together with the road not taken.</p><ul>{items}</ul>"


def build_report(arguments: list[str], story_id: str, story_title: str = "") -> tuple[str, ReportData, list[str]]:
    """The HTML, the figures behind it, and one line for every file or argument left out."""
    files, messages = session_files(arguments)
    data = collect(files, story_id, story_title)
    return render(data), data, messages + data.skipped
