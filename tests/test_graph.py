"""`face-value graph`: the story map in every format, shaded by coverage, and the HTML map of
the bundled story in a real browser (headless Chromium): one node per scene, not blank."""

from __future__ import annotations

import json
import os
import re
import shutil

from game.cli import main
from tests.conftest import ROOT
from tests.support.browser import chromium, inked_picture, run_browser

SCENES = """
scenes:
  start:
    text: A fork in the road.
    choices:
      - text: Left, if you dare
        goto: left
        if: score > 0
      - text: Right
        goto: right
  left:
    text: The left road.
    ending: {id: left, title: Left Behind}
  right:
    text: The right road.
    set: {score: score + 1}
    goto: start
  island:
    text: Nothing leads here.
    goto: start
"""


def graph(capsys, *args) -> tuple[int, str, str]:
    code = main(["graph", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_dot_groups_scenes_and_dashes_conditional_choices(capsys, make_story):
    folder = make_story(SCENES)
    code, out, _ = graph(capsys, folder, "--format", "dot")
    assert code == 0
    assert 'subgraph cluster_c0_f0 { label="scenes.yaml"' in out
    assert re.search(r'"start" -> "left" \[label="Left, if you dare", style=dashed\]', out)
    assert re.search(r'"start" -> "right" \[label="Right"\];', out)
    assert re.search(r'"left" \[.*peripheries=2', out)  # the ending stands out
    assert re.search(r'"island" \[.*color=red', out)  # and so does the scene nothing leads to


def test_mermaid_marks_endings_and_unreachable_scenes(capsys, make_story):
    code, out, err = graph(capsys, make_story(SCENES), "--format", "mermaid")
    assert code == 0 and err == ""
    assert "s_start -.->|\"Left, if you dare\"| s_left" in out and "s_start -->|\"Right\"| s_right" in out
    assert "class s_left ending" in out and "class s_island unreachable" in out


def test_mermaid_warns_past_its_edge_limit(capsys, make_story):
    scenes = ["scenes:"]
    for n in range(260):
        scenes += [f"  s{n}:", f"    text: Scene {n}.", "    choices:",
                   f"      - text: Onward\n        goto: s{n + 1}", f"      - text: Back\n        goto: s{max(n - 1, 0)}"]
    scenes += ["  s260:", "    text: The end.", "    ending: {id: end, title: The End}"]
    folder = make_story("\n".join(scenes) + "\n", story="title: Long\nstart: s0\n")
    out_file = folder.parent / "long.mmd"
    code, out, err = graph(capsys, folder, "--format", "mermaid", "--out", out_file)
    assert code == 0 and out_file.read_text().startswith("flowchart TD"), err
    assert "520 edges; Mermaid draws at most 500" in err


def test_coverage_from_playtest_shades_scenes_and_counts_choices(capsys, make_story, tmp_path):
    folder = make_story(SCENES)
    assert main(["playtest", str(folder), "--runs", "50", "--format", "json"]) == 0
    report = tmp_path / "playtest.json"
    report.write_text(capsys.readouterr().out)
    hits = json.loads(report.read_text())["scene_hits"]
    svg = tmp_path / "map.svg"
    code, out, _ = graph(capsys, folder, "--format", "svg", "--coverage", report, "--out", svg)
    assert code == 0 and "4 scenes" in out
    drawn = svg.read_text()
    start = re.search(r'<g class="scene" data-id="start"[^>]*>.*?</g>', drawn).group(0)
    assert f">{hits['start']:,}</text>" in start and "style=\"fill:#" in start
    island = re.search(r'<g class="scene unreachable" data-id="island"[^>]*>.*?</g>', drawn).group(0)
    assert ">0</text>" in island


def test_coverage_from_explore_marks_scenes_no_state_reaches(capsys, make_story, tmp_path):
    folder = make_story(SCENES.replace("score > 0", "score > 5").replace("score + 1", "1"))
    main(["explore", str(folder), "--format", "json"])
    report = tmp_path / "explore.json"
    report.write_text(capsys.readouterr().out)
    html = tmp_path / "map.html"
    code, out, _ = graph(capsys, folder, "--coverage", report, "--out", html)
    assert code == 0 and "2 marked unreachable" in out  # island by its links, left by explore's proof
    assert 'class="scene ending unreachable" data-id="left"' in html.read_text()


def test_a_bad_coverage_file_is_one_usage_line(capsys, make_story, tmp_path):
    bad = tmp_path / "saves.json"
    bad.write_text('{"slot": 1}')
    code, out, err = graph(capsys, make_story(SCENES), "--coverage", bad)
    assert code == 2 and out == ""
    assert err == f"face-value: error: --coverage {bad}: not a coverage file (give the output of 'playtest --format json' or 'explore --format json')\n"


def test_the_html_map_of_the_bundled_story_in_chromium(capsys, tmp_path):
    exe = chromium()
    page = tmp_path / "map.html"
    code, out, _ = graph(capsys, ROOT / "story", "--out", page)
    assert code == 0
    scenes = int(re.search(r"(\d+) scenes", out).group(1))
    html = page.read_text()
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html  # nothing to fetch

    dom = run_browser(exe, tmp_path / "profile-dom", "--dump-dom", page.as_uri() + "#c1_shop")
    assert dom.returncode == 0, dom.stderr[-2000:]
    nodes = re.findall(r'<g class="scene[^"]*" data-id="([a-z0-9_]+)"', dom.stdout)
    assert len(nodes) == len(set(nodes)) == scenes > 100
    panel = re.search(r'<aside id="panel">(.*?)</aside>', dom.stdout, re.S)
    assert panel and re.search(r"c1_shop · \S*story/chapter1/shop.yaml:3:3<", panel.group(1))  # the script ran: a scene's panel opened

    picture = tmp_path / "map.png"
    shot = run_browser(exe, tmp_path / "profile-shot", f"--screenshot={picture}", "--window-size=1280,800", "--hide-scrollbars", page.as_uri())
    assert shot.returncode == 0 and picture.is_file(), shot.stderr[-2000:]
    keep = os.environ.get("FACE_VALUE_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(picture, keep)
    colours, inked, samples = inked_picture(picture)
    assert colours > 8 and inked > samples * 0.3  # the map's boxes and lines, not an empty page


def test_either_layout_draws_every_scene_once(capsys, make_story, tmp_path):
    import shutil as which

    folder = make_story(SCENES)
    layouts = ["grandalf"] + (["dot"] if which.which("dot") else [])
    for layout in layouts:
        svg = tmp_path / f"{layout}.svg"
        code, out, err = graph(capsys, folder, "--format", "svg", "--layout", layout, "--out", svg)
        drawn = svg.read_text()
        assert code == 0 and err == "", err
        assert sorted(re.findall(r'<g class="scene[^"]*" data-id="(\w+)"', drawn)) == ["island", "left", "right", "start"]
        assert len(re.findall(r'<path class="link', drawn)) == 4  # two choices and two gotos
        boxes = [tuple(map(float, m)) for m in re.findall(r'data-id="\w+" transform="translate\(([-\d.]+),([-\d.]+)\)"', drawn)]
        assert len(set(boxes)) == 4 and all(x >= 0 and y >= 0 for x, y in boxes)  # no two boxes in one place, none off the page


def test_asking_for_dot_where_it_is_missing_is_a_usage_error(capsys, make_story, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    code, out, err = graph(capsys, make_story(SCENES), "--layout", "dot")
    assert code == 2 and "--layout dot: Graphviz's dot is not installed" in err
