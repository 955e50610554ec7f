"""`face-value stats`: words, scenes, choices, endings and reading time, per chapter and per scene.

Sizes come from the engine's one story-size count (analysis.story_stats); reading time is
words at 150 a minute plus 10 seconds a choice, for reading every scene once.
"""

from __future__ import annotations

from ..engine.analysis import story_stats
from ..engine.model import Story

WORDS_A_MINUTE = 150
SECONDS_A_CHOICE = 10
FORMULA = f"minutes = words / {WORDS_A_MINUTE} + {SECONDS_A_CHOICE} s a choice, reading every scene once"


def minutes(figures: dict) -> float:
    return round(figures["words"] / WORDS_A_MINUTE + figures["choices"] * SECONDS_A_CHOICE / 60, 1)


def _with_minutes(figures: dict) -> dict:
    return {**figures, "minutes": minutes(figures)}


def story_table(story: Story) -> dict:
    """The figures for the whole story, each chapter and each scene (in file order)."""
    groups: dict[int | None, dict] = {}
    for scene in story.scenes.values():
        groups.setdefault(scene.chapter, {})[scene.id] = scene
    chapters = []
    for chapter in story.chapters:
        chapters.append({"number": chapter.number, "title": chapter.title, **_with_minutes(story_stats(groups.get(chapter.number, {})))})
    if None in groups and story.chapters:
        chapters.append({"number": None, "title": "in no chapter", **_with_minutes(story_stats(groups[None]))})
    scenes = [
        {"id": scene.id, "chapter": scene.chapter, "place": str(scene.place), **_with_minutes(story_stats({scene.id: scene}))}
        for scene in sorted(story.scenes.values(), key=lambda s: (s.place.path, s.place.line))
    ]
    return {"title": story.title, "formula": FORMULA, "story": _with_minutes(story_stats(story.scenes)), "chapters": chapters, "scenes": scenes}


def render_text(table: dict, display: str) -> str:
    total = table["story"]
    lines = [
        f"{table['title']} ({display}): {_n(total['scenes'], 'scene')}, {_n(total['words'], 'word')}, "
        f"{_n(total['choices'], 'choice')}, {_n(total['endings'], 'ending')}, about {total['minutes']:.1f} min",
        f"({table['formula']})",
    ]
    if table["chapters"]:
        lines += ["", f"{'chapter':<34} {'scenes':>6} {'words':>7} {'choices':>7} {'endings':>7} {'minutes':>7}"]
        for chapter in table["chapters"]:
            name = f"{chapter['number']}. {chapter['title']}" if chapter["number"] else chapter["title"]
            lines.append(f"{name[:34]:<34} {chapter['scenes']:>6} {chapter['words']:>7,} {chapter['choices']:>7} {chapter['endings']:>7} {chapter['minutes']:>7.1f}")
    lines += ["", f"{'scene':<28} {'chapter':>7} {'words':>6} {'choices':>7} {'minutes':>7}  place"]
    for scene in table["scenes"]:
        chapter = scene["chapter"] if scene["chapter"] is not None else "-"
        lines.append(f"{scene['id'][:28]:<28} {chapter:>7} {scene['words']:>6,} {scene['choices']:>7} {scene['minutes']:>7.1f}  {scene['place']}")
    return "\n".join(lines)


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
