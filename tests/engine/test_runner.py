"""The runner: turns, hidden choices, scene entry, effects, undo, errors and misuse."""

from __future__ import annotations

import pytest

from game.engine import Phase, Runner, RunnerError, StoryRuntimeError, load_story


def story_from(make_story, scenes: str):
    result = load_story(make_story(scenes), "story")
    assert result.ok, [str(p) for p in result.problems]
    return result.story


def test_start_scene_is_entered(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: "Visits: {visited('start')}, score {score}"
            set: {score: score + 5}
            ending: {id: a, title: A}
        """)
    runner = Runner(story)
    assert runner.turn.paragraphs == ("Visits: 1, score 5",)
    assert runner.turn.phase is Phase.ENDED and runner.turn.ending.title == "A"


def test_hidden_choices_are_skipped_in_numbering(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            choices:
              - {text: Hidden, goto: a, if: score > 10}
              - {text: First shown, goto: a}
              - {text: Second shown, goto: b}
          a:
            text: A.
            ending: {id: a, title: A}
          b:
            text: B.
            ending: {id: b, title: B}
        """)
    runner = Runner(story)
    assert [(c.number, c.text) for c in runner.turn.choices] == [(1, "First shown"), (2, "Second shown")]
    runner.choose(2)
    assert runner.turn.scene.id == "b"


def test_effects_use_the_state_before_the_choice(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            choices:
              - text: Swap
                goto: end
                set:
                  score: trust
                  trust: score
          end:
            text: "{score} {trust}"
            ending: {id: a, title: A}
        """)
    runner = Runner(story)
    runner.choose(1)
    assert runner.turn.paragraphs == ("50 0",)


def test_conditional_paragraphs_remember(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            choices:
              - {text: Meet Guo, goto: end, set: {met_guo: true}}
              - {text: Stay in, goto: end}
          end:
            text:
              - The lane is quiet.
              - if: met_guo
                text: Guo waves from her stall.
            ending: {id: a, title: A}
        """)
    runner = Runner(story)
    runner.choose(1)
    assert runner.turn.paragraphs == ("The lane is quiet.", "Guo waves from her stall.")
    runner.undo()
    runner.choose(2)
    assert runner.turn.paragraphs == ("The lane is quiet.",)


def test_blank_lines_split_paragraphs(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: |
              First paragraph.

              Second paragraph
              keeps its line break.
            ending: {id: a, title: A}
        """)
    assert Runner(story).turn.paragraphs == ("First paragraph.", "Second paragraph\nkeeps its line break.")


def test_misuse_raises_clear_errors(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            goto: end
          end:
            text: End.
            ending: {id: a, title: A}
        """)
    runner = Runner(story)
    with pytest.raises(RunnerError, match="none is pending"):
        runner.choose(1)
    runner.proceed()
    with pytest.raises(RunnerError, match="runner is ended"):
        runner.proceed()


def test_a_scene_whose_choices_are_all_hidden_is_stuck(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            choices:
              - {text: Only when rich, goto: start, if: score > 100}
        """)
    assert Runner(story).turn.phase is Phase.STUCK


def test_runtime_error_names_the_place_and_changes_nothing(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            choices:
              - {text: Divide, goto: broken, set: {trust: trust - 50}}
          broken:
            text: Broken.
            set: {score: 10 // trust}
            goto: start
        """)
    runner = Runner(story)
    with pytest.raises(StoryRuntimeError) as caught:
        runner.choose(1)
    assert str(caught.value).startswith("story/scenes.yaml:") and "division by zero" in str(caught.value)
    assert runner.state.scene == "start"
    assert runner.state.variables["trust"] == 50
    assert runner.turn.phase is Phase.CHOOSING


def test_transcript_lists_every_turn_and_move(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: Rain.
            choices:
              - {text: Go, goto: end}
          end:
            text: End.
            ending: {id: a, title: A}
        """)
    runner = Runner(story)
    runner.choose(1)
    transcript = runner.transcript()
    assert [(m.turn.paragraphs, m.step.text if m.step else None) for m in transcript] == [(("Rain.",), "Go"), (("End.",), None)]
    assert [m.variables["score"] for m in transcript] == [0, 0]


def test_yaml_strings_never_become_transitions_callbacks(make_story):
    story = story_from(make_story, """
        scenes:
          start:
            text: os.system
            choices:
              - {text: os.system, goto: end}
          end:
            text: End.
            ending: {id: a, title: A}
        """)
    runner = Runner(story)
    for event in runner.machine.machine.events.values():
        for transitions in event.transitions.values():
            for transition in transitions:
                for callback in transition.before + transition.after + transition.prepare:
                    assert callable(callback)
                for condition in transition.conditions:
                    assert callable(condition.func)
    assert not runner.machine.machine.auto_transitions
