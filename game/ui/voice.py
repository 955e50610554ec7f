"""Self-voicing: the words on screen read aloud by the system's speech engine, off the frame loop.

`Voice.say` only hands the words to a background thread and returns; the thread speaks them
through a backend, and a new utterance interrupts the one being spoken (the player moved on).
Backends: the `espeak-ng` (or `espeak`) command, pyttsx3 when it is installed (SAPI5 on Windows,
NSSpeechSynthesizer on macOS), and none, which says plainly what to install. No pygame here.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Callable, Protocol

NO_ENGINE = "no speech engine installed: install espeak-ng (or the pyttsx3 package)"
POLL_SECONDS = 0.02  # how often a speaking backend looks for an interruption
WORDS_PER_MINUTE = 175
_EMPHASIS = re.compile(r"[*_]+")
_SPACE = re.compile(r"\s+")


class Backend(Protocol):
    name: str

    def speak(self, words: str, stop: threading.Event) -> None:
        """Speak `words`; return when done, or soon after `stop` is set."""


def plain(words: str) -> str:
    """Words as a speech engine should get them: no emphasis marks, one line."""
    return _SPACE.sub(" ", _EMPHASIS.sub("", words)).strip()


def sentences(parts) -> str:
    """Parts of a screen read as one utterance: each ends as a sentence, empty parts left out."""
    done = []
    for part in parts:
        part = plain(part or "")
        if part:
            done.append(part if part.rstrip("\"'\u201d\u2019)]")[-1:] in tuple(".?!:;") else part + ".")
    return " ".join(done)


class CommandBackend:
    """eSpeak NG (or eSpeak) as a command: one process per utterance, ended to interrupt it.
    With `wav`, the speech is written to that file instead of the sound card."""

    def __init__(self, program: str, wav: Path | None = None, rate: int = WORDS_PER_MINUTE):
        self.program = program
        self.name = Path(program).name
        self.wav = wav
        self.rate = rate

    def command(self, words: str) -> list[str]:
        out = ["-w", str(self.wav)] if self.wav else []
        return [self.program, "-b", "1", "-s", str(self.rate), *out, "--", words]

    def speak(self, words: str, stop: threading.Event) -> None:
        try:
            process = subprocess.Popen(self.command(words), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            return
        while process.poll() is None:
            if stop.wait(POLL_SECONDS):
                process.terminate()
                break
        process.wait()


class Pyttsx3Backend:
    """pyttsx3, made on the speaking thread (its drivers belong to the thread that made them);
    an interruption stops it at the next word."""

    name = "pyttsx3"

    def __init__(self, module):
        self.module = module
        self.engine = None
        self.stop_event: threading.Event | None = None

    def speak(self, words: str, stop: threading.Event) -> None:
        if self.engine is None:
            self.engine = self.module.init()
            self.engine.connect("started-word", self._word)
        self.stop_event = stop
        self.engine.say(words)
        self.engine.runAndWait()

    def _word(self, *_args) -> None:
        if self.stop_event is not None and self.stop_event.is_set():
            self.engine.stop()


class NoBackend:
    """No engine: nothing is spoken, and `notice` says what to install."""

    name = "none"
    notice = NO_ENGINE

    def speak(self, words: str, stop: threading.Event) -> None:
        return


def find_backend(which: Callable[[str], str | None] = shutil.which, load=importlib.import_module) -> Backend:
    """The first engine this computer has: espeak-ng, espeak, pyttsx3; else NoBackend."""
    for program in ("espeak-ng", "espeak"):
        found = which(program)
        if found:
            return CommandBackend(found)
    try:
        return Pyttsx3Backend(load("pyttsx3"))
    except Exception:  # noqa: BLE001 - pyttsx3 is optional; any failure to import means: not here
        return NoBackend()


class Voice:
    """Speaks on a background thread, started at the first utterance. `say` never waits."""

    def __init__(self, backend: Backend | None = None):
        self.backend = backend if backend is not None else find_backend()
        self._pending: list[str] = []
        self._stop = threading.Event()
        self._changed = threading.Condition()
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None

    @property
    def available(self) -> bool:
        return not isinstance(self.backend, NoBackend)

    @property
    def notice(self) -> str:
        return getattr(self.backend, "notice", "")

    def say(self, words: str, interrupt: bool = True) -> None:
        """Speak `words` after (or, with `interrupt`, instead of) whatever is being said."""
        words = plain(words)
        if not words or self._closed:
            return
        with self._changed:
            if interrupt:
                self._pending = [words]
                self._stop.set()
            else:
                self._pending.append(words)
            self._start()
            self._changed.notify()

    def silence(self) -> None:
        """Stop speaking now, and drop what was waiting."""
        with self._changed:
            self._pending = []
            self._stop.set()

    def idle(self, timeout: float | None = None) -> bool:
        """Wait until everything asked for has been said (for tests and tools, never the frame
        loop); False if it was still speaking after `timeout` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, wait: float = 2.0) -> None:
        """Stop speaking and end the thread (waiting at most `wait` seconds for the engine to
        let go: the game is quitting, so a stuck engine is left to the daemon thread)."""
        with self._changed:
            self._closed = True
            self._pending = []
            self._stop.set()
            self._changed.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(wait)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="self-voicing", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._busy = False
                self._changed.notify_all()
                self._changed.wait_for(lambda: self._pending or self._closed)
                if self._closed:
                    return
                words = self._pending.pop(0)
                self._stop.clear()
                self._busy = True
            try:
                self.backend.speak(words, self._stop)
            except Exception:  # noqa: BLE001 - a broken engine must not take the game down with it
                self.backend = NoBackend()
