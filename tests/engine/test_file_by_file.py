"""The loader compiles one scene file at a time and lets its YAML go, so a scene can name a scene
of a file read later: links and visited() to later files work, and a name no file defines is
still an error at its exact place."""

from __future__ import annotations

from game.engine import Runner, load_story

FIRST = """
scenes:
  start:
    text: "You have been to the shop {visited('shop')} times."
    choices:
      - text: Go to the shop
        goto: shop
        if: visited('shop') == 0
      - text: Go home
        goto: home
        set: {score: score + visited('home')}
"""
LATER = """
scenes:
  shop:
    text: The shop.
    goto: home
  home:
    text: Home.
    ending: {id: home, title: Home}
"""


def test_links_and_visited_to_a_later_file(make_story):
    folder = make_story(FIRST, z_later=LATER)
    result = load_story(folder, "story")
    assert result.ok, [str(p) for p in result.problems]
    runner = Runner(result.story)
    assert "You have been to the shop 0 times." in runner.turn.paragraphs[0]
    runner.choose(1)
    assert runner.turn.scene.id == "shop"


def test_unknown_names_are_errors_at_their_places(make_story):
    broken = FIRST.replace("goto: home\n        set", "goto: hom\n        set").replace("visited('shop') == 0", "visited('shpo') == 0")
    folder = make_story(broken, z_later=LATER)
    problems = [str(p) for p in load_story(folder, "story").problems.sorted()]
    assert "story/scenes.yaml:7:21: error: in the condition of scene 'start': visited() names unknown scene 'shpo' (did you mean 'shop'?)" in problems
    assert "story/scenes.yaml:9:15: error: 'goto' in scene 'start' names unknown scene 'hom' (did you mean 'home'?)" in problems
    assert len(problems) == 2, problems


def test_a_broken_link_does_not_shift_the_other_choices(make_story):
    """With an unknown goto the story does not load; the figures still count the good choices."""
    broken = FIRST.replace("goto: shop\n", "goto: nowhere\n")
    result = load_story(make_story(broken, z_later=LATER), "story")
    assert not result.ok
    assert result.stats["choices"] == 1


def test_a_files_yaml_is_gone_before_the_next_file_is_read(make_story, monkeypatch):
    """What keeps peak memory down on a big story: at most one file's YAML nodes alive at a time."""
    import weakref

    from game.engine import checker

    roots, alive_when_read = [], []
    real = checker.read_source

    def read_source(raw, path, problems):
        alive_when_read.append(sum(1 for root in roots if root() is not None))
        source = real(raw, path, problems)
        if source.data is not None:
            roots.append(weakref.ref(source.data.node))
        return source

    monkeypatch.setattr(checker, "read_source", read_source)
    more = {f"part{n}": LATER.replace("shop", f"shop{n}").replace("home", f"home{n}") for n in range(5)}
    result = load_story(make_story(FIRST, z_later=LATER, **more), "story")
    assert result.ok, [str(p) for p in result.problems]
    assert len(roots) == 8  # story.yaml and seven scene files
    assert max(alive_when_read[2:]) <= 1, alive_when_read  # story.yaml's, kept for its own checks
