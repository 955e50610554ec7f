"""Benchmark harness: paired A/B timing (A B A B ...) under one GC setting, CPU and wall time,
min/median/max, and a report that prints every figure and, at the end, every missed target."""

from __future__ import annotations

import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

PAIRS = 7


@dataclass
class Sample:
    """CPU and wall seconds of repeated runs of one side."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def add(self, cpu: float, wall: float) -> None:
        self.cpu.append(cpu)
        self.wall.append(wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def median_wall(self) -> float:
        return statistics.median(self.wall)

    def line(self, scale: float = 1.0, unit: str = "s") -> str:
        def three(values):
            return "/".join(f"{v * scale:.4g}" for v in (min(values), statistics.median(values), max(values)))
        return f"CPU {three(self.cpu)} {unit}, wall {three(self.wall)} {unit} (min/median/max of {len(self.cpu)})"


@dataclass
class Pair:
    """The two sides of a paired measurement, and the ratio B/A per pair."""

    a: Sample
    b: Sample

    @property
    def cpu_ratios(self) -> list[float]:
        return [b / a for a, b in zip(self.a.cpu, self.b.cpu) if a > 0]

    @property
    def ratio(self) -> float:
        """Median of the per-pair CPU ratios B/A: each pair ran side by side, so load on the
        machine touches both sides of it alike."""
        return statistics.median(self.cpu_ratios)

    @property
    def wall_ratio(self) -> float:
        return statistics.median([b / a for a, b in zip(self.a.wall, self.b.wall) if a > 0])


@contextmanager
def gc_setting(enabled: bool):
    """Run with the cyclic GC on or off, and put it back as it was."""
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


def timed(action) -> tuple[float, float]:
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - cpu, time.perf_counter() - wall


def paired(a, b, pairs: int = PAIRS, gc_enabled: bool = False, warmup: bool = True) -> Pair:
    """Time `a` and `b` interleaved (A B A B ...), `pairs` times each, both under the same GC
    setting (off by default: the loader pauses it, so the baseline must too)."""
    result = Pair(Sample(), Sample())
    with gc_setting(gc_enabled):
        if warmup:
            a(), b()
        for _ in range(pairs):
            result.a.add(*timed(a))
            result.b.add(*timed(b))
    return result


def repeated(action, times: int = PAIRS, gc_enabled: bool = False) -> Sample:
    sample = Sample()
    with gc_setting(gc_enabled):
        action()
        for _ in range(times):
            sample.add(*timed(action))
    return sample


def max_rss_mb() -> float:
    """This process's peak resident set, in MB: a whole-process peak, so it is only meaningful
    measured in a fresh child process. VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec,
    so a child started from a big benchmark process reports the parent's peak as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: no exec carry-over there


def run_child(script: str, *args: str, env: dict | None = None) -> dict:
    """Run `script` in a fresh interpreter and return the JSON object on its last line."""
    out = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})}).stdout
    return json.loads(out.strip().splitlines()[-1])


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


class Report:
    """Collects figures and targets; prints each figure as it comes, and every miss at the end."""

    def __init__(self, title: str):
        self.title = title
        self.missed: list[str] = []
        self.met: list[str] = []
        print(f"== {title} (load average {load_average()}, Python {sys.version.split()[0]})", flush=True)

    def note(self, text: str) -> None:
        print(text, flush=True)

    def figure(self, name: str, value: float, unit: str = "", *, at_most: float | None = None,
               at_least: float | None = None, detail: str = "") -> None:
        target = ""
        ok = True
        if at_most is not None:
            target, ok = f"target <= {at_most:g}{unit}", value <= at_most
        elif at_least is not None:
            target, ok = f"target >= {at_least:,g}{unit}", value >= at_least
        shown = f"{value:,.3f}{unit}" if abs(value) < 100 else f"{value:,.0f}{unit}"  # never rounds a miss into its target
        status = "" if not target else ("  met" if ok else "  MISSED")
        print(f"{name}: {shown}" + (f" ({target})" if target else "") + status + (f"  [{detail}]" if detail else ""), flush=True)
        if target:
            (self.met if ok else self.missed).append(f"{name} {shown} ({target})")

    def finish(self) -> int:
        """Exit status 0 always: the list of misses is the result, and later benches still run."""
        print(f"-- {self.title}: {len(self.met)} target(s) met, {len(self.missed)} missed (load average {load_average()})")
        if self.missed:
            print("MISSED:")
            for miss in self.missed:
                print(f"  - {miss}")
        else:
            print("MISSED: none")
        return 0
