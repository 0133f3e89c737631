#!/usr/bin/env python3
"""Check `weave serve` in headless Chromium: a served page reloads by itself after an edit.

Usage: python3 Scripts/check-serve.py WEAVE_BINARY

Makes a small course in a temporary folder, starts `WEAVE_BINARY serve` on it, opens its page
in headless Chromium (driven as Scripts/check-pages.py drives it), and then, without touching
the browser:
  1. edits the notebook's prose: the page must reload by itself and show the new text;
  2. breaks a cell: the page must reload and show the located error;
  3. fixes it: the page must reload and show the cell's new output.
A page "reloaded by itself" when a marker set in its window is gone. Prints one line per step
and `N passed, M failed` last; exit 0 when all pass, 1 otherwise, 2 when it could not run.
"""

import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_pages", HERE / "check-pages.py")
check_pages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_pages)

LESSON = """---
title: Served lesson
---
# Served lesson

{prose}

```swift
let a = 20
{line}
```
"""


def write(folder, prose, line):
    (folder / "Notebooks" / "01-served.md").write_text(LESSON.format(prose=prose, line=line))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    weave = str(Path(argv[1]).resolve())
    chromium = check_pages.find_chromium()
    if chromium is None:
        print("check-serve: no Chromium found", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="check-serve-"))
    (folder / "Notebooks").mkdir()
    write(folder, "First words.", "print(a + 1)")
    port = free_port()
    log = open(folder / "serve.log", "w+")
    server = subprocess.Popen([weave, "serve", "Notebooks", "--port", str(port), "--cache-dir", str(folder / "cache")],
                              cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    browser = check_pages.Browser(chromium)
    results = []
    try:
        deadline = time.monotonic() + 120
        url = None
        while url is None and time.monotonic() < deadline:
            log.seek(0)
            for line in log.read().splitlines():
                if line.startswith("serving http://"):
                    url = line.split()[1] + "01-served.html"
            time.sleep(0.1)
        if url is None:
            log.seek(0)
            print("check-serve: weave serve did not start:\n" + log.read(), file=sys.stderr)
            return 2
        browser.start(30)
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send("Page.navigate", {"url": url}, session=session, deadline=time.monotonic() + 30)

        def value(expression):
            result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                  session=session, deadline=time.monotonic() + 10)
            return result.get("result", {}).get("value")

        def wait_for(expression, seconds=20):
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                try:
                    if value(expression):
                        return True
                except check_pages.CommandError:
                    pass  # the page is between documents
                time.sleep(0.05)
            return False

        def step(name, edit, shows):
            started = time.monotonic()
            value("window.__weaveMarker = 1")
            edit()
            ok = wait_for(f"window.__weaveMarker === undefined && document.readyState === 'complete' && ({shows})")
            elapsed = (time.monotonic() - started) * 1000
            results.append(ok)
            print(f"{'ok  ' if ok else 'FAIL'} {name} ({elapsed:.0f} ms)")
            if not ok:
                print("     page text: " + json.dumps(value("document.body ? document.body.innerText.slice(0, 400) : ''")))

        loaded = wait_for("document.body && document.body.innerText.includes('First words.')")
        results.append(loaded)
        print(f"{'ok  ' if loaded else 'FAIL'} the served page shows the notebook")
        # Search over HTTP: the index is served beside the pages and loads on first use.
        wait_for("document.querySelector('form.search input')")
        found = browser.send("Runtime.evaluate", {"expression": check_pages.SEARCH_PROBE + '("words")',
                                                  "awaitPromise": True, "returnByValue": True},
                             session=session, deadline=time.monotonic() + 20).get("result", {}).get("value") or {}
        searched = (found.get("first") or "").startswith("01-served.html")
        results.append(searched)
        print(f"{'ok  ' if searched else 'FAIL'} a search over HTTP finds the page (first result {found.get('first')!r})")
        step("a prose edit reloads the page with the new text",
             lambda: write(folder, "Second words.", "print(a + 1)"),
             "document.body.innerText.includes('Second words.')")
        step("a broken cell reloads the page with the located error",
             lambda: write(folder, "Second words.", "print(b + 1)"),
             "document.title === 'weave: the build failed' && document.body.innerText.includes('01-served.md:10:7: error: cannot find')")
        step("the fix reloads the page with the new output",
             lambda: write(folder, "Second words.", "print(a + 2)"),
             "document.body.innerText.includes('22') && document.title !== 'weave: the build failed'")
    except (check_pages.BrowserError, check_pages.PageTimeout, check_pages.CommandError) as error:
        print(f"check-serve: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
