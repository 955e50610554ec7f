"""The terminal player's writer tools (on with --debug, --watch, --scene or --set): `d` shows the
whole state, `g SCENE` goes to a scene, `r` reloads the story; --watch reloads before a prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .engine import RunnerError, StoryRuntimeError
from .engine.debug import describe, find_scene
from .live import LiveStory

if TYPE_CHECKING:
    from .textplay import TextPlayer

HELP = "; debugging: d shows every variable and the scene's file:line, g SCENE goes to a scene, r reloads the story"
MAX_PROBLEMS = 10


class TextDebug:
    """Commands a writer uses while playing; `live` is the story folder, for reloading."""

    help = HELP

    def __init__(self, player: "TextPlayer", live: LiveStory | None):
        self.player = player
        self.live = live

    def command(self, word: str, rest: str) -> str | None:
        """Carry out a debugging command: 'moved' or 'stay'; None when `word` is not one."""
        if word in ("d", "debug"):
            for line in describe(self.player.runner.story, self.player.runner.state):
                self.player.say(line)
            return "stay"
        if word in ("g", "go", "goto"):
            return self.go(rest)
        if word in ("r", "reload"):
            return self.reload()
        return None

    def go(self, name: str) -> str:
        runner = self.player.runner
        if not name:
            self.player.say("g needs a scene id, like: g " + runner.state.scene)
            return "stay"
        try:
            runner.go_to(find_scene(runner.story, name))
        except ValueError as exc:
            self.player.say(str(exc))
            return "stay"
        except (RunnerError, StoryRuntimeError) as exc:
            self.player.say(f"story error: {exc}")
            return "stay"
        self.player.say(f"(went to {name}; undo starts here)")
        self.player.autosave()
        return "moved"

    def before_prompt(self) -> bool:
        """With --watch: reload when a story file changed since the last reload. True when the
        turn should be shown again."""
        if self.live is None or not self.live.watch or not self.live.changed():
            return False
        return self.reload() == "moved"

    def reload(self) -> str:
        if self.live is None:
            self.player.say("this story cannot be reloaded")
            return "stay"
        outcome = self.live.reload(self.player.runner)
        if not outcome.ok:
            for problem in outcome.problems[:MAX_PROBLEMS]:
                self.player.say(str(problem))
            if len(outcome.problems) > MAX_PROBLEMS:
                self.player.say(f"(and {len(outcome.problems) - MAX_PROBLEMS} more; run face-value check {self.live.display})")
            self.player.say(f"({outcome.summary()})")
            return "stay"
        self.player.runner = outcome.runner
        if self.player.store is not None:
            self.player.store.story = outcome.runner.story
        self.player.say(f"({outcome.summary()})")
        return "moved"
