#!/usr/bin/env python3
"""Check a rendered weave site in headless Chromium.

Usage: python3 Scripts/check-pages.py SITE_DIR [--screenshots OUT_DIR] [--timeout SECONDS]

Every *.html file under SITE_DIR (recursive, sorted) is opened as a file://
URL in one shared headless Chromium, each in a fresh tab. After the load event
and `document.fonts.ready`, a page fails when it has:

  * an uncaught JavaScript exception or a console error,
  * an element with class `katex-error`,
  * a `<span class="math inline|display">` that contains no `.katex` element
    (i.e. the page's own script did not typeset it),
  * a stylesheet, script, font, image, ... that failed to load,
  * an internal link whose target file is missing, or whose #fragment names
    no element id on the target page,
  * a figure without a title (an outermost <svg> with no <title> that is not
    aria-hidden, an <img> with no alt text),
  * a code cell without a copy button, or a first copy button that does not put
    exactly its cell's source on the clipboard and announce "Copied",
  * with --search QUERY=EXPECTED, on index.html: a search for QUERY whose first
    result does not start with EXPECTED, or "/" and the arrow keys not working,
  * with --stepper PAGE:FIGURE=TABLE, a step-through figure whose diagram or
    panel does not show, at every step a "step N" column of TABLE shows, the
    table's values; or which, opened with script disabled, has controls or does
    not show the last column's values,
  * with --axe AXE_JS, any violation axe-core finds, in the light or the dark
    color scheme,
  * with --screenshots, a page wider than the viewport (sideways scrolling).

Each problem is printed as one line `page.html: kind: detail`, each page gets a
summary line, and the last line is `N passed, M failed`. Exit status: 0 if all
pages pass, 1 if any fails, 2 if the check itself could not run (no Chromium,
bad arguments, browser failure).

With --screenshots OUT_DIR, full-page PNGs of every page are written at 360
and 1280 CSS px widths in light and dark color schemes, named
`<page>-<width>-<scheme>.png` (mirroring the site's sub-directories).

Only the Python standard library is used: Chromium is driven through the
DevTools protocol over --remote-debugging-pipe (fd 3: commands to the browser,
fd 4: replies and events; NUL-terminated JSON messages).
"""

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SCREENSHOT_WIDTHS = (360, 1280)
SCREENSHOT_SCHEMES = ("light", "dark")
MAX_SCREENSHOT_HEIGHT = 16384  # Chromium's texture limit; taller pages are cut.

# Runs inside each page once it has loaded. Waits for layout and web fonts to
# settle, then returns everything the checks need as plain JSON.
PAGE_PROBE = r"""
(async () => {
  // Two animation frames: any layout (and the font requests it triggers)
  // caused by the page's own scripts has happened after this.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await document.fonts.ready;

  const snippet = el => {
    const text = (el.getAttribute('data-tex') || el.textContent || '').replace(/\s+/g, ' ').trim();
    return text.length > 60 ? text.slice(0, 57) + '...' : text;
  };
  const math = Array.from(document.querySelectorAll('.math.inline, .math.display'));
  return {
    formulas: math.length,
    // Elements holding a katex-error are reported as KaTeX errors instead.
    untypeset: math
      .filter(el => !el.querySelector('.katex') && !el.querySelector('.katex-error')
                    && !el.classList.contains('katex-error'))
      .map(snippet),
    katexErrors: Array.from(document.querySelectorAll('.katex-error'))
      .map(el => ({tex: snippet(el), message: el.getAttribute('title') || ''})),
    links: Array.from(document.querySelectorAll('a[href], area[href]'))
      .map(a => ({href: a.getAttribute('href'), url: a.href})),
    ids: Array.from(document.querySelectorAll('[id]'), el => el.id)
      .concat(Array.from(document.querySelectorAll('a[name]'), a => a.name)),
    // Figures a screen reader could not name: an outermost <svg> without a <title> child
    // holding text, or an <img> without alt text.
    untitledFigures: Array.from(document.querySelectorAll('svg'))
      // KaTeX draws radicals and stretchy arrows as untitled inline SVG inside a formula
      // that already has its own accessible text; those are not figures.
      .filter(svg => !svg.parentElement.closest('svg') && !svg.closest('.katex'))
      // An icon hidden from screen readers beside text that says the same is not a figure.
      .filter(svg => svg.getAttribute('aria-hidden') !== 'true')
      .filter(svg => !Array.from(svg.children).some(c => c.tagName.toLowerCase() === 'title' && c.textContent.trim()))
      .map(svg => svg.id || svg.getAttribute('class') || 'svg')
      .concat(Array.from(document.querySelectorAll('img:not([alt])'), img => img.getAttribute('src') || 'img')),
  };
})()
"""

# Resolves after the next two frames and web fonts; used before screenshots.
SETTLE = """
new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
  .then(() => document.fonts.ready).then(() => true)
"""


class BrowserError(Exception):
    """The browser or the protocol connection failed; the run cannot go on."""


class PageTimeout(Exception):
    """A page did not finish within its time budget."""


class CommandError(Exception):
    """A DevTools command returned an error."""


class Browser:
    """A headless Chromium process driven over --remote-debugging-pipe."""

    def __init__(self, executable):
        self.executable = executable
        self.process = None
        self.profile = None
        self.log = None
        self._to_browser = None     # our end of the command pipe (browser's fd 3)
        self._from_browser = None   # our end of the reply pipe (browser's fd 4)
        self._buffer = bytearray()
        self._next_id = 0
        self._replies = {}
        self.listeners = {}         # sessionId -> callable(method, params)

    # -- process lifecycle -------------------------------------------------

    def start(self, timeout):
        self.profile = tempfile.TemporaryDirectory(prefix="check-pages-")
        self.log = open(os.path.join(self.profile.name, "chromium.log"), "w+b")
        cmd_read, cmd_write = os.pipe()
        reply_read, reply_write = os.pipe()

        def move_pipes_to_fd_3_and_4():
            # Runs in the child between fork and exec. F_DUPFD >= 10 first, so
            # neither pipe end can be clobbered by the other dup2.
            low_read = fcntl.fcntl(cmd_read, fcntl.F_DUPFD, 10)
            low_write = fcntl.fcntl(reply_write, fcntl.F_DUPFD, 10)
            os.dup2(low_read, 3)
            os.dup2(low_write, 4)
            os.close(low_read)
            os.close(low_write)

        args = [
            self.executable,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-pipe",
            "--user-data-dir=" + os.path.join(self.profile.name, "profile"),
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--mute-audio",
            "about:blank",
        ]
        try:
            # pass_fds=(3, 4) keeps the descriptors that the preexec hook put
            # there open across exec (subprocess closes all others). Both
            # numbers are open in this process: os.pipe() takes the lowest
            # free descriptors, so 3 and 4 were already in use or are ours.
            self.process = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=self.log,
                pass_fds=(3, 4),
                preexec_fn=move_pipes_to_fd_3_and_4,
                start_new_session=True,  # own process group: easy to kill all of it
            )
        finally:
            os.close(cmd_read)
            os.close(reply_write)
        self._to_browser = cmd_write
        self._from_browser = reply_read
        # Fails fast with BrowserError if the browser did not come up.
        self.send("Browser.getVersion", deadline=time.monotonic() + timeout)

    def close(self):
        """Stop Chromium and every helper process it started. Never raises."""
        if self.process is not None and self.process.poll() is None:
            try:
                self.send("Browser.close", deadline=time.monotonic() + 2)
            except Exception:
                pass
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                pass
        if self.process is not None:
            # Renderer/zygote helpers live in the browser's process group.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self.process = None
        for fd in (self._to_browser, self._from_browser):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to_browser = self._from_browser = None
        if self.log is not None:
            self.log.close()
            self.log = None
        if self.profile is not None:
            self.profile.cleanup()
            self.profile = None

    def log_tail(self, lines=15):
        if self.log is None:
            return ""
        self.log.flush()
        self.log.seek(0)
        text = self.log.read().decode("utf-8", "replace")
        return "\n".join(text.strip().splitlines()[-lines:])

    # -- protocol ----------------------------------------------------------

    def send(self, method, params=None, session=None, deadline=None):
        """Send a command and wait for its reply; returns the result dict."""
        message_id = self.post(method, params, session)
        self.wait_until(lambda: message_id in self._replies, deadline, method)
        reply = self._replies.pop(message_id)
        if "error" in reply:
            raise CommandError(f"{method}: {reply['error'].get('message', reply['error'])}")
        return reply.get("result", {})

    def post(self, method, params=None, session=None):
        """Send a command without waiting for its reply; returns its id. Alone it suits an
        event listener, which runs inside wait_until and must not wait itself (the reply is
        kept but never read)."""
        self._next_id += 1
        message_id = self._next_id
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self._to_browser, data):]
        except OSError as error:
            raise BrowserError(f"cannot talk to chromium: {error}") from error
        return message_id

    def wait_until(self, condition, deadline, what):
        """Process incoming messages until condition() holds or deadline passes."""
        while not condition():
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise PageTimeout(f"timed out waiting for {what}")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("chromium exited unexpectedly")
            start = len(self._buffer)
            self._buffer += chunk
            # Split complete NUL-terminated messages off the buffer; only
            # the new chunk can contain a terminator we have not seen yet.
            end = self._buffer.find(b"\0", start)
            while end != -1:
                self._dispatch(json.loads(self._buffer[:end]))
                del self._buffer[: end + 1]
                end = self._buffer.find(b"\0")

    def _dispatch(self, message):
        if "id" in message:
            self._replies[message["id"]] = message
        else:
            listener = self.listeners.get(message.get("sessionId"))
            if listener is not None:
                listener(message["method"], message.get("params", {}))


class PageCheck:
    """Collects the problems of one page from DevTools events and the probe."""

    def __init__(self, site, rel, url):
        self.site = site
        self.rel = rel
        self.url = url
        self.problems = []
        self.requests = {}   # requestId -> (url, resource type)
        self.navigated = False
        self.loaded = False
        self.formulas = 0
        self.links = []
        self.ids = None      # element ids, once the page has been probed

    def add(self, kind, detail):
        detail = " ".join(detail.splitlines())  # exactly one line per problem
        line = f"{self.rel}: {kind}: {detail}"
        if line not in self.problems:
            self.problems.append(line)

    def show(self, url):
        """A URL as short as possible: site-relative for files in the site."""
        return display_url(self.site, url)

    def on_event(self, method, params):
        if method == "Page.frameNavigated" and "parentId" not in params["frame"]:
            self.navigated, self.loaded = True, False
        elif method == "Page.loadEventFired" and self.navigated:
            self.loaded = True
        elif method == "Runtime.exceptionThrown":
            self.add("javascript error", describe_exception(params["exceptionDetails"], self.show))
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            text = " ".join(describe_remote_object(arg) for arg in params.get("args", []))
            if params["type"] == "assert":
                text = "Assertion failed: " + text
            self.add("console error", with_location(text, params.get("stackTrace"), self.show))
        elif method == "Log.entryAdded":
            entry = params["entry"]
            # Failed loads are logged here too; Network events report them better.
            if entry["level"] == "error" and entry.get("source") != "network":
                text = entry.get("text", "")
                if entry.get("url"):
                    text += f" ({self.show(entry['url'])}:{entry.get('lineNumber', 0) + 1})"
                self.add("console error", text)
        elif method == "Network.requestWillBeSent":
            self.requests[params["requestId"]] = (params["request"]["url"], params.get("type", "Other"))
        elif method == "Network.responseReceived":
            status = params["response"].get("status", 0)
            if status >= 400:
                self.add("resource failed to load",
                         f"{self.show(params['response']['url'])} "
                         f"({params.get('type', 'Other').lower()}, HTTP {status})")
        elif method == "Network.loadingFailed":
            if params.get("canceled"):
                return  # e.g. a superseded request, not a broken resource
            url, kind = self.requests.get(params["requestId"], ("?", params.get("type", "Other")))
            reason = params.get("blockedReason") or params.get("errorText", "failed")
            self.add("resource failed to load", f"{self.show(url)} ({kind.lower()}, {reason})")
        elif method == "Inspector.targetCrashed":
            self.add("crash", "the page's renderer crashed")


def describe_remote_object(obj):
    """Console argument as text: strings as-is, objects as a short preview."""
    if "value" in obj:
        value = obj["value"]
        return value if isinstance(value, str) else json.dumps(value)
    preview = obj.get("preview")
    if preview and obj.get("subtype") not in ("error", "node"):
        items = [p["value"] if preview.get("subtype") == "array" else f"{p['name']}: {p['value']}"
                 for p in preview.get("properties", [])]
        if preview.get("overflow"):
            items.append("...")
        body = ", ".join(items)
        return f"[{body}]" if preview.get("subtype") == "array" else f"{{{body}}}"
    text = obj.get("description") or obj.get("unserializableValue") or obj.get("type", "?")
    return text.splitlines()[0] if text else text  # an Error's stack follows line 1


def with_location(text, stack, show):
    frames = (stack or {}).get("callFrames") or []
    if frames and frames[0].get("url"):
        frame = frames[0]
        return f"{text} ({show(frame['url'])}:{frame['lineNumber'] + 1}:{frame['columnNumber'] + 1})"
    return text


def describe_exception(details, show):
    exception = details.get("exception") or {}
    text = exception.get("description") or details.get("text", "exception")
    text = text.splitlines()[0] if text else "exception"
    if details.get("text", "").startswith("Uncaught") and not text.startswith("Uncaught"):
        text = "Uncaught " + text
    url = details.get("url")
    if url:
        return f"{text} ({show(url)}:{details.get('lineNumber', 0) + 1}:{details.get('columnNumber', 0) + 1})"
    return with_location(text, details.get("stackTrace"), show)


def display_url(site, url):
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme == "file":
        path = Path(urllib.parse.unquote(parsed.path))
        try:
            rel = path.relative_to(site).as_posix()
        except ValueError:
            return url
        return rel + (f"#{parsed.fragment}" if parsed.fragment else "")
    return url


# Every code cell has a copy button; pressing the first one puts exactly that cell's source on
# the clipboard (a stand-in records it: headless Chromium grants no clipboard), turns the button
# into "Copied" and says so in a live region. Runs after PAGE_PROBE, on pages with code cells.
COPY_PROBE = r"""
(async () => {
  const sources = Array.from(document.querySelectorAll('pre.cell-source'));
  if (sources.length === 0) return null;
  const buttons = sources.filter(pre => {
    const button = pre.previousElementSibling;
    return button && button.matches('button.copy');
  }).length;
  let copied = null;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true, value: {writeText: text => { copied = text; return Promise.resolve(); }},
  });
  const button = sources[0].previousElementSibling;
  if (!button || !button.matches('button.copy')) return {cells: sources.length, buttons, copied: null};
  button.focus();
  const focused = document.activeElement === button;
  button.click();
  await new Promise(done => setTimeout(done, 50));
  const spoken = Array.from(document.querySelectorAll('[aria-live]'), live => live.textContent);
  const announced = spoken.includes('Copied') ? 'Copied' : (spoken.find(text => text) || null);
  return {cells: sources.length, buttons, focused, copied, expected: sources[0].textContent,
          label: button.textContent, announced};
})()
"""


# axe-core, injected into the page, over the whole document in light and in dark: every
# violation is reported as `axe <scheme>: <rule> (<impact>): <first elements>`.
AXE_RUN = r"""
(async () => {
  // No preload: it fetches the stylesheets again, which file:// pages may not.
  const result = await axe.run(document, {resultTypes: ['violations'], preload: false});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    count: v.nodes.length,
  }));
})()
"""


def check_accessibility(browser, session, check, axe_source, deadline):
    """Runs axe-core on the loaded page in both color schemes."""
    evaluate(browser, session, axe_source + "\n;true", deadline)
    for scheme in ("light", "dark"):
        browser.send(
            "Emulation.setEmulatedMedia",
            {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]},
            session=session, deadline=deadline,
        )
        for violation in evaluate(browser, session, AXE_RUN, deadline):
            where = ", ".join(violation["targets"])
            more = f" and {violation['count'] - 3} more" if violation["count"] > 3 else ""
            check.add(f"axe {scheme}", f"{violation['id']} ({violation['impact']}): {where}{more}")
    browser.send("Emulation.setEmulatedMedia", {"media": "", "features": []}, session=session, deadline=deadline)


# The search box: typing QUERY must list, first, a link to the page (and section) EXPECTED;
# "/" must focus the box, and ArrowDown the first result.
SEARCH_PROBE = r"""
(async (query) => {
  const box = document.querySelector('form.search input[type=search]');
  if (!box) return {error: 'no search box'};
  box.blur();
  document.body.dispatchEvent(new KeyboardEvent('keydown', {key: '/', bubbles: true}));
  const slashFocuses = document.activeElement === box;
  box.value = query;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  for (let wait = 0; wait < 100 && !document.querySelector('#search-results a'); wait++) {
    await new Promise(done => setTimeout(done, 20));
    box.dispatchEvent(new Event('input', {bubbles: true}));
  }
  const links = Array.from(document.querySelectorAll('#search-results a'));
  box.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}));
  return {slashFocuses, first: links.length ? links[0].getAttribute('href') : null,
          arrowReachesFirst: links.length > 0 && document.activeElement === links[0], count: links.length};
})
"""


def check_search(browser, session, check, query, expected, deadline):
    """Searches the site from this page and checks the first result."""
    probe = evaluate(browser, session, SEARCH_PROBE + f"({json.dumps(query)})", deadline)
    if probe.get("error"):
        check.add("search", probe["error"])
        return
    if not probe["slashFocuses"]:
        check.add("search", "'/' does not focus the search box")
    if not (probe["first"] or "").startswith(expected):
        check.add("search", f"the first result for {query!r} is {probe['first']!r}, not {expected!r}")
    elif not probe["arrowReachesFirst"]:
        check.add("search", "ArrowDown does not move to the first result")


# A step-through figure against the run's table: for every "step N" column of the table, the
# slider moved to step N must show, on the diagram's labels and in the panel's table, each
# weight's value as the table writes it (to the diagram's three significant digits), and
# announce "Step N". Without script the figure shows the last step.
STEPPER_PROBE = r"""
((figureId, tableId) => {
  const holder = document.getElementById(figureId), table = document.getElementById(tableId);
  if (!holder || !table) return {error: 'no element #' + (holder ? tableId : figureId)};
  const slider = holder.querySelector('.stepper-controls input[type=range]');
  if (!slider) return {error: 'no step controls'};
  const data = JSON.parse(holder.querySelector('.stepper-data').textContent);
  const number = text => parseFloat(text.replace('−', '-').replace(/^[^0-9-]*\s/, ''));
  const headers = Array.from(table.querySelectorAll('thead th'), th => th.textContent.trim());
  const rows = Array.from(table.querySelectorAll('tbody tr'), tr => Array.from(tr.children, td => td.textContent.trim()));
  const problems = [], checked = [];
  headers.forEach((header, column) => {
    const match = /^step (\d+)$/.exec(header);
    if (!match) return;
    const step = +match[1], frame = data.steps.indexOf(step);
    if (frame < 0) { problems.push('step ' + step + ' has no frame'); return; }
    slider.value = String(frame);
    slider.dispatchEvent(new Event('input', {bubbles: true}));
    const status = holder.querySelector('.stepper-status').textContent;
    const current = Array.from(table.querySelectorAll('.step-current'));
    if (data.table && data.table[0] === tableId &&
        !(current.length === rows.length + 1 && current[0].textContent.trim() === header))
      problems.push('at step ' + step + ' the table does not highlight its "' + header + '" column');
    const mark = holder.querySelector('.stepper-mark'), marks = data.marks ? data.marks[0].split(' ') : [];
    if (mark && marks[frame] && marks[frame] !== mark.getAttribute('cx') + ',' + mark.getAttribute('cy'))
      problems.push('at step ' + step + ' the loss marker is not at ' + marks[frame]);
    if (!status.startsWith('Step ' + step + ' ')) problems.push('at step ' + step + ' the status says ' + JSON.stringify(status));
    const labels = {};
    holder.querySelectorAll('svg text[data-w]').forEach(label => { labels[data.names[+label.getAttribute('data-w')]] = number(label.textContent); });
    const panel = {};
    holder.querySelectorAll('.stepper-table tbody tr').forEach(tr => { panel[tr.children[0].textContent] = number(tr.children[1].textContent); });
    rows.forEach(row => {
      const name = row[0], expected = parseFloat(row[column].replace('−', '-'));
      for (const [where, shown] of [['diagram', labels[name]], ['panel', panel[name]]]) {
        if (!(Math.abs(shown - expected) <= 0.006 * Math.max(Math.abs(expected), 1e-9) + 1e-12))
          problems.push(`at step ${step} the ${where} shows ${name} = ${shown}, the table ${row[column]}`);
      }
    });
    checked.push(step);
  });
  return {problems, checked, last: data.steps[data.steps.length - 1]};
})
"""


def check_stepper(browser, session, check, figure, table, deadline):
    """Moves a step-through figure to every step its run's table shows and compares."""
    probe = evaluate(browser, session, STEPPER_PROBE + f"({json.dumps(figure)}, {json.dumps(table)})", deadline)
    if probe.get("error"):
        check.add("step-through", probe["error"])
        return
    for problem in probe["problems"]:
        check.add("step-through", problem)
    if not probe["checked"]:
        check.add("step-through", f"#{table} has no 'step N' column to compare with")


# The same figure with script off: no controls, and the last step on the diagram and in the panel.
STEPPER_STATIC_PROBE = r"""
((figureId, tableId) => {
  const holder = document.getElementById(figureId), table = document.getElementById(tableId);
  if (!holder || !table) return {error: 'no element #' + (holder ? tableId : figureId)};
  const number = text => parseFloat(text.replace('−', '-').replace(/^[^0-9-]*\s/, ''));
  const headers = Array.from(table.querySelectorAll('thead th'), th => th.textContent.trim());
  const column = headers.length - 1;
  const problems = [];
  if (holder.querySelector('.stepper-controls')) problems.push('controls without script');
  const names = JSON.parse(holder.querySelector('.stepper-data').textContent).names;
  const labels = {};
  holder.querySelectorAll('svg text[data-w]').forEach(label => { labels[names[+label.getAttribute('data-w')]] = number(label.textContent); });
  Array.from(table.querySelectorAll('tbody tr'), tr => Array.from(tr.children, td => td.textContent.trim())).forEach(row => {
    const expected = parseFloat(row[column].replace('−', '-'));
    if (!(Math.abs(labels[row[0]] - expected) <= 0.006 * Math.abs(expected) + 1e-12))
      problems.push(`without script the diagram shows ${row[0]} = ${labels[row[0]]}, the table's ${headers[column]} ${row[column]}`);
  });
  return {problems, column: headers[column]};
})
"""


def check_stepper_without_script(browser, site, rel, figure, table, timeout):
    """Opens the page with script disabled and checks the step-through's static last step."""
    check = PageCheck(site, rel, (site / rel).as_uri())
    deadline = time.monotonic() + timeout
    target = browser.send("Target.createTarget", {"url": "about:blank"}, deadline=deadline)["targetId"]
    try:
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, deadline=deadline)["sessionId"]
        browser.listeners[session] = check.on_event
        browser.send("Page.enable", session=session, deadline=deadline)
        browser.send("Emulation.setScriptExecutionDisabled", {"value": True}, session=session, deadline=deadline)
        browser.send("Page.navigate", {"url": check.url}, session=session, deadline=deadline)
        browser.wait_until(lambda: check.loaded, deadline, "the load event")
        probe = evaluate(browser, session, STEPPER_STATIC_PROBE + f"({json.dumps(figure)}, {json.dumps(table)})", deadline)
        return [probe["error"]] if probe.get("error") else probe["problems"]
    finally:
        browser.send("Target.closeTarget", {"targetId": target}, deadline=time.monotonic() + timeout)


def check_copy(probe, check):
    """Adds the problems COPY_PROBE found."""
    if probe is None:
        return
    if probe["buttons"] != probe["cells"]:
        check.add("copy button", f"{probe['buttons']} buttons for {probe['cells']} code cells")
        return
    if not probe["focused"]:
        check.add("copy button", "the button cannot take the keyboard focus")
    if probe["copied"] != probe["expected"]:
        check.add("copy button", f"copied {probe['copied']!r} instead of the cell's source")
    if probe["label"] != "Copied" or probe["announced"] != "Copied":
        check.add("copy button", f"after copying the button says {probe['label']!r} and the live region {probe['announced']!r}")


def evaluate(browser, session, expression, deadline):
    result = browser.send(
        "Runtime.evaluate",
        {"expression": expression, "awaitPromise": True, "returnByValue": True},
        session=session,
        deadline=deadline,
    )
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        raise CommandError("probe script failed: " + describe_exception(details, str))
    return result["result"].get("value")


def check_page(browser, site, page, timeout, shots_dir, axe_source=None, search=None, steppers=()):
    """Load one page in a fresh tab; returns its PageCheck."""
    rel = page.relative_to(site).as_posix()
    check = PageCheck(site, rel, page.as_uri())
    deadline = time.monotonic() + timeout
    target = browser.send("Target.createTarget", {"url": "about:blank"}, deadline=deadline)["targetId"]
    session = None
    try:
        session = browser.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True}, deadline=deadline
        )["sessionId"]
        browser.listeners[session] = check.on_event
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=session, deadline=deadline)
        # Make every tab really load (and report) its resources itself, rather
        # than reuse what an earlier tab left in the renderer's memory cache.
        browser.send("Network.setCacheDisabled", {"cacheDisabled": True}, session=session, deadline=deadline)

        navigation = browser.send("Page.navigate", {"url": check.url}, session=session, deadline=deadline)
        if navigation.get("errorText"):
            check.add("load error", navigation["errorText"])
            return check
        browser.wait_until(lambda: check.loaded, deadline, "the load event")
        probe = evaluate(browser, session, PAGE_PROBE, deadline)

        check.formulas = probe["formulas"]
        for error in probe["katexErrors"]:
            message = error["message"] or "KaTeX could not render this formula"
            check.add("katex error", f"{message} in `{error['tex']}`")
        for tex in probe["untypeset"]:
            check.add("math not typeset", f"`{tex}`")
        for figure in probe["untitledFigures"]:
            check.add("figure without a title", figure)
        check.links = probe["links"]
        check.ids = set(probe["ids"])
        if axe_source is not None:
            check_accessibility(browser, session, check, axe_source, deadline)
        check_copy(evaluate(browser, session, COPY_PROBE, deadline), check)
        for stepper_page, figure, table in steppers:
            if rel == stepper_page:
                check_stepper(browser, session, check, figure, table, deadline)
                for problem in check_stepper_without_script(browser, site, rel, figure, table, timeout):
                    check.add("step-through", problem)
        if search is not None and rel == "index.html":
            check_search(browser, session, check, search[0], search[1], deadline)

        if shots_dir is not None:
            take_screenshots(browser, session, check, shots_dir, time.monotonic() + timeout)
    except PageTimeout as error:
        check.add("timeout", f"{error} (limit {timeout:g} s)")
    except CommandError as error:
        check.add("devtools error", str(error))
    finally:
        browser.listeners.pop(session, None)
        try:
            browser.send("Target.closeTarget", {"targetId": target}, deadline=time.monotonic() + 5)
        except PageTimeout as error:
            raise BrowserError(f"chromium stopped responding ({error})") from None
    return check


def take_screenshots(browser, session, check, shots_dir, deadline):
    base = shots_dir / Path(check.rel).with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    for scheme in SCREENSHOT_SCHEMES:
        browser.send(
            "Emulation.setEmulatedMedia",
            {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]},
            session=session, deadline=deadline,
        )
        for width in SCREENSHOT_WIDTHS:
            # Narrow widths emulate a phone, so <meta name="viewport"> applies.
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600},
                session=session, deadline=deadline,
            )
            evaluate(browser, session, SETTLE, deadline)
            metrics = browser.send("Page.getLayoutMetrics", session=session, deadline=deadline)
            content = metrics.get("cssContentSize") or metrics["contentSize"]
            # The page itself must never scroll sideways; wide tables and figures scroll in their box.
            if content["width"] > width + 1 and scheme == SCREENSHOT_SCHEMES[0]:
                check.add("horizontal scrolling", f"the page is {content['width']:.0f} px wide at a {width} px viewport")
            height = min(max(1, int(content["height"] + 0.999)), MAX_SCREENSHOT_HEIGHT)
            shot_width = max(width, int(content["width"] + 0.999))
            shot = browser.send(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": shot_width, "height": height, "scale": 1},
                },
                session=session, deadline=deadline,
            )
            path = Path(f"{base}-{width}-{scheme}.png")
            path.write_bytes(base64.b64decode(shot["data"]))


def check_links(site, checks):
    """Adds a problem for every internal link to a missing file or anchor."""
    # Pages that could not be probed are left out: their anchors are unknown.
    ids_by_page = {site / c.rel: c.ids for c in checks if c.ids is not None}
    for check in checks:
        seen = set()
        for link in check.links:
            href, url = link["href"], link["url"]
            parsed = urllib.parse.urlsplit(url)
            if parsed.scheme != "file" or href in seen:
                continue  # external (http:, mailto:, javascript:, ...) or repeated
            seen.add(href)
            target = Path(urllib.parse.unquote(parsed.path))
            try:
                target.relative_to(site)
            except ValueError:
                check.add("broken link", f"{href} (points outside the site)")
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                check.add("broken link", f"{href} (no such file: {display_url(site, target.as_uri())})")
                continue
            fragment = urllib.parse.unquote(parsed.fragment)
            # "#" and "#top" scroll to the top without needing an element.
            if not fragment or fragment.lower() == "top":
                continue
            ids = ids_by_page.get(target)
            if ids is not None and fragment not in ids:
                check.add("broken link", f"{href} (no element with id \"{fragment}\" on {display_url(site, target.as_uri())})")


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None



def report_browser_failure(program, error, browser):
    """Prints why the browser could not run the check, with the end of Chromium's output;
    returns the exit status for that (2)."""
    print(f"{program}: {error}", file=sys.stderr)
    tail = browser.log_tail()
    if tail:
        print("chromium output (last lines):\n" + tail, file=sys.stderr)
    return 2

def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Open every page of a rendered weave site in headless Chromium and "
        "fail on JavaScript errors, KaTeX errors, untypeset math, missing resources "
        "and broken internal links."
    )
    parser.add_argument("site", metavar="SITE_DIR", help="directory with the rendered site")
    parser.add_argument("--screenshots", metavar="OUT_DIR",
                        help="also write full-page PNGs (360/1280 px, light/dark) here")
    parser.add_argument("--timeout", type=float, default=30, metavar="SECONDS",
                        help="time limit per page (default: %(default)s)")
    parser.add_argument("--stepper", action="append", default=[], metavar="PAGE:FIGURE=TABLE",
                        help="step the figure with id FIGURE on PAGE through every 'step N' column of table TABLE")
    parser.add_argument("--search", metavar="QUERY=EXPECTED",
                        help="on index.html, search for QUERY; the first result must start with EXPECTED")
    parser.add_argument("--axe", metavar="AXE_JS",
                        help="also run axe-core (this axe.min.js) on every page, light and dark")
    args = parser.parse_args(argv)
    axe_source = Path(args.axe).read_text(encoding="utf-8") if args.axe else None
    search = tuple(args.search.split("=", 1)) if args.search and "=" in args.search else None
    steppers = []
    for spec in args.stepper:
        page_part, _, table = spec.partition("=")
        stepper_page, _, figure = page_part.partition(":")
        steppers.append((stepper_page, figure, table))

    site = Path(args.site).resolve()
    if not site.is_dir():
        print(f"check-pages: {args.site} is not a directory", file=sys.stderr)
        return 2
    executable = os.environ.get("CHROMIUM") or find_chromium()
    if not executable or not os.access(executable, os.X_OK):
        print("check-pages: chromium not found; install it (apt-get install chromium) "
              "or set CHROMIUM=/path/to/chrome", file=sys.stderr)
        return 2
    pages = sorted(p for p in site.rglob("*.html") if p.is_file())
    if not pages:
        print(f"check-pages: no *.html files under {args.site}", file=sys.stderr)
        return 1
    shots_dir = Path(args.screenshots).resolve() if args.screenshots else None

    # Turn SIGTERM into an exception so the `finally` below still kills Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))

    browser = Browser(executable)
    checks = []
    try:
        browser.start(timeout=args.timeout)
        for page in pages:
            checks.append(check_page(browser, site, page, args.timeout, shots_dir, axe_source, search, steppers))
    except (BrowserError, PageTimeout) as error:
        return report_browser_failure("check-pages", error, browser)
    finally:
        browser.close()

    check_links(site, checks)

    failed = 0
    for check in checks:
        formulas = f"{check.formulas} formula" + ("" if check.formulas == 1 else "s")
        if check.problems:
            failed += 1
            count = len(check.problems)
            print(f"FAIL {check.rel} ({formulas}, {count} problem{'' if count == 1 else 's'})")
            for line in check.problems:
                print(line)
        else:
            print(f"ok  {check.rel} ({formulas})")
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
