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


def chapter_summary(runner: Runner, number: int) -> ChapterSummary:
    """The playthrough so far, read as the chapter `number` a class just finished."""
    story = runner.story
    chapter = story.chapter(number)
    moments = runner.transcript()
    choices, questions = [], []
    for moment in moments:
        if moment.turn.scene.chapter != number:
            continue
        for question in moment.turn.discuss:
            if question not in questions:
                questions.append(question)
        if moment.step is not None and moment.step.choice >= 0:
            choices.append(moment.step.text)
    first, last = moments[0].variables, moments[-1].variables
    measures = tuple((m.label, first[m.variable], last[m.variable]) for m in story.measures)
    return ChapterSummary(number, chapter.title if chapter else f"Chapter {number}", tuple(choices), measures, tuple(questions))


def chapter_is_over(runner: Runner) -> bool:
    """A playthrough begun at a chapter start is over when the story moves past that chapter."""
    chapter = runner.state.chapter
    return chapter is not None and runner.turn.scene.chapter != chapter
