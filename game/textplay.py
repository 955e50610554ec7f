"""The terminal player: shows a turn, reads one line per move, works with piped input.

`plain` is the screen-reader-first mode (`play --plain`): no decorative lines, one announcement
per line (a paragraph is one line, never wrapped; no blank lines), changes said in words
("Trust up 10, now 60"), "Autosaved." on leaving, and a "more" prompt that pages a long scene
on a short terminal (never when the input is piped)."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

from . import emphasis, wording
from .engine import AUTOSAVE, Phase, Runner, RunnerError, SaveError, SaveStore, StoryRuntimeError, check_slot

HELP = "a number picks a choice; Enter continues; u undo; m measures; s [SLOT] save; l [SLOT] load; h help; q quit"
DEFAULT_SLOT = "1"


def _tolerant(stream: TextIO) -> TextIO:
    """Standard input that replaces bytes it cannot decode (a Latin-1 byte under a strict UTF-8
    locale) instead of raising: a typo in the terminal must not end the game."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):  # already read from, or not a text stream
            pass
    return stream


class TextPlayer:
    """Plays a story in a terminal through the same Runner the window uses."""

    def __init__(self, runner: Runner, store: SaveStore | None, out: TextIO | None = None, inp: TextIO | None = None, recorder=None,
                 plain: bool = False, page_lines: int | None = None):
        self.runner = runner
        self.recorder = recorder  # a classroom.record.Recorder, or None: no session record
        self.store = store
        self.out = out or sys.stdout  # looked up now, not at import: a test may have replaced it
        self.inp = inp or _tolerant(sys.stdin)
        self.width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 2))
        self.autosave_failed = False
        self.shown_chapter = None
        self.tools = None  # the writer's debugging commands (game/textdebug.py), when on
        self.plain = plain
        self.italic = emphasis.can_show_italic(out) and not plain
        self.inspection = None  # the mask inspection of the current scene, if any
        self.page_lines = self.lines_per_page() if page_lines is None else page_lines  # 0: no paging
        self.since_more = 0  # lines shown since the last "more" prompt, in plain mode

    def say(self, text: str = "") -> None:
        if self.plain and not text.strip():
            return  # a screen reader reads a blank line as "blank"
        print(text.strip() if self.plain else text, file=self.out)

    def lines_per_page(self) -> int:
        """Plain mode pages a scene longer than the terminal, when a person is typing at one."""
        if not self.plain or not _is_tty(self.inp) or not _is_tty(self.out):
            return 0
        return max(4, shutil.get_terminal_size((80, 24)).lines - 2)

    def paragraph(self, text: str, **indents) -> None:
        """A paragraph of story text: wrapped to the terminal, or (plain) one line of its own,
        with a "more" prompt first when the page is full."""
        if not self.plain:
            self.say(emphasis.wrap(text, self.width, self.italic, **indents) if text else "")
            return
        text = emphasis.wrap(text, 10**6, False)
        if not text.strip():
            return
        if self.page_lines and self.since_more >= self.page_lines:
            self.out.write("More: press Enter. ")
            self.out.flush()
            self.inp.readline()
            self.since_more = 0
        self.say(text)
        self.since_more += 1

    def run(self) -> int:
        """Play until an ending (0), the end of input (0) or q (0)."""
        title = self.runner.story.title
        self.say(f"{title}. Type h for help." if self.plain else f"== {title} ==   (h for help)")
        show = True
        while True:
            try:
                turn = self.runner.turn
            except StoryRuntimeError as exc:
                self.say(f"story error: {exc}")
                self.say("type u to undo or q to quit")
                turn, show = None, False
            if turn is not None and show:
                if self.chapter_ended():
                    return 0
                self.show(turn)
                if turn.phase is Phase.ENDED:
                    if self.recorder:
                        self.recorder.arrived(turn)
                    return 0
            if self.tools and self.tools.before_prompt():
                show = True
                continue
            line = self.read()
            if line is None:
                self.say()
                self.leaving()
                return 0
            outcome = self.command(line.strip(), turn)
            if outcome == "quit":
                self.leaving()
                return 0
            show = outcome == "moved"

    def leaving(self) -> None:
        """Plain mode says the game was kept: every move was autosaved as it was made."""
        if self.plain and self.store is not None and not self.autosave_failed and self.runner.state.history:
            self.say("Autosaved.")

    def read(self) -> str | None:
        self.out.write("> ")
        self.out.flush()
        try:
            line = self.inp.readline()
        except UnicodeDecodeError:  # a stream that could not be made tolerant
            return "\ufffd"
        if self.plain and not _is_tty(self.inp):
            self.out.write("\n")  # piped input echoes nothing: the next announcement gets its own line
        return None if line == "" else line

    def chapter_ended(self) -> bool:
        """A chapter started on its own stops at its end, with what happened in it."""
        from .classroom.summary import chapter_is_over
        from .classroom.textclass import print_chapter_end

        if not chapter_is_over(self.runner):
            return False
        if self.recorder:
            self.recorder.arrived(self.runner.turn, chapter_end=self.runner.state.chapter)
        print_chapter_end(self, self.runner.state.chapter)
        return True

    def show(self, turn) -> None:
        self.say()
        self.since_more = 0
        chapter = self.runner.story.chapter(turn.scene.chapter) if turn.scene.chapter else None
        if chapter and chapter.number != self.shown_chapter:
            self.shown_chapter = chapter.number
            self.say(f"Chapter {chapter.number}: {chapter.title}." if self.plain else f"--- Chapter {chapter.number}: {chapter.title} ---")
            self.say()
        if turn.speaker:
            self.say(f"{turn.speaker.name} says:" if self.plain else f"[{turn.speaker.name}]")
        for paragraph in turn.paragraphs:
            for line in paragraph.split("\n"):
                self.paragraph(line)
            self.say()
        if turn.phase is Phase.ENDED:
            self.say(f"Ending: {turn.ending.title}." if self.plain else f"*** Ending: {turn.ending.title} ***")
        elif turn.phase is Phase.CONTINUING:
            self.say("Press Enter to continue." if self.plain else "  (Enter to continue)")
        elif turn.phase is Phase.STUCK:
            self.say(f"story error: {turn.scene.place}: no choice is available here; type u to undo")
        if turn.inspect is not None:
            return self.show_inspection(turn)
        for choice in turn.choices:
            if self.plain:
                self.paragraph(f"Choice {choice.number}: {choice.text}")
            else:
                self.paragraph(f"{choice.number}) {choice.text}", initial_indent="  ", subsequent_indent="     ")

    def show_inspection(self, turn) -> None:
        from .mask.textinspect import TextInspection

        self.inspection = TextInspection(self.runner.story, turn.inspect)
        self.inspection.show(self.say, turn.choices)

    def command(self, line: str, turn) -> str:
        """Carry out one line of input; returns 'moved', 'quit' or 'stay'."""
        word, _, rest = line.partition(" ")
        word = word.lower()
        if word in ("q", "quit", "exit"):
            return "quit"
        if word in ("h", "help", "?"):
            self.say(HELP + (self.tools.help if self.tools else ""))
            return "stay"
        if word in ("u", "undo"):
            return self.undo()
        if word in ("m", "measures"):
            self.say(self.measures() or "this story has no measures")
            return "stay"
        if word in ("s", "save"):
            return self.save(rest.strip() or DEFAULT_SLOT)
        if word in ("l", "load"):
            return self.load(rest.strip() or None)
        outcome = self.tools.command(word, rest.strip()) if self.tools else None
        if outcome:
            return outcome
        if turn is None:
            self.say("type u to undo or q to quit")
            return "stay"
        return self.move(line, turn)

    def measures(self) -> str:
        """Each measure on a line of its own: its value, its range and what it means."""
        values = self.runner.state.variables
        return "\n".join(f"{m.label}: {wording.number(values[m.variable])} ({wording.number(m.low)} to {wording.number(m.high)})"
                         + (f". {m.description}" if m.description else "") for m in self.runner.story.measures)

    def changes(self, before: dict) -> str:
        """The measures a move changed, like 'Trust +10 (now 60)'; plain: 'Trust up 10, now 60.'
        one a line."""
        after = self.runner.state.variables
        if self.plain:
            return "\n".join(f"{words}." for words in wording.changes(self.runner.story.measures, before, after))
        moved = [f"{m.label} {after[m.variable] - before[m.variable]:+g} (now {after[m.variable]})"
                 for m in self.runner.story.measures if before[m.variable] != after[m.variable]]
        return "  " + "; ".join(moved) if moved else ""

    def move(self, line: str, turn) -> str:
        before = dict(self.runner.state.variables)
        if turn.inspect is not None and self.inspection is not None and line != str(turn.choices[1].number):
            read, words = self.inspection.attempt(line)
            self.say(("The decoder reads the block. " if read else "") + words)
            if not read:
                return "stay"
            line = str(turn.choices[0].number)
        try:
            if turn.phase is Phase.CONTINUING and line in ("", "1"):
                self.runner.proceed()
                if self.recorder:
                    self.recorder.proceeded(self.runner)
            elif turn.phase is Phase.CHOOSING and line.isdigit() and 1 <= int(line) <= len(turn.choices):
                self.runner.choose(int(line))
                if self.recorder:
                    self.recorder.chose(self.runner, turn, int(line))
            else:
                self.say(self.hint(turn))
                return "stay"
        except StoryRuntimeError as exc:
            self.say(f"story error: {exc}")
            self.say("nothing changed; choose again, u to undo or q to quit")
            return "stay"
        except RunnerError as exc:
            self.say(f"that did not work: {exc}")
            return "stay"
        changes = self.changes(before)
        if changes:
            self.say(changes)
        self.autosave()
        return "moved"

    def hint(self, turn) -> str:
        if turn.phase is Phase.CONTINUING:
            return "press Enter to continue (h for help)"
        if turn.phase is Phase.CHOOSING:
            return f"type a number from 1 to {len(turn.choices)} (h for help)"
        return "type u to undo or q to quit"

    def undo(self) -> str:
        if not self.runner.undo():
            self.say("nothing to undo: this is the start")
            return "stay"
        if self.recorder:
            self.recorder.undone(self.runner)
        self.say("(undone)")
        self.autosave()
        return "moved"

    def save(self, slot: str) -> str:
        if self.store is None:
            self.say("saving is off")
            return "stay"
        try:
            path = self.store.write(check_slot(slot), self.runner.state, self.info())
        except (ValueError, SaveError) as exc:
            self.say(f"not saved: {exc}")
            return "stay"
        self.say(f"saved in slot {slot} ({path})")
        return "stay"

    def load(self, slot: str | None) -> str:
        if self.store is None:
            self.say("saving is off")
            return "stay"
        try:
            if slot is None:
                found = self.store.slots()
                slots = [s for s in found if not s.error]
                if not slots:
                    broken = [s.slot for s in found if s.error]
                    if broken:  # say why, rather than that nothing is there
                        more = f" and {len(broken) - 3} more" if len(broken) > 3 else ""
                        self.say(f"no save could be read ({', '.join(broken[:3])}{more}: 'l SLOT' says why)")
                    else:
                        self.say("there are no saves yet")
                    return "stay"
                slot = slots[0].slot
            loaded = self.store.read(check_slot(slot))
        except (ValueError, SaveError) as exc:
            self.say(f"not loaded: {exc}")
            return "stay"
        notes = loaded.notes + self.runner.restore(loaded.state)
        self.say(f"loaded slot {slot}" + "".join(f"; {note}" for note in notes))
        return "moved"

    def info(self) -> dict:
        scene = self.runner.story.scenes[self.runner.state.scene]
        return {"scene": scene.id, "scene_title": scene.title, "chapter": scene.chapter, "steps": len(self.runner.state.history)}

    def autosave(self) -> None:
        if self.store is None or self.autosave_failed:
            return
        try:
            self.store.write(AUTOSAVE, self.runner.state, self.info())
        except SaveError as exc:
            self.autosave_failed = True
            self.say(f"autosave is off for this session: {exc}")


def _is_tty(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
