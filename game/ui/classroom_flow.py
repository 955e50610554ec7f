"""What the scene screen asks at each move, so classroom mode and chapter ends fit into ordinary
play: in a lesson a choice goes to the room's vote, a discussion prompt opens its card before
the choices, and a chapter started on its own stops at its end. Screens are opened by name."""

from __future__ import annotations

import random

from ..classroom.lesson import Lesson
from ..classroom.record import Recorder
from ..classroom.summary import chapter_is_over
from ..engine import Phase
from .settings import TEXT_SIZES


def start_lesson(app, chapter: int | None, seconds: int, projector: bool, nickname: str = "", seed: int | None = None, start: str | None = None) -> Lesson:
    """Begin a classroom playthrough on the App's session; records go where ordinary ones do."""
    if projector:
        app.settings.text_size = len(TEXT_SIZES) - 1
        app.settings.theme = "high_contrast"
        app.apply_settings(save=False)
    session = app.session
    session.recorder = Recorder(app.story, session.recorder.folder, mode="classroom", nickname=nickname, allowed=session.recorder.allowed)
    lesson = Lesson(session.runner, session.recorder, chapter, start)
    lesson.discussion_seconds = seconds
    lesson.start(seed=random.randrange(2**31) if seed is None else seed)
    session.lesson, session.recorded_ending = lesson, None
    return lesson


def end_lesson(app) -> None:
    session = app.session
    session.lesson = None
    session.recorder = Recorder(app.story, session.recorder.folder, allowed=session.recorder.allowed)


def before_move(scene, number: int) -> bool:
    """True when the move was taken over (by the vote, or the lesson's end screen)."""
    lesson = scene.app.session.lesson
    if lesson is None:
        return False
    phase = scene.turn.phase
    if number > 0 and phase is Phase.CHOOSING:
        scene.app.push("vote", lesson=lesson, selected=number - 1)
        return True
    if number == 0 and (phase is Phase.ENDED or lesson.finished):
        scene.app.push("chapter_end", lesson=lesson)
        return True
    if number == 0 and phase is Phase.CONTINUING:
        lesson.proceed()
        scene.sync(new_turn=True, moved=True)
        after_turn(scene)
        return True
    return False


def after_turn(scene, prompts: tuple[str, ...] = ()) -> None:
    """A new turn is on screen: the chapter may be over; in ordinary play the choice just made
    may bring a quiet note with its discussion prompts (when the setting is on)."""
    app = scene.app
    lesson = app.session.lesson
    if lesson is not None and lesson.chapter_over and app.top is scene:
        app.push("chapter_end", lesson=lesson)
    elif lesson is None and chapter_is_over(scene.runner) and app.top is scene:
        app.push("chapter_end", lesson=None)
    elif lesson is None and prompts and app.settings.think_notes and app.top is scene:
        app.push("think_note", prompts=prompts)


def wants_discussion(scene) -> bool:
    """In a lesson, once the scene's text has been read, its prompts get their card."""
    lesson = scene.app.session.lesson
    return lesson is not None and bool(scene.turn.discuss) and scene.text_done and not lesson.chapter_over
