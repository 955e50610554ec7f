"""What the gallery and the ending screen show of an ending: its picture and its first line,
both read from the ending's own scene."""

from __future__ import annotations

import re
from pathlib import Path

_SENTENCE = re.compile(r"(.+?[.!?][\u201d\"']?)(\s|$)", re.S)
PLAIN = "backgrounds/paper.png"


def ending_scene(story, ending_id: str):
    """The first scene that is this ending (several scenes may share an ending's id)."""
    return next((s for s in story.scenes.values() if s.ending is not None and s.ending.id == ending_id), None)


def ending_picture(story, ending_id: str) -> Path | None:
    """The background the ending is seen on, or the plain paper when its scene sets none."""
    scene = ending_scene(story, ending_id)
    background = scene.stage.background if scene is not None and scene.stage.background else PLAIN
    path = story.asset_path(background)
    return path if path is not None and path.is_file() else None


def ending_line(story, ending_id: str) -> str:
    """The first sentence of the ending's first paragraph that holds for everyone (no `if`,
    no {expression}), so it reads the same whichever road led there."""
    scene = ending_scene(story, ending_id)
    for paragraph in scene.paragraphs if scene is not None else ():
        source = paragraph.text.source
        if paragraph.condition is None and "{" not in source:
            text = " ".join(source.split())
            found = _SENTENCE.match(text)
            return found.group(1) if found else text
    return ""
