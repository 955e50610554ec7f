"""The window's writer tools (with --debug): F5 reloads the story, --watch reloads on every save,
F3 opens the debug overlay; a reload with errors shows them and keeps the last good story."""

from __future__ import annotations

import pygame

from ..live import LiveStory, Reload
from .input import Act, Intent

WAKE_MS = 250  # with --watch the idle loop wakes this often to look at the files


class LiveTools:
    """Owned by the App (app.live); the App gives it every intent first and calls poll()
    once a frame."""

    def __init__(self, app, live: LiveStory):
        self.app = app
        self.live = live
        self.last: Reload | None = None
        if live.watch:
            pygame.time.set_timer(pygame.event.custom_type(), WAKE_MS)

    @classmethod
    def attach(cls, app, live: LiveStory) -> "LiveTools":
        app.live = cls(app, live)
        return app.live

    def handle(self, intent: Intent) -> bool:
        """True when the intent was a writer's key and has been dealt with."""
        if intent.act is Act.RELOAD:
            self.app.guarded(self.reload)
            return True
        if intent.act is Act.DEBUG and self.app.top.name != "debug":
            self.app.guarded(self.open_debug)
            return True
        return False

    def poll(self) -> None:
        if self.live.poll():
            self.reload()

    # --- reloading ------------------------------------------------------------------------------

    def reload(self) -> Reload:
        app = self.app
        outcome = self.live.reload(app.session.runner)
        self.last = outcome
        problems = app.find("problems")
        if not outcome.ok:
            if problems is not None:
                problems.show(outcome.problems)
            else:
                app.push("problems", problems=outcome.problems, watching=self.live.watch)
            app.toast(outcome.summary())
            return outcome
        app.session.adopt(outcome.runner)
        app.story = outcome.runner.story
        pygame.display.set_caption(app.story.title)
        while app.top.name in ("problems", "error"):
            app.pop()
        self.story_changed()
        app.toast(outcome.summary())
        return outcome

    def story_changed(self) -> None:
        """The runner or its story changed under the screens: the scene shows its turn again,
        revealed at once, and the debug overlay lists the new state."""
        scene = self.app.find("scene")
        if scene is not None:
            scene.enter()
            scene.revealed = float(scene.current.chars)
        debug = self.app.find("debug")
        if debug is not None:
            debug.story_changed()
        self.app.dirty = True

    # --- the debug overlay ------------------------------------------------------------------------

    def open_debug(self) -> None:
        if self.app.top.name != "scene":
            self.app.toast("F3 opens the debug overlay during a scene.")
            return
        self.app.push("debug", changed=self.story_changed)
