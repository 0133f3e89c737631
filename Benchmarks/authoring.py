#!/usr/bin/env python3
"""The authoring loop, timed: `weave build` cold and again, and `weave serve` from a save to
the reload message a page receives. Usage: python3 Benchmarks/authoring.py WEAVE [RUNS]

Works on a scratch copy of Notebooks/ with its own cache. Each figure is the median of RUNS
(default 5) and is printed with the cold build's time divided by it.
"""

import base64
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(weave, folder, *arguments):
    started = time.monotonic()
    result = subprocess.run([weave, *arguments], cwd=folder, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"authoring benchmark: weave {' '.join(arguments)} failed:\n{result.stderr}")
    return elapsed, result.stdout


def edit_prose(path, number):
    """Changes a prose line of the lesson (no cell)."""
    text = path.read_text()
    text = re.sub(r"\n\nBenchmark edit \d+\.\n", "\n", text)
    heading = text.index("\n## ")
    path.write_text(text[:heading] + f"\n\nBenchmark edit {number}.\n" + text[heading:])


def edit_last_cell(path, number):
    """Changes the code of the lesson's last cell."""
    text = path.read_text()
    text = re.sub(r"\nlet benchmarkEdit = \d+\n", "\n", text)
    start = text.rindex("```swift")
    end = text.index("\n", start)
    path.write_text(text[: end + 1] + f"let benchmarkEdit = {number}\n" + text[end + 1 :])


class Channel:
    """The reload channel of `weave serve`, as a page opens it (a WebSocket)."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET /__weave/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
             f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += self.sock.recv(1)
        if not header.startswith(b"HTTP/1.1 101"):
            sys.exit("authoring benchmark: the reload channel did not open")

    def _read(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                sys.exit("authoring benchmark: the reload channel closed")
            data += chunk
        return data

    def next(self):
        head = self._read(2)
        length = head[1] & 0x7F
        if length == 126:
            length = int.from_bytes(self._read(2), "big")
        elif length == 127:
            length = int.from_bytes(self._read(8), "big")
        return self._read(length).decode()


def main():
    weave = str(Path(sys.argv[1]).resolve())
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    scratch = Path(tempfile.mkdtemp(prefix="weave-authoring-"))
    try:
        shutil.copytree(ROOT / "Notebooks", scratch / "Notebooks")
        shutil.copy(ROOT / "weave.yml", scratch / "weave.yml")
        lesson01 = scratch / "Notebooks" / "01-symmetry.md"
        lesson03 = scratch / "Notebooks" / "03-activation-statistics.md"

        cold = []
        for _ in range(3):
            shutil.rmtree(scratch / ".weave-cache", ignore_errors=True)
            shutil.rmtree(scratch / "output", ignore_errors=True)
            cold.append(run(weave, scratch, "build")[0])
        cold_time = statistics.median(cold)
        print(f"course cold (empty cache), weave build: {cold_time:.3f} s")

        def report(what, seconds, extra=""):
            print(f"{what}: {seconds * 1000:.0f} ms (cold / this: {cold_time / seconds:.0f}x){extra}")

        report("weave build, nothing changed", statistics.median(run(weave, scratch, "build")[0] for _ in range(runs)))
        prose = []
        for number in range(runs):
            edit_prose(lesson01, number)
            prose.append(run(weave, scratch, "build")[0])
        report("weave build after a prose edit in lesson 01", statistics.median(prose))
        last = []
        for number in range(runs):
            edit_last_cell(lesson03, number)
            elapsed, output = run(weave, scratch, "build")
            last.append(elapsed)
        report("weave build after editing lesson 03's last cell", statistics.median(last),
               " (" + output.strip().split(": ", 1)[1].split(";")[0] + ")")

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        log = open(scratch / "serve.log", "w+")
        server = subprocess.Popen([weave, "serve", "--port", str(port)], cwd=scratch, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                log.seek(0)
                if "every notebook has a live session" in log.read():
                    break
                time.sleep(0.05)
            channel = Channel(port)
            channel.next()

            def serve_edit(edit, path):
                times, lines = [], []
                for number in range(runs):
                    log.seek(0, os.SEEK_END)
                    started = time.monotonic()
                    edit(path, 100 + number)
                    channel.next()
                    times.append(time.monotonic() - started)
                    time.sleep(0.05)
                    log.seek(0)
                    lines.append([line for line in log.read().splitlines() if line.startswith("rebuilt")][-1])
                return statistics.median(times), lines[-1].split(": ", 1)[1]

            seconds, line = serve_edit(edit_prose, lesson01)
            report("weave serve, prose edit in lesson 01, save to reload", seconds, f" ({line})")
            seconds, line = serve_edit(edit_last_cell, lesson03)
            report("weave serve, lesson 03's last cell, save to reload", seconds, f" ({line})")
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
