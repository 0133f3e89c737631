#!/usr/bin/env python3
"""Writes the fuzzers' seed inputs: every notebook of the course and of the test cases (for the
loader), and every Swift cell in them and in the cell language's case files (for the cells).

Usage: python3 Fuzz/seeds.py OUT_DIR  (writes OUT_DIR/loader/* and OUT_DIR/cells/*)
"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> int:
    out = pathlib.Path(sys.argv[1])
    notebooks = sorted(ROOT.glob("Notebooks/*.md")) + sorted(ROOT.glob("Tests/*/Cases/**/*.md"))
    cells = 0
    for path in notebooks:
        text = path.read_bytes()
        write(out / "loader", text)
        for block in re.findall(rb"```swift\n(.*?)```", text, flags=re.S):
            write(out / "cells", block)
            cells += 1
    for path in sorted(ROOT.glob("Tests/KernelTests/Cases/*.swift")):
        for block in re.split(rb"\n// cell\n", path.read_bytes()):
            write(out / "cells", block)
            cells += 1
    print(f"seeds: {len(notebooks)} notebooks, {cells} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
