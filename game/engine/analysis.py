"""Figures about a story's shape, computed from its content: size, choice points whose effects
are read later, discussion prompts. `check --format json` reports them; tests hold them up."""

from __future__ import annotations

from .model import Scene, Story


def reads(scene: Scene) -> set[str]:
    """Every variable the scene's text, conditions and effects read."""
    found: set[str] = set()
    compiled = [p.condition for p in scene.paragraphs] + [e.expression for e in scene.effects]
    for paragraph in scene.paragraphs:
        compiled.extend(paragraph.text.expressions)
    for choice in scene.choices:
        compiled.append(choice.condition)
        compiled.extend(choice.text.expressions)
        compiled.extend(effect.expression for effect in choice.effects)
    for item in compiled:
        if item is not None:
            found |= item.reads
    return found


def choice_points_read_later(story: Story) -> list[str]:
    """Scenes offering two or more choices where some choice sets a variable that a scene of a
    later chapter reads: choices whose consequences the story remembers."""
    read_in_chapter: dict[int, set[str]] = {}
    for scene in story.scenes.values():
        if scene.chapter is not None:
            read_in_chapter.setdefault(scene.chapter, set()).update(reads(scene))
    result = []
    for scene in story.scenes.values():
        if len(scene.choices) < 2 or scene.chapter is None:
            continue
        later = set().union(*[names for number, names in read_in_chapter.items() if number > scene.chapter])
        if any(effect.variable in later for choice in scene.choices for effect in choice.effects):
            result.append(scene.id)
    return result


def endings_ahead(story: Story) -> dict[str, frozenset]:
    """The endings each scene's links lead to, conditions aside. One pass over the graph's
    strongly connected components, sinks first (Tarjan's order), so a long chain of scenes costs
    no more than its links: every scene of a loop sees the same endings."""
    links = {sid: [t for t in scene.targets if t in story.scenes] for sid, scene in story.scenes.items()}
    ahead: dict[str, frozenset] = {}
    for component in _components(links):
        members = set(component)
        found = {story.scenes[sid].ending.id for sid in component if story.scenes[sid].ending}
        outside = [ahead[t] for sid in component for t in links[sid] if t not in members]
        shared = frozenset(found).union(*outside)
        for sid in component:
            ahead[sid] = shared
    return ahead


def _components(links: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of a graph, each after every component it links to
    (Tarjan's algorithm, iterative: a story's chains are longer than Python's recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in links:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, at = work.pop()
            if at == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = links[node]
            while at < len(targets) and targets[at] in index:
                if targets[at] in on_stack:
                    low[node] = min(low[node], index[targets[at]])
                at += 1
            if at < len(targets):
                work.append((node, at + 1))
                work.append((targets[at], 0))
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def outcome_choice_points(story: Story) -> list[str]:
    """Choice points that can change an outcome: their choices set a remembered variable (not a
    measure) differently where some choice condition or ending reads it, or lead on to
    different endings. A choice that only nudges a measure or changes a later line is texture:
    measures colour endings, but one nudge of 5 or 10 seldom decides one."""
    measures = {m.variable for m in story.measures}
    deciding: set[str] = set()
    for scene in story.scenes.values():
        for choice in scene.choices:
            if choice.condition is not None:
                deciding |= choice.condition.reads
        if scene.ending:
            deciding |= reads(scene)
    deciding -= measures
    ahead = endings_ahead(story)
    result = []
    for scene in story.scenes.values():
        if len(scene.choices) < 2:
            continue
        sets = [{e.variable: e.expression.source for e in c.effects if e.variable in deciding} for c in scene.choices]
        leads = {ahead.get(c.goto, frozenset()) for c in scene.choices}
        if any(s != sets[0] for s in sets) or len(leads) > 1:
            result.append(scene.id)
    return result


def inherited_stage(story: Story, scene_id: str) -> dict:
    """The background and music a player would most likely have on stage when arriving at a
    scene: from the nearest earlier scenes that set them (searching the story backwards)."""
    comes_from: dict[str, list[str]] = {}
    for scene in story.scenes.values():
        for target in scene.targets:
            comes_from.setdefault(target, []).append(scene.id)
    stage: dict = {}
    seen, frontier = {scene_id}, [scene_id]
    while frontier and len(stage) < 2:
        next_frontier = []
        for current in frontier:
            scene_stage = story.scenes[current].stage
            for key in ("background", "music"):
                value = getattr(scene_stage, key)
                if value and key not in stage and current != scene_id:
                    stage[key] = value
            for before in comes_from.get(current, []):
                if before not in seen:
                    seen.add(before)
                    next_frontier.append(before)
        frontier = next_frontier
    return stage


def story_stats(scenes: dict[str, Scene]) -> dict:
    """Size figures that need only the scenes (also given for a story with errors)."""
    return {
        "scenes": len(scenes),
        "words": sum(len(p.text.source.split()) for scene in scenes.values() for p in scene.paragraphs),
        "choices": sum(len(scene.choices) for scene in scenes.values()),
        "endings": len({scene.ending.id for scene in scenes.values() if scene.ending}),
    }


def story_figures(story: Story) -> dict:
    """Size and shape figures for a checked story."""
    return {
        **story_stats(story.scenes),
        "chapters": len(story.chapters),
        "choice_points": sum(1 for scene in story.scenes.values() if len(scene.choices) >= 2),
        "choice_points_read_later": len(choice_points_read_later(story)),
        "outcome_choice_points": len(outcome_choice_points(story)),
        "discussion_prompts": sum(1 for scene in story.scenes.values() if scene.discuss),
        "words_by_chapter": {
            str(chapter.number): sum(len(p.text.source.split()) for s in story.scenes.values() if s.chapter == chapter.number for p in s.paragraphs)
            for chapter in story.chapters
        },
    }
