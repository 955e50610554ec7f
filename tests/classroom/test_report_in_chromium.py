"""The class report in a real browser (Debian's headless Chromium, which .ci/run installs):
its DOM has one SVG chart per choice point, and its screenshot is not blank."""

from __future__ import annotations

import os
import re
import shutil

import pygame

from game.cli import main
from tests.support.browser import chromium, run_browser
from tests.support.sessions import LESSON, five_sessions


def test_the_report_renders_one_chart_per_choice_point(tmp_path):
    exe = chromium()
    sessions = tmp_path / "class"
    sessions.mkdir()
    five_sessions(sessions)
    report = tmp_path / "report.html"
    assert main(["report", str(sessions), "--story", str(LESSON), "--out", str(report)]) == 0
    points = report.read_text().count("<section class='point'>")
    assert points == 3

    dom = run_browser(exe, tmp_path / "profile-dom", "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    charts = re.findall(r'<svg[^>]*class="chart"[^>]*>', dom.stdout)
    assert len(charts) == points
    assert len(re.findall(r"<rect ", dom.stdout)) >= 7  # every option's bar was parsed

    picture = tmp_path / "report.png"
    shot = run_browser(exe, tmp_path / "profile-shot", f"--screenshot={picture}", "--window-size=1280,1400", "--hide-scrollbars", report.as_uri())
    assert shot.returncode == 0 and picture.is_file(), shot.stderr[-2000:]
    keep = os.environ.get("FACE_VALUE_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(picture, keep)
    image = pygame.image.load(str(picture))
    width, height = image.get_size()
    samples = [tuple(image.get_at((x, y)))[:3] for x in range(0, width, 16) for y in range(0, height, 16)]
    inked = sum(1 for color in samples if color != (255, 255, 255))
    assert len(set(samples)) > 8 and inked > len(samples) * 0.03  # text and coloured bars, not a blank page
