"""endings_ahead walks the graph once (strongly connected components); it must give what the
plain fixed point gives: every ending some path of links reaches, loops included."""

import random
from types import SimpleNamespace

from game.engine.analysis import endings_ahead


def fixed_point(story):
    ahead = {sid: frozenset([s.ending.id]) if s.ending else frozenset() for sid, s in story.scenes.items()}
    changed = True
    while changed:
        changed = False
        for sid, scene in story.scenes.items():
            found = ahead[sid].union(*[ahead[t] for t in scene.targets if t in ahead])
            if found != ahead[sid]:
                ahead[sid], changed = found, True
    return ahead


def random_story(rng: random.Random):
    n = rng.randint(1, 40)
    scenes = {}
    for i in range(n):
        targets = [f"s{rng.randrange(n)}" for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.1:
            targets.append("missing")  # a link to no scene (a broken story) is ignored
        ending = SimpleNamespace(id=f"e{i}") if rng.random() < 0.2 else None
        scenes[f"s{i}"] = SimpleNamespace(targets=targets, ending=ending)
    return SimpleNamespace(scenes=scenes)


def test_same_as_the_fixed_point_on_random_graphs():
    rng = random.Random(20261202)
    for _ in range(500):
        story = random_story(rng)
        assert endings_ahead(story) == fixed_point(story)


def test_a_chain_longer_than_the_recursion_limit():
    n = 5000
    scenes = {f"s{i}": SimpleNamespace(targets=[f"s{i + 1}"], ending=None) for i in range(n)}
    scenes[f"s{n}"] = SimpleNamespace(targets=["s0"], ending=SimpleNamespace(id="end"))
    ahead = endings_ahead(SimpleNamespace(scenes=scenes))
    assert ahead["s0"] == ahead[f"s{n}"] == frozenset({"end"})
