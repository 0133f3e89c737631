#!/usr/bin/env python3
"""Each lesson's time and peak memory, the whole course's, and the activation-statistics notebook
against the same work as a numpy script: medians of RUNS fresh processes (default 3).

Usage: python3 Benchmarks/lessons.py WEAVE PEER_PYTHON [RUNS]

Peak memory is the child's maximum resident set (wait4); it cannot be less than the resident
set of this Python process at the fork, about 10 MB.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(command, env=None):
    """Seconds and peak resident megabytes of one run of `command`."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    if status != 0:
        sys.exit(f"benchmark command failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def medians(command, runs, env=None):
    samples = [measure(command, env) for _ in range(runs)]
    return statistics.median(s for s, _ in samples), statistics.median(m for _, m in samples)


def main():
    weave, python = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    out = tempfile.mkdtemp(prefix="weave-lessons-")
    for lesson in sorted((ROOT / "Notebooks").glob("*.md")):
        seconds, megabytes = medians([weave, "render", str(lesson), "-o", f"{out}/{lesson.stem}.html"], runs)
        print(f"lesson {lesson.stem:28} {seconds:6.3f} s  {megabytes:6.0f} MB peak")
    seconds, megabytes = medians([weave, "build", str(ROOT / "Notebooks"), "-o", f"{out}/site", "--no-cache", "--quiet"], runs)
    print(f"the whole course, weave build --no-cache   {seconds:6.3f} s  {megabytes:6.0f} MB peak")
    notebook = ROOT / "Benchmarks/peers/actstats/actstats.md"
    weave_time, weave_memory = medians([weave, "render", str(notebook), "-o", f"{out}/actstats.html"], runs)
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    numpy_time, numpy_memory = medians([python, str(ROOT / "Benchmarks/peers/actstats_numpy.py")], runs, env)
    print(f"activation statistics (20 layers of 500 over 1000x500): weave notebook {weave_time:.3f} s, {weave_memory:.0f} MB"
          f" | numpy script {numpy_time:.3f} s, {numpy_memory:.0f} MB"
          f" (time ratio {weave_time / numpy_time:.2f}, memory ratio {weave_memory / numpy_memory:.2f})")


if __name__ == "__main__":
    main()
