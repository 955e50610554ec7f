"""`face-value prompts`: a printable sheet of every discussion prompt in a story, in story order,
each with its scene's context (chapter, scene, the opening lines, the choices offered there)."""

from __future__ import annotations

import html

from ..classroom.transcript import PRINT_CSS, abridged
from ..engine import Story


def story_order(story: Story) -> dict[str, int]:
    """Each scene's place in a breadth-first walk from the start: roughly when a player meets it."""
    order: dict[str, int] = {}
    queue = [story.start] + [c.start for c in story.chapters]
    while queue:
        scene_id = queue.pop(0)
        if scene_id in order or scene_id not in story.scenes:
            continue
        order[scene_id] = len(order)
        queue.extend(story.scenes[scene_id].targets)
    return order


def prompt_scenes(story: Story) -> list:
    """Scenes with prompts, by chapter (scenes outside chapters last), in the order players meet them."""
    order = story_order(story)
    scenes = [s for s in story.scenes.values() if s.discuss]
    return sorted(scenes, key=lambda s: (s.chapter is None, s.chapter or 0, order.get(s.id, len(order))))


def _chapter_title(story: Story, number) -> str:
    chapter = story.chapter(number) if number is not None else None
    return f"Chapter {chapter.number}: {chapter.title}" if chapter else "Outside the chapters"


def _choices(scene) -> list[str]:
    return [c.text.source for c in scene.choices]


def to_markdown(story: Story) -> str:
    out = [f"# {story.title}: discussion prompts", "",
           f"Every `discuss:` prompt in the story, with where it comes up. Made with `face-value prompts`; {sum(len(s.discuss) for s in story.scenes.values())} prompts in {len(prompt_scenes(story))} scenes."]
    chapter = object()
    for scene in prompt_scenes(story):
        if scene.chapter != chapter:
            chapter = scene.chapter
            out += ["", f"## {_chapter_title(story, chapter)}"]
        out += ["", f"### {scene.title}", ""]
        context = abridged(story, scene.id)
        if context:
            out += [f"> {context}", ""]
        for prompt in scene.discuss:
            note = f" *(only when `{prompt.condition.source}`)*" if prompt.condition else ""
            out.append(f"- **{prompt.text}**{note}")
        choices = _choices(scene)
        if choices:
            out += ["", "The choices here: " + "; ".join(f"({n}) {text}" for n, text in enumerate(choices, 1)) + "."]
        elif scene.ending:
            out += ["", f"An ending: *{scene.ending.title}*."]
    return "\n".join(out) + "\n"


def to_html(story: Story) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>", f"<title>{e(story.title)}: discussion prompts</title>",
           f"<style>{PRINT_CSS} li {{ margin: 4pt 0; font-weight: bold; }} .choices {{ font-size: 10.5pt; }}</style></head><body>",
           f"<h1>{e(story.title)}: discussion prompts</h1>"]
    chapter = object()
    for scene in prompt_scenes(story):
        if scene.chapter != chapter:
            chapter = scene.chapter
            out.append(f"<h2>{e(_chapter_title(story, chapter))}</h2>")
        out.append(f"<div class='step'><h3>{e(scene.title)}</h3>")
        context = abridged(story, scene.id)
        if context:
            out.append(f"<blockquote>{e(context)}</blockquote>")
        out.append("<ul>")
        for prompt in scene.discuss:
            note = f" <small>(only when {e(prompt.condition.source)})</small>" if prompt.condition else ""
            out.append(f"<li>{e(prompt.text)}{note}</li>")
        out.append("</ul>")
        choices = _choices(scene)
        if choices:
            out.append("<p class='choices'>The choices here: " + "; ".join(f"({n}) {e(text)}" for n, text in enumerate(choices, 1)) + ".</p>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
