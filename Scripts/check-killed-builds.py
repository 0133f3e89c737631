#!/usr/bin/env python3
"""Kills `weave build` at random moments and checks that the site folder is always whole.

Usage: python3 Scripts/check-killed-builds.py WEAVE [KILLS] [SEED]

Two versions of a small course (the tour and lesson 01, under two titles) are built once to
completion as references. Then KILLS builds (default 50), alternating the versions and sharing
one execution cache, are each sent SIGKILL after a random delay (seeded: the same moments on
every run) between 0 and 1.2 times a build's duration. After every kill the site folder must be
byte for byte one of the two references: the old site or the new one, never a mixture, never
missing. At the end one more build runs to completion: it must succeed, match its reference,
and leave no staging or retired folder behind. Prints one line per kill and a summary; exits 1
on the first broken site.
"""
import hashlib
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def snapshot(folder: pathlib.Path) -> dict:
    if not folder.is_dir():
        return {}
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def main() -> int:
    weave = os.path.abspath(sys.argv[1])
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    chooser = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 14)
    with tempfile.TemporaryDirectory() as scratch:
        course = pathlib.Path(scratch) / "course"
        (course / "Notebooks").mkdir(parents=True)
        for name in ["00-tour.md", "01-symmetry.md"]:
            shutil.copy(ROOT / "Notebooks" / name, course / "Notebooks" / name)
        site = course / "site"

        def build(version: int) -> subprocess.Popen:
            (course / "weave.yml").write_text(f"title: Course version {version}\n")
            return subprocess.Popen([weave, "build", "Notebooks", "-o", "site", "--quiet"], cwd=course,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        references, durations = [], []
        for version in (0, 1):
            start = time.monotonic()
            if build(version).wait() != 0:
                print(f"killed builds: the reference build of version {version} failed", file=sys.stderr)
                return 1
            durations.append(time.monotonic() - start)
            references.append(snapshot(site))
        # Builds after the first run from the cache: time those.
        start = time.monotonic()
        build(0).wait()
        duration = time.monotonic() - start
        print(f"killed builds: references made; a cached build takes {duration:.2f} s")
        states = {"old": 0, "new": 0}
        current = 0
        for kill in range(kills):
            version = 1 - current
            delay = chooser.uniform(0, duration * 1.2)
            process = build(version)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            found = snapshot(site)
            if found == references[current]:
                states["old"] += 1
            elif found == references[version]:
                states["new"] += 1
                current = version
            else:
                print(f"killed builds: kill {kill + 1} after {delay:.3f} s left a broken site "
                      f"({len(found)} files, matching neither version)", file=sys.stderr)
                return 1
        final = 1 - current
        if build(final).wait() != 0:
            print("killed builds: the build after the kills failed", file=sys.stderr)
            return 1
        leftovers = [p.name for p in course.iterdir() if p.name.startswith(".site.")]
        if snapshot(site) != references[final] or leftovers:
            print(f"killed builds: the last build did not give a clean site (left: {leftovers})", file=sys.stderr)
            return 1
        print(f"killed builds: {kills} kills, the site was whole every time "
              f"({states['old']} times the old one, {states['new']} times the new); "
              f"the next build succeeded and left nothing behind")
    return 0


if __name__ == "__main__":
    sys.exit(main())
