"""Self-voicing: the window reads its scenes, choices and focused buttons aloud through the
system's speech engine, and the frame loop never waits for the voice. Driven by posted events,
with a stand-in engine that holds every utterance until it is interrupted, and once with the
real eSpeak NG writing to a WAV file."""

from __future__ import annotations

import shutil
import threading
import wave

import pygame
import pytest

from game.ui.voice import NO_ENGINE, CommandBackend, NoBackend, Pyttsx3Backend, Voice, find_backend, plain

from .conftest import press, settle

GIVE_UP_SECONDS = 10.0  # only reached if the frame loop waited for the voice: the test then fails


class HeldEngine:
    """Says nothing, and holds each utterance until the next one interrupts it (as a long
    sentence would be still playing). Notes which thread it was called on."""

    name = "held"

    def __init__(self):
        self.heard: list[str] = []
        self.interrupted: list[str] = []
        self.gave_up: list[str] = []
        self.threads: set[int] = set()
        self.let_go = threading.Event()

    def speak(self, words: str, stop: threading.Event) -> None:
        self.heard.append(words)
        self.threads.add(threading.get_ident())
        if stop.wait(GIVE_UP_SECONDS):
            self.interrupted.append(words)
        elif not self.let_go.is_set():
            self.gave_up.append(words)


class Recorder:
    """Says nothing and returns at once: what was asked for, in order."""

    name = "recorder"

    def __init__(self):
        self.heard: list[str] = []

    def speak(self, words: str, stop: threading.Event) -> None:
        self.heard.append(words)


def voiced_app(make_app, story, engine):
    app = make_app(story)
    app.voice = Voice(engine)
    app.settings.self_voicing = True
    return app


def heard_after(app, engine, action) -> list[str]:
    """What the voice was asked to say because of `action` (after it had been said)."""
    app.voice.idle(5)
    before = len(engine.heard)
    action()
    app.voice.idle(5)
    return engine.heard[before:]


def new_game(app):
    app.session.new_game()
    app.push("scene")
    settle(app)
    return app.top


def test_the_frame_loop_goes_on_while_the_voice_is_still_speaking(make_app, staged):
    engine = HeldEngine()
    app = voiced_app(make_app, staged, engine)
    scene = new_game(app)
    press(app, pygame.K_SPACE)   # show the whole text
    press(app, pygame.K_DOWN)    # focus "Go out" while the scene's words are still being said
    assert scene.focus == 1
    press(app, pygame.K_RETURN)  # and choose it, still talking
    assert app.session.runner.state.scene == "street"
    settle(app)
    engine.let_go.set()
    app.voice.close()
    assert engine.gave_up == []
    assert threading.get_ident() not in engine.threads
    assert engine.heard[0].startswith("Chapter 1: Morning. The shop. Compliance 50.")
    assert engine.interrupted[:2] == engine.heard[:2]  # each utterance cut short by the next
    assert any(words.startswith("Choice 2: Go out") for words in engine.heard)


def test_a_scene_its_choices_and_each_focus_change_are_read(make_app, staged):
    engine = Recorder()
    app = voiced_app(make_app, staged, engine)
    heard = heard_after(app, engine, lambda: new_game(app))
    assert heard == ["Chapter 1: Morning. The shop. Compliance 50. Choice 1: Obey twice over. Choice 2: Go out."]
    assert heard_after(app, engine, lambda: press(app, pygame.K_SPACE)) == []  # the reveal says nothing new
    assert heard_after(app, engine, lambda: press(app, pygame.K_DOWN)) == ["Choice 2: Go out."]
    assert heard_after(app, engine, lambda: press(app, pygame.K_DOWN)) == ["Choice 1: Obey twice over."]
    assert heard_after(app, engine, lambda: press(app, pygame.K_UP)) == ["Choice 2: Go out."]
    press(app, pygame.K_UP)
    heard = heard_after(app, engine, lambda: press(app, pygame.K_RETURN))
    assert heard == ["Compliance up 50, now 100. Officer Zhou: Zhou nods. Button: Continue."]


def test_a_chapter_card_says_the_chapter_and_the_scene_after_it_does_not_repeat_it(make_app, staged):
    engine = Recorder()
    app = voiced_app(make_app, staged, engine)
    new_game(app)
    press(app, pygame.K_SPACE)
    assert heard_after(app, engine, lambda: press(app, pygame.K_2)) == ["Chapter 2: Night."]
    assert app.top.name == "chapter_card"
    heard = heard_after(app, engine, lambda: press(app, pygame.K_SPACE))  # skip the card
    assert heard[0].startswith("Auntie Guo: The lane at night.") and "Chapter 2" not in heard[0]


def test_a_menu_reads_its_heading_and_focused_button_and_returns_to_the_focus_only(make_app, staged):
    engine = Recorder()
    app = voiced_app(make_app, staged, engine)
    new_game(app)
    heard = heard_after(app, engine, lambda: press(app, pygame.K_ESCAPE))
    assert len(heard) == 1 and heard[0].startswith("Paused. Resume, button 1 of")
    assert heard_after(app, engine, lambda: press(app, pygame.K_DOWN))[0].endswith("button 2 of " + str(len(app.top.list.buttons)) + ".")
    heard = heard_after(app, engine, lambda: press(app, pygame.K_ESCAPE))
    assert heard == []  # back in the scene, nothing moved: its words are not read again


def test_v_turns_self_voicing_on_and_off_and_the_setting_is_kept(make_app, staged):
    engine = Recorder()
    app = make_app(staged)
    app.voice = Voice(engine)
    app.push("title")
    settle(app)
    heard = heard_after(app, engine, lambda: press(app, pygame.K_v))
    assert app.settings.self_voicing and app.settings_file.load().self_voicing
    assert heard[0].startswith("Self-voicing on. Staged.") and heard[0].endswith("button 2 of 8.")
    press(app, pygame.K_v)
    assert not app.settings.self_voicing and app.toast_text == "Self-voicing off"


def test_without_a_speech_engine_the_player_is_told_what_to_install(make_app, staged):
    app = make_app(staged)
    app.voice = Voice(NoBackend())
    app.push("title")
    settle(app)
    press(app, pygame.K_v)
    assert app.toast_text == NO_ENGINE and "install espeak-ng" in app.toast_text


def test_v_typed_into_the_nickname_field_is_a_letter(make_app, staged):
    app = make_app(staged)
    app.voice = Voice(Recorder())
    app.push("classroom")
    for _ in range(3):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_v)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="v"))
    settle(app)
    assert app.top.nickname == "v" and not app.settings.self_voicing


def test_the_engine_found_is_espeak_ng_then_espeak_then_pyttsx3_then_none():
    def which_of(*present):
        return lambda name: f"/usr/bin/{name}" if name in present else None

    def no_module(name):
        raise ImportError(name)

    assert find_backend(which_of("espeak-ng", "espeak"), no_module).name == "espeak-ng"
    assert find_backend(which_of("espeak"), no_module).name == "espeak"
    assert isinstance(find_backend(which_of(), lambda name: object()), Pyttsx3Backend)
    assert isinstance(find_backend(which_of(), no_module), NoBackend)


def test_emphasis_marks_are_not_read_out():
    assert plain("She is *polite*, which\nis   worse.") == "She is polite, which is worse."


def test_a_word_that_looks_like_an_option_is_spoken_not_obeyed():
    assert CommandBackend("espeak-ng").command("-v fr")[-2:] == ["--", "-v fr"]


ESPEAK = shutil.which("espeak-ng")


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (Debian: apt-get install espeak-ng; .ci/run installs it)")
def test_espeak_ng_turns_a_scenes_words_into_speech(make_app, staged, tmp_path):
    app = make_app(staged)
    scene = new_game(app)
    words, _ = scene.spoken()
    out = tmp_path / "scene.wav"
    voice = Voice(CommandBackend(ESPEAK, wav=out))
    voice.say(words)
    assert voice.idle(60)
    voice.close()
    with wave.open(str(out)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert seconds > 2.0  # about a dozen words at 175 a minute


def test_f1_opens_help_with_the_keys_and_each_measure_explained(make_app, staged):
    engine = Recorder()
    app = voiced_app(make_app, staged, engine)
    new_game(app)
    heard = heard_after(app, engine, lambda: press(app, pygame.K_F1))
    assert app.top.name == "help"
    assert "V: self-voicing on or off" in heard[0] and "F1: this help" in heard[0]
    assert "Trust (0 to 100, now 50): What the lane thinks." in heard[0]
    press(app, pygame.K_F1)
    assert app.top.name == "scene"


def test_the_load_screen_reads_the_focused_slot(make_app, staged):
    engine = Recorder()
    app = voiced_app(make_app, staged, engine)
    app.push("title")
    settle(app)
    app.push("slots", saving=False)
    settle(app)
    app.voice.idle(5)
    assert engine.heard[-1].startswith("Load a game.") and "Autosave: Empty. 1 of" in engine.heard[-1]
    assert heard_after(app, engine, lambda: press(app, pygame.K_RIGHT))[0].startswith("Slot 1: Empty. 2 of")


def test_the_ending_screen_reads_the_ending_and_the_choices(make_app, staged):
    engine = Recorder()
    app = voiced_app(make_app, staged, engine)
    app.session.new_game()
    app.session.choose(2)  # Go out: the street, which ends
    app.push("scene")
    app.push("ending")
    settle(app)
    app.voice.idle(5)
    assert engine.heard[-1].startswith("Ending: Night.") and "New game, button 1 of 4" in engine.heard[-1]


def test_a_sentence_ending_in_a_quotation_gets_no_extra_full_stop():
    from game.ui.voice import sentences

    assert sentences(["\u201cThat\u2019s your Tuesday sorted.\u201d", "Page 2 of 2"]) == "\u201cThat\u2019s your Tuesday sorted.\u201d Page 2 of 2."


class FakePyttsx3:
    """Stands in for the pyttsx3 module: an engine that 'speaks' word by word, calling the
    started-word callback, and stops when asked."""

    def __init__(self):
        self.engines = []

    def init(self):
        module = self

        class Engine:
            def __init__(self):
                self.callbacks, self.queue, self.spoken, self.stopped, self.thread = {}, [], [], 0, None
                module.engines.append(self)

            def connect(self, topic, callback):
                self.callbacks[topic] = callback

            def say(self, words):
                self.queue.append(words)

            def stop(self):
                self.stopped += 1
                self.queue = []

            def runAndWait(self):  # noqa: N802 - pyttsx3's name
                self.thread = threading.get_ident()
                while self.queue:
                    words = self.queue.pop(0)
                    for word in words.split():
                        self.callbacks["started-word"](words, 0, len(word))
                        if not self.queue and self.stopped:
                            return
                        self.spoken.append(word)

        return Engine()


def test_pyttsx3_is_driven_from_the_speaking_thread_and_stops_at_the_next_word():
    module = FakePyttsx3()
    backend = Pyttsx3Backend(module)
    voice = Voice(backend)
    voice.say("one two three")
    assert voice.idle(5)
    engine = module.engines[0]
    assert engine.spoken == ["one", "two", "three"] and engine.thread != threading.get_ident()
    stop = threading.Event()
    stop.set()  # a newer utterance is waiting: the engine is stopped at its first word
    backend.speak("four five", stop)
    assert engine.stopped == 1 and "five" not in engine.spoken
    voice.close()


def test_v_typed_into_the_debug_filter_is_a_letter(make_app):
    from game.engine import load_story
    from game.live import LiveStory
    from game.ui.live import LiveTools
    from tests.conftest import FIXTURES

    folder = FIXTURES / "stories" / "lane"
    app = make_app(load_story(folder, "lane").story)
    LiveTools.attach(app, LiveStory(folder, "lane"))
    app.session.new_game(seed=1)
    app.push("scene")
    settle(app)
    press(app, pygame.K_F3)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="v", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_v, mod=0, unicode="v", scancode=0))
    settle(app)
    assert app.top.name == "debug" and app.top.filter == "v" and not app.settings.self_voicing
