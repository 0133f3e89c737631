#!/usr/bin/env python3
"""Prove in headless Chromium that a hostile course cannot run script on its pages.

Usage: python3 Scripts/check-hostile.py WEAVE_BINARY [CORPUS_DIR]

CORPUS_DIR (default Tests/SiteTests/Cases/hostile) holds `Notebooks/` and a `weave.yml`
whose every payload tries to set `document.title` to something else. The corpus is copied
into a temporary folder, with one more notebook whose file name reads as a `javascript:` URL,
and built twice:

  * with --safe: every page is opened in headless Chromium (driven as Scripts/check-pages.py
    drives it). Once it has loaded, the page is scrolled to the end, every <details> is
    toggled, every element gets mouse and focus events, and every link, button, summary,
    input and label is clicked (following a link to another document is stopped; a
    javascript: link would still run). A page fails if its title ever differs from the one
    weave wrote, if any element has an event handler attribute (on...), or if any attribute
    holds a javascript:, vbscript: or data: URL (other than an image's data:image/png, gif,
    jpeg or webp);
  * without it (raw HTML is the author's then, handlers included): every page, read by
    Chromium with script on and with script off (<noscript> is read differently) and by
    Python's HTML parser, must have no javascript:, vbscript: or data: URL (but an image's)
    in any attribute that carries a URL.

Prints one line per page and check, `N passed, M failed` last; exit 0 when all pass, 1 when
one fails, 2 when the check could not run (no Chromium, a build that failed).
"""

import html
import html.parser
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_pages", HERE / "check-pages.py")
check_pages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_pages)

DEFAULT_CORPUS = HERE.parent / "Tests" / "SiteTests" / "Cases" / "hostile"
TIMEOUT = 20
# A notebook whose page name, written as a link, would be a javascript: URL.
SCHEME_NAME = "javascript:document.title='pwned'.md"
SCHEME_TEXT = "---\ntitle: Named like a script\norder: 9\n---\n# Named like a script\n\nIts file name reads as a URL scheme.\n"

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "xml:base", "poster", "background", "data",
                  "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "classid", "profile",
                  "usemap", "srcset", "imagesrcset", "ping", "archive", "to", "from", "by", "values")
LIST_ATTRIBUTES = ("srcset", "imagesrcset", "ping", "archive")

# Runs in every page before its own scripts: keeps every title the page ever had.
TITLE_GUARD = r"""
(() => {
  const seen = [];
  const record = () => { const title = document.title; if (seen[seen.length - 1] !== title) seen.push(title); };
  const property = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
  Object.defineProperty(Document.prototype, 'title', {
    configurable: false,
    get() { return property.get.call(this); },
    set(value) { property.set.call(this, value); record(); },
  });
  new MutationObserver(record).observe(document, {subtree: true, childList: true, characterData: true});
  Object.defineProperty(window, '__weaveTitles', {value: () => { record(); return seen.slice(); }});
})();
"""

# The DOM's dangerous URLs, as a browser reads them: `bad` follows weave's rule (controls and
# spaces removed, case ignored), and each URL attribute is also resolved by the URL parser.
DOM_URLS = r"""
const urlAttributes = %s, listAttributes = %s;
const imageData = /^data:image\/(png|gif|jpeg|webp)/;
const squeeze = value => String(value || '').replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
const bad = value => {
  const text = squeeze(value);
  let scheme = '';
  try { scheme = new URL(String(value || '').trim(), document.baseURI).protocol; } catch (error) {}
  return /^(javascript|vbscript):/.test(text) || (text.startsWith('data:') && !imageData.test(text))
      || scheme === 'javascript:' || scheme === 'vbscript:' || (scheme === 'data:' && !imageData.test(text));
};
const dangerousURLs = (everyAttribute) => {
  const found = [];
  const visit = root => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (!everyAttribute && !urlAttributes.includes(name)) continue;
        const pieces = listAttributes.includes(name) ? attribute.value.split(/[\s,]+/)
          : ['to', 'from', 'by', 'values'].includes(name) ? attribute.value.split(';') : [attribute.value];
        if (name === 'content' && /refresh/i.test(element.getAttribute('http-equiv') || ''))
          pieces.push(attribute.value.replace(/^[\s\d.;,]*(url\s*=\s*)?['"]?/i, ''));
        for (const piece of pieces) {
          if (bad(piece)) found.push('<' + element.localName + ' ' + attribute.name + '="' + attribute.value.slice(0, 60) + '">');
        }
      }
      if (element.shadowRoot) visit(element.shadowRoot);
      if (element instanceof HTMLTemplateElement) visit(element.content);
    }
  };
  visit(document);
  return found;
};
""" % (json.dumps(URL_ATTRIBUTES), json.dumps(LIST_ATTRIBUTES))

# Everything a reader could do to a page, then what the page looks like afterwards.
EXERCISE = DOM_URLS + r"""
(async () => {
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await frames();
  const loaded = dangerousURLs(false);
  // Leaving the page is stopped, but a click on a javascript: link would still run it.
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a[href], area[href]');
    if (!link || !bad(link.getAttribute('href'))) event.preventDefault();
  }, true);
  document.addEventListener('submit', event => { if (!bad(event.target.getAttribute('action'))) event.preventDefault(); }, true);
  window.scrollTo(0, document.documentElement.scrollHeight);
  await frames();
  document.querySelectorAll('details').forEach(details => { details.open = !details.open; details.open = true; });
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'focus', 'focusin', 'animationstart'])
      element.dispatchEvent(new Event(type, {bubbles: true}));
    if (element.matches('a, area, button, summary, input, label'))
      typeof element.click === 'function' ? element.click() : element.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
  }
  await new Promise(done => setTimeout(done, 60));
  await frames();
  const handlers = [];
  for (const element of document.querySelectorAll('*'))
    for (const attribute of Array.from(element.attributes))
      if (/^on/i.test(attribute.name)) handlers.push('<' + element.localName + ' ' + attribute.name + '>');
  return {titles: window.__weaveTitles(), urls: dangerousURLs(true), handlers, loaded};
})()
"""

DOM_CHECK = DOM_URLS + "\ndangerousURLs(false)"


def squeeze(value):
    return re.sub(r"[\x00-\x20\x7f]", "", value or "").lower()


def bad_url(value):
    text = squeeze(value)
    if text.startswith("javascript:") or text.startswith("vbscript:"):
        return True
    return text.startswith("data:") and not re.match(r"data:image/(png|gif|jpeg|webp)", text)


class URLCollector(html.parser.HTMLParser):
    """The dangerous URLs of a page as Python's HTML parser reads it (references decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name not in URL_ATTRIBUTES or value is None:
                continue
            pieces = re.split(r"[\s,]+", value) if name in LIST_ATTRIBUTES else value.split(";") if name in ("to", "from", "by", "values") else [value]
            self.found += [f"<{tag} {name}=\"{value[:60]}\">" for piece in pieces if bad_url(piece)]

    handle_startendtag = handle_starttag


class Tab:
    """One page in a fresh tab, with or without script (and the title guard), and probes."""

    def __init__(self, browser, page, script=True, guard=False):
        self.browser = browser
        self.page = page
        self.dialogs = []
        self.loaded = self.navigated = False
        # Without script the document is what is read, and its load may never end (a
        # resource that waits for script); DOMContentLoaded says it is all parsed.
        self.ready_event = "Page.loadEventFired" if script else "Page.domContentEventFired"
        deadline = time.monotonic() + TIMEOUT
        self.target = browser.send("Target.createTarget", {"url": "about:blank"}, deadline=deadline)["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": self.target, "flatten": True}, deadline=deadline)["sessionId"]
        browser.listeners[self.session] = self.on_event
        browser.send("Page.enable", session=self.session, deadline=deadline)
        if guard:
            browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": TITLE_GUARD}, session=self.session, deadline=deadline)
        if not script:
            browser.send("Emulation.setScriptExecutionDisabled", {"value": True}, session=self.session, deadline=deadline)
        browser.send("Page.navigate", {"url": page.as_uri()}, session=self.session, deadline=deadline)

    @staticmethod
    def open(browser, pages, script=True, guard=False):
        """Tabs for `pages`, loading side by side; returns when every one has loaded."""
        tabs = [Tab(browser, page, script, guard) for page in pages]
        browser.wait_until(lambda: all(tab.loaded for tab in tabs), time.monotonic() + TIMEOUT, "the load events")
        return tabs

    def on_event(self, method, params):
        if method == "Page.javascriptDialogOpening":
            # A payload that got through and calls alert() would block the page: dismiss the
            # dialog at once and count it.
            self.dialogs.append(f"{params.get('type', 'dialog')}({params.get('message', '')!r})")
            self.browser.post("Page.handleJavaScriptDialog", {"accept": False}, session=self.session)
        elif method == "Page.frameNavigated" and "parentId" not in params["frame"]:
            self.navigated, self.loaded = True, False
        elif method == self.ready_event and self.navigated:
            self.loaded = True

    def evaluate(self, expression):
        # A tab behind others gets no animation frames; the probe waits for two.
        self.browser.send("Page.bringToFront", session=self.session, deadline=time.monotonic() + TIMEOUT)
        return check_pages.evaluate(self.browser, self.session, expression, time.monotonic() + TIMEOUT)

    def close(self):
        self.browser.listeners.pop(self.session, None)
        self.browser.send("Target.closeTarget", {"targetId": self.target}, deadline=time.monotonic() + 5)


def written_title(page):
    """The title weave wrote into the page, as document.title reads it."""
    match = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
    return " ".join(html.unescape(match.group(1)).split()) if match else ""


def title_changes(page, titles):
    """The titles a page had that are not the one weave wrote."""
    expected = written_title(page)
    return [title for title in (" ".join(title.split()) for title in titles) if title and title != expected]


def check_safe_pages(browser, pages):
    """Every page of the safe build, exercised: no title change, no handler, no dangerous URL."""
    results = {page: [] for page in pages}
    for tab in Tab.open(browser, pages, guard=True):
        try:
            result = tab.evaluate(EXERCISE)
        finally:
            tab.close()
        problems = results[tab.page]
        changed = title_changes(tab.page, result["titles"])
        if changed:
            problems.append(f"the title became {changed[0]!r} (weave wrote {written_title(tab.page)!r})")
        problems += [f"event handler attribute {handler}" for handler in result["handlers"]]
        problems += [f"dangerous URL {url}" for url in result["urls"]]
        problems += [f"a script opened a dialog: {dialog}" for dialog in tab.dialogs]
    return results


def check_default_pages(browser, pages):
    """Every page of the default build, read with script and without: no dangerous URL in a URL
    attribute. Also returns how many pages a payload changed the title of: the handlers of raw
    HTML run in this mode, so none would mean the exercise cannot see a payload run."""
    results = {page: [] for page in pages}
    ran = 0
    for script in (True, False):
        for tab in Tab.open(browser, pages, script=script, guard=script):
            try:
                result = tab.evaluate(EXERCISE if script else DOM_CHECK)
            finally:
                tab.close()
            where = "with script" if script else "without script"
            if script:
                ran += 1 if title_changes(tab.page, result["titles"]) else 0
                # Script on, a handler may do anything; only the URLs weave wrote are weave's to answer for.
                result = result["loaded"]
            results[tab.page] += [f"dangerous URL {url} ({where})" for url in result]
    for page in pages:
        collector = URLCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        results[page] += [f"dangerous URL {url} (as Python's HTML parser reads it)" for url in collector.found]
    return results, ran


def build(weave, folder, output, config, safe):
    arguments = [weave, "build", "Notebooks", "-o", output, "--config", config, "--no-cache", "--quiet"]
    if safe:
        arguments.append("--safe")
    run = subprocess.run(arguments, cwd=folder, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments[1:])} failed ({run.returncode}):\n{run.stderr}")
    return folder / output


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    weave = str(Path(argv[1]).resolve())
    corpus = Path(argv[2]).resolve() if len(argv) == 3 else DEFAULT_CORPUS
    chromium = check_pages.find_chromium()
    if not chromium:
        print("check-hostile: chromium not found; install it (apt-get install chromium)", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="check-hostile-") as scratch:
        folder = Path(scratch)
        shutil.copytree(corpus / "Notebooks", folder / "Notebooks")
        (folder / "Notebooks" / SCHEME_NAME).write_text(SCHEME_TEXT, encoding="utf-8")
        settings = (corpus / "weave.yml").read_text(encoding="utf-8")
        (folder / "safe.yml").write_text(settings, encoding="utf-8")
        # The same course without `safe:`: the default mode.
        (folder / "default.yml").write_text("".join(line for line in settings.splitlines(True) if not line.startswith("safe:")),
                                            encoding="utf-8")
        try:
            safe_site = build(weave, folder, "safe", "safe.yml", safe=True)
            default_site = build(weave, folder, "default", "default.yml", safe=False)
        except RuntimeError as error:
            print(f"check-hostile: {error}", file=sys.stderr)
            return 2
        results = []
        browser = check_pages.Browser(chromium)
        try:
            browser.start(timeout=TIMEOUT)
            for page, problems in check_safe_pages(browser, sorted(safe_site.glob("*.html"))).items():
                results.append(("safe", page.name, problems))
            default_results, ran = check_default_pages(browser, sorted(default_site.glob("*.html")))
            for page, problems in default_results.items():
                results.append(("default", page.name, problems))
        except (check_pages.BrowserError, check_pages.PageTimeout, check_pages.CommandError) as error:
            return check_pages.report_browser_failure("check-hostile", error, browser)
        finally:
            browser.close()
    failed = 0
    for mode, name, problems in results:
        if problems:
            failed += 1
            print(f"FAIL {mode} {name}")
            for problem in problems:
                print(f"{mode} {name}: {problem}")
        else:
            print(f"ok   {mode} {name}")
    pages = len(results)
    print(f"{pages - failed} passed, {failed} failed ({time.monotonic() - started:.1f} s)")
    if pages < 10:
        print(f"check-hostile: only {pages} pages were checked; the corpus is missing", file=sys.stderr)
        return 1
    if ran == 0:
        print("check-hostile: no payload ran even in the default build; the exercise would not see one run", file=sys.stderr)
        return 1
    print(f"(in the default build, where raw HTML is the author's, payloads changed the title of {ran} pages)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
