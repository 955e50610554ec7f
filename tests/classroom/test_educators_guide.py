"""The teacher's guide: its printable HTML is made from the Markdown and kept in step with it,
and it covers what a lesson needs."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_printable_guide_is_up_to_date_with_the_markdown():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_educators.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_the_guide_has_a_plan_per_chapter_the_privacy_promise_and_sources():
    guide = (ROOT / "docs" / "educators.md").read_text(encoding="utf-8")
    for heading in ("## The privacy promise", "## Content notes", "## Running classroom mode", "## Collecting session files",
                    "### Chapter 1", "### Chapter 2", "### Chapter 3", "## Vocabulary", "## Student activity: fact or fiction", "## The prompt sheet"):
        assert heading in guide
    for word in ("firmware", "metadata", "steganography", "baseline", "anonymity", "whistleblower"):
        assert f"| {word} |" in guide
    for source in ("NISTIR 8311", "IHS Markit", "reportInfoAndLocationToPolice", "zhongdian renyuan", "Brief 19(16)"):
        assert source in guide
    html = (ROOT / "docs" / "educators.html").read_text(encoding="utf-8")
    assert "<script" not in html and "@page" in html and html.count("<table>") == guide.count("\n| --- ") + guide.count("\n| ---: ")
