"""What a chapter-end screen shows: the choices made, how the measures moved, the questions."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Runner


@dataclass(frozen=True)
class ChapterSummary:
    number: int
    title: str
    choices: tuple[str, ...]
    measures: tuple[tuple[str, object, object], ...]  # (label, at the start, now)
    questions: tuple[str, ...]


def chapter_summary(runner: Runner, number: int | None) -> ChapterSummary:
    """The playthrough so far, read as the chapter `number` a class just finished (None: all
    of it, at an ending)."""
    story = runner.story
    chapter = story.chapter(number) if number is not None else None
    moments = runner.transcript()
    choices, questions = [], []
    for moment in moments:
        if number is not None and moment.turn.scene.chapter != number:
            continue
        for question in moment.turn.discuss:
            if question not in questions:
                questions.append(question)
        if moment.step is not None and moment.step.choice >= 0:
            choices.append(moment.step.text)
    first, last = moments[0].variables, moments[-1].variables
    measures = tuple((m.label, first[m.variable], last[m.variable]) for m in story.measures)
    title = chapter.title if chapter else (f"Chapter {number}" if number is not None else story.title)
    return ChapterSummary(number or 0, title, tuple(choices), measures, tuple(questions))


def chapter_is_over(runner: Runner) -> bool:
    """A playthrough begun at a chapter start is over when the story moves past that chapter."""
    chapter = runner.state.chapter
    return chapter is not None and runner.turn.scene.chapter != chapter
