"""`play --text --classroom`: the terminal player for a room. It prints each discussion prompt
and waits, asks for the room's counts at each choice, and after the ending (or the chapter's
end) offers to go back to an earlier choice and play the road not taken."""

from __future__ import annotations

import textwrap

from ..engine import Phase, RunnerError, StoryRuntimeError
from ..textplay import TextPlayer
from .lesson import Lesson
from .summary import chapter_summary
from .votes import Tally, parse_counts


class ClassroomTextPlayer(TextPlayer):
    def __init__(self, lesson: Lesson, out, inp, plain: bool = False):
        super().__init__(lesson.runner, None, out, inp, plain=plain)
        self.lesson = lesson

    def run(self) -> int:
        title = self.runner.story.title
        self.say(f"{title}: classroom." if self.plain else f"== {title}: classroom ==")
        chapter = self.runner.story.chapter(self.lesson.chapter) if self.lesson.chapter else None
        named = next((s for s in chapter.starts if s.name == self.lesson.start_name), None) if chapter else None
        if named is not None:
            self.say(f"Chapter {chapter.number}, start: {named.label}")
        self.say("At each choice, type the room's count for every option (for example: 12 5), or one number to pick.")
        while True:
            try:
                if not self.play_until_finished():
                    return 0
            except StoryRuntimeError as exc:
                self.say(f"story error: {exc}")
                return 1
            self.finish()
            if not self.offer_road():
                return 0

    def play_until_finished(self) -> bool:
        """Play turns until the ending or chapter end; False when the input ran out."""
        while not self.lesson.finished:
            turn = self.runner.turn
            self.show(turn)
            if turn.phase is Phase.STUCK:
                return False
            if turn.discuss:
                self.discuss(turn)
                if self.read() is None:
                    return False
            if turn.phase is Phase.CONTINUING:
                if self.read() is None:
                    return False
                self.lesson.proceed()
            elif not self.vote(turn):
                return False
        if not self.lesson.chapter_over:
            self.show(self.runner.turn)
        return True

    def discuss(self, turn) -> None:
        self.say()
        self.say("Talk about it." if self.plain else "  --- Talk about it ---")
        for prompt in turn.discuss:
            self.paragraph(prompt, initial_indent="  * ", subsequent_indent="    ")
        self.say("Press Enter when the room is ready to vote." if self.plain else "  (Enter when the room is ready to vote)")

    def vote(self, turn) -> bool:
        options = len(turn.choices)
        while True:
            line = self.read()
            if line is None:
                return False
            line = line.strip()
            if line.isdigit() and 1 <= int(line) <= options:
                self.lesson.choose(int(line), None, "facilitator")
                return True
            counts = parse_counts(line, options)
            if counts is None:
                self.say(f"type {options} counts, one per option (for example: {' '.join(['3'] * options)}), or one number from 1 to {options}")
                continue
            tally = Tally(options)
            for number, count in enumerate(counts, 1):
                tally.set(number, count)
            self.show_split(turn, tally)
            if tally.winner is None:
                leaders = tally.leaders()
                pick = self.ask_pick(leaders)
                if pick is None:
                    return False
                self.lesson.decide(tally, pick)
            else:
                self.say(f"  the majority chose {tally.winner}")
                self.lesson.decide(tally)
            return True

    def show_split(self, turn, tally: Tally) -> None:
        total = tally.total or 1
        for choice, count in zip(turn.choices, tally.counts):
            if self.plain:
                self.say(f"Choice {choice.number}: {count} vote{'s' if count != 1 else ''}, {round(100 * count / total)}%. {choice.text}")
                continue
            bar = "#" * round(20 * count / total)
            self.say(f"  {choice.number}) {bar:<20} {count:>3}  {choice.text[:50]}")

    def ask_pick(self, leaders: list[int]) -> int | None:
        self.say(f"  a tie between {' and '.join(map(str, leaders))}: the facilitator picks one")
        while True:
            line = self.read()
            if line is None:
                return None
            if line.strip().isdigit() and int(line) in leaders:
                return int(line)
            self.say(f"  type {' or '.join(map(str, leaders))}")

    def finish(self) -> None:
        if self.lesson.chapter_over:
            print_chapter_end(self, self.lesson.chapter)

    def offer_road(self) -> bool:
        """Offer an earlier choice to go back to; True when a road not taken begins."""
        points = self.lesson.choice_points()
        if not points:
            return False
        self.say()
        self.say("The road not taken: type a number to go back to that choice, or Enter to finish.")
        if self.lesson.on_road:
            self.say("  (r: return to the room's own ending)")
        for number, point in enumerate(points, 1):
            self.say("  " + textwrap.shorten(f"{number}) {point.scene_title}: chose '{point.taken}'", self.width - 2))
        while True:
            line = self.read()
            if line is None or not line.strip():
                return False
            line = line.strip().lower()
            if line == "r" and self.lesson.on_road:
                self.lesson.return_to_path()
                self.say("(back on the room's own path)")
                return False
            if line.isdigit() and 1 <= int(line) <= len(points):
                try:
                    self.lesson.take_other_road(points[int(line) - 1].step)
                except RunnerError as exc:
                    self.say(f"that did not work: {exc}")
                    return False
                self.say("(going back: this time, try another road)")
                return True
            self.say(f"type a number from 1 to {len(points)}, or Enter to finish")


def print_chapter_end(player: TextPlayer, number: int) -> None:
    """The terminal's chapter-end screen: what was chosen, how the measures moved, the questions."""
    summary = chapter_summary(player.runner, number)
    player.say()
    heading = f"End of chapter {summary.number}: {summary.title}"
    player.say(f"{heading}." if player.plain else f"*** {heading} ***")
    if summary.choices:
        player.say("What you chose:")
        for text in summary.choices:
            player.paragraph(text, initial_indent="  - ", subsequent_indent="    ")
    if player.plain:
        for label, a, b in summary.measures:
            player.say(f"{label} from {a} to {b}.")
    elif summary.measures:
        player.say("Measures: " + "; ".join(f"{label} {a} -> {b}" for label, a, b in summary.measures))
    if summary.questions:
        player.say("To talk about:")
        for question in summary.questions:
            player.paragraph(question, initial_indent="  * ", subsequent_indent="    ")
