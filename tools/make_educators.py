"""Make docs/educators.html, the printable guide, from docs/educators.md (the Markdown this
project writes: headings, paragraphs, lists, tables, code blocks, bold, italic, code, links).

    python tools/make_educators.py          # writes docs/educators.html
    python tools/make_educators.py --check  # exit 1 if the HTML is out of date
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE, TARGET = ROOT / "docs" / "educators.md", ROOT / "docs" / "educators.html"

CSS = """
@page { margin: 16mm 14mm; }
body { font: 11.5pt/1.45 Georgia, 'Times New Roman', serif; color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 22pt; } h2 { font-size: 16pt; border-bottom: 1.5pt solid #111; margin-top: 20pt; break-after: avoid; }
h3 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; break-inside: avoid; font-size: 10.5pt; }
th, td { border: 0.75pt solid #444; padding: 3pt 5pt; text-align: left; vertical-align: top; }
code, pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; } pre { background: #f1f1f1; padding: 6pt; white-space: pre-wrap; }
li { margin: 2pt 0; } a { color: #111; }
@media print { h2 { break-before: auto; } }
"""


def inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", out)
    out = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", lambda m: f"<a href=\"{m.group(2).replace('.md', '.html') if m.group(2) == 'fact-or-fiction.md' else m.group(2)}\">{m.group(1)}</a>", out)
    return out.replace("[ ]", "&#9744;")


def convert(markdown: str) -> str:
    lines = markdown.split("\n")
    out: list[str] = []
    paragraph: list[str] = []
    lists: list[str] = []  # the open list tags
    i = 0

    def flush():
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def close_lists():
        while lists:
            out.append(f"</li></{lists.pop()}>")

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush(); close_lists()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            out.append(f"<pre>{html.escape(chr(10).join(block))}</pre>")
        elif stripped.startswith("|"):
            flush(); close_lists()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            head, *body = rows
            out.append("<table><thead><tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in body]
            out.append("</tbody></table>")
            continue
        elif match := re.match(r"(#{1,4}) (.*)", line):
            flush(); close_lists()
            level = len(match.group(1))
            out.append(f"<h{level}>{inline(match.group(2))}</h{level}>")
        elif match := re.match(r"(- |\d+\. )(.*)", stripped):
            flush()
            tag = "ul" if match.group(1) == "- " else "ol"
            if lists and lists[-1] != tag:
                close_lists()
            if not lists:
                out.append(f"<{tag}><li>")
                lists.append(tag)
            else:
                out.append("</li><li>")
            out.append(inline(match.group(2)))
        elif not stripped:
            flush()
            if lists and not re.match(r"\s*(- |\d+\. )", lines[i + 1] if i + 1 < len(lines) else ""):
                close_lists()
        elif lists:
            out.append(inline(stripped))
        else:
            paragraph.append(stripped)
        i += 1
    flush(); close_lists()
    return "\n".join(out)


def page() -> str:
    body = convert(SOURCE.read_text(encoding="utf-8"))
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>\n<title>Face Value for educators</title>\n"
            f"<style>{CSS}</style></head><body>\n{body}\n</body></html>\n")


def main() -> int:
    document = page()
    if "--check" in sys.argv:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != document:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python tools/make_educators.py")
            return 1
        return 0
    TARGET.write_text(document, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(document):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
