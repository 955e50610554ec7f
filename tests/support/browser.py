"""Debian's headless Chromium for tests that check a generated page in a real browser
(.ci/run installs it); the test is skipped, saying so, where it is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        reason = "chromium is not installed and could not be (.ci/run installs it: apt-get install -y chromium)"
        print(f"SKIPPED: {reason}", file=sys.stderr)
        pytest.skip(reason)
    return found


def run_browser(exe: str, profile, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(profile)}
    return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180, env=env)


def inked_picture(path) -> tuple[int, int, int]:
    """(distinct colours, samples not white, samples) over a 16-pixel grid of a PNG."""
    import pygame

    image = pygame.image.load(str(path))
    width, height = image.get_size()
    samples = [tuple(image.get_at((x, y)))[:3] for x in range(0, width, 16) for y in range(0, height, 16)]
    return len(set(samples)), sum(1 for color in samples if color != (255, 255, 255)), len(samples)
