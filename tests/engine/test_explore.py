"""The explorer: what it proves about a story with a planted soft-lock, and that it agrees with
the Runner move for move on random stories (its fast path must never drift from real play)."""

from __future__ import annotations

import random

import pytest

from game.engine import Phase, Runner, RunnerError, StoryRuntimeError, load_story
from game.engine.explore import explore
from game.engine.playtest import Start
from game.engine.replay import Replay, play_replay, seed_for
from tests.conftest import FIXTURES, ROOT
from tests.support.random_stories import write_random_story


@pytest.fixture(scope="module")
def softlock():
    result = load_story(FIXTURES / "stories" / "softlock")
    assert result.ok
    return result.story


def test_an_ending_behind_an_impossible_condition_is_unreachable(softlock):
    report, _ = explore(softlock)
    assert report.complete
    assert report.endings["vault"].path is None
    assert report.endings["stamped"].path is not None and report.endings["home"].path is not None
    assert [s.id for s in report.unreachable_scenes] == ["vault"]
    assert [(s.id, c.index) for s, c in report.unused_choices] == [("counter", 2)]
    assert str(report.unused_choices[0][1].place).endswith("scenes.yaml:10:9")
    assert not report.ok


def test_a_state_with_every_choice_hidden_is_a_soft_lock(softlock):
    report, _ = explore(softlock)
    assert [f.scene.id for f in report.stuck] == ["decision"]
    stuck = report.stuck[0]
    assert stuck.path.variables["roll"] == 1  # only a roll of 1 hides both choices
    assert [step.scene for step in stuck.path.steps] == ["counter", "stamp"]


def test_a_loop_with_no_way_out_is_a_soft_lock_naming_its_scenes(softlock):
    report, _ = explore(softlock)
    assert len(report.traps) == 1
    assert "'queue', 'queue_more'" in report.traps[0].message


def test_variable_ranges_are_the_values_actually_reached(softlock):
    report, _ = explore(softlock)
    assert report.ranges["credit"] == [0, 10]  # the pay is docked before it can add up
    assert report.ranges["roll"] == [0, 6]


def test_a_search_cut_short_says_so_and_proves_nothing_missing(softlock):
    report, _ = explore(softlock, max_states=5)
    assert not report.complete and report.states == 5
    assert "max-states" in report.limits[0]
    assert not report.traps  # states whose moves were cut off might lead anywhere


def test_every_shortest_path_replays_on_the_runner_to_its_ending(softlock):
    report, _ = explore(softlock)
    for reach in report.endings.values():
        if reach.path is None:
            continue
        seed = seed_for([(d.low, d.high, d.value) for d in reach.path.draws])
        runner = Runner(softlock)
        play_replay(runner, Replay(softlock.id, seed, reach.path.steps))
        assert runner.turn.phase is Phase.ENDED and runner.turn.ending.id == reach.ending.id


# --- the explorer against the runner ------------------------------------------------------------

def _walk(runner: Runner, rng: random.Random, steps: int):
    """Yield (state before, move, state after) along a random playthrough."""
    for _ in range(steps):
        turn = runner.turn
        if turn.phase is Phase.ENDED or turn.phase is Phase.STUCK:
            return
        before = runner.state
        before_key = (before.scene, dict(before.variables), dict(before.visits))
        try:
            if turn.phase is Phase.CONTINUING:
                runner.proceed()
            else:
                runner.choose(rng.randint(1, len(turn.choices)))
        except (StoryRuntimeError, RunnerError):
            return
        after = runner.state
        yield before_key, (after.scene, dict(after.variables), dict(after.visits))


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("exact", [True, False])
def test_every_state_and_move_of_real_play_is_in_the_explored_graph(tmp_path, seed, exact):
    story = load_story(write_random_story(tmp_path / "story", seed)).story
    _, space = explore(story, exact=exact, max_states=5_000)
    rng = random.Random(seed)
    for run in range(25):
        runner = Runner(story, seed=rng.randrange(2**31))
        first = runner.state
        assert space.key(first.scene, first.variables, first.visits) in space.index
        for before, after in _walk(runner, rng, 40):
            source = space.index[space.key(*before)]
            if space.partial[source]:
                break  # the search was cut off here (a visit count that grows round a loop)
            target = space.index.get(space.key(*after))
            assert target is not None, f"the runner reached a state the explorer never found: {after}"
            assert target in space.targets[space.offsets[source]:space.offsets[source + 1]]


def test_live_values_only_change_how_many_states_not_what_is_found(tmp_path):
    compared = 0
    for seed in range(30):
        story = load_story(write_random_story(tmp_path / f"story{seed}", seed)).story
        exact, _ = explore(story, exact=True, max_states=5_000)
        live, _ = explore(story, max_states=5_000)
        assert live.states <= exact.states
        if not exact.complete:
            continue
        compared += 1
        assert live.complete
        assert {e: r.path is not None for e, r in live.endings.items()} == {e: r.path is not None for e, r in exact.endings.items()}
        assert [s.id for s in live.unreachable_scenes] == [s.id for s in exact.unreachable_scenes]
        assert [(s.id, c.index) for s, c in live.unused_choices] == [(s.id, c.index) for s, c in exact.unused_choices]
        assert {f.scene.id for f in live.stuck} == {f.scene.id for f in exact.stuck}
        assert bool(live.traps) == bool(exact.traps)
        assert live.ranges == exact.ranges
        for reach in live.endings.values():
            if reach.path is not None:
                assert len(reach.path.steps) == len(exact.endings[reach.ending.id].path.steps)
    assert compared >= 20


@pytest.mark.parametrize("seed", range(30))
def test_explored_paths_replay_on_the_runner_to_the_same_state(tmp_path, seed):
    story = load_story(write_random_story(tmp_path / "story", seed)).story
    report, space = explore(story, max_states=5_000)
    rng = random.Random(seed)
    for number in rng.sample(range(len(space.keys)), min(15, len(space.keys))):
        path = space.path_to(number)
        found = seed_for([(d.low, d.high, d.value) for d in path.draws])
        if found is None:
            continue  # more rolls than a seed search covers
        runner = Runner(story)
        play_replay(runner, Replay(story.id, found, path.steps))
        state = runner.state
        assert space.key(state.scene, state.variables, state.visits) == space.keys[number]
        assert state.variables == path.variables


def test_a_chapter_search_stops_where_the_chapter_ends():
    story = load_story(ROOT / "story").story
    chapter = story.chapters[1]
    report, space = explore(story, Start(chapter.start, chapter.values, chapter.number))
    assert report.complete and report.exits
    for scene_id in report.scene_states:
        assert story.scenes[scene_id].chapter == chapter.number or scene_id in report.exits
