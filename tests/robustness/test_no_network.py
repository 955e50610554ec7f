"""The game needs no network: check, playtest, play --text (piped) and shot open no socket.

Each command runs in a child whose sitecustomize installs an audit hook that ends the process
(exit 99) the moment Python creates, binds or connects a socket or resolves a name. The hook
sees what Python code does; SDL's own C code is kept off sockets by its dummy video driver
(a real display is a socket to the X server, which is why `play` without --text probes it)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT

LANE = str(FIXTURES / "stories" / "lane")
GUARD = '''
import os, sys

def _no_network(event, args):
    if event in ("socket.__new__", "socket.bind", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"):
        os.write(2, ("NETWORK: " + event + "\\n").encode())
        os._exit(99)

sys.addaudithook(_no_network)
'''


@pytest.fixture
def guarded(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(GUARD)
    env = {**os.environ, "PYTHONPATH": f"{hooks}{os.pathsep}{ROOT}", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}

    def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(args, input=stdin, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    return run


def test_the_guard_stops_a_program_that_opens_a_socket(guarded):
    result = guarded([sys.executable, "-c", "import socket; socket.socket()"])
    assert result.returncode == 99 and "NETWORK: socket.__new__" in result.stderr


@pytest.mark.parametrize("args, stdin", [
    (["check", LANE], ""),
    (["check"], ""),
    (["playtest", LANE, "--runs", "50"], ""),
    (["play", "--text", LANE, "--save-dir", "{tmp}/saves"], "2\n1\ns 3\nl 3\nu\nq\n"),
    (["shot", LANE, "--out", "{tmp}/x.png"], ""),
    (["shot", LANE, "--screen", "load", "--out", "{tmp}/y.png"], ""),
])
def test_no_command_opens_a_socket(guarded, tmp_path, args, stdin):
    args = [a.format(tmp=tmp_path) for a in args]
    result = guarded([sys.executable, "-m", "game", *args], stdin)
    assert "NETWORK" not in result.stderr
    assert result.returncode == 0, result.stderr
