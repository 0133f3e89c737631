#!/usr/bin/env python3
"""Self-test for check-pages.py: builds small KaTeX sites and checks the verdicts.

Run with: python3 Scripts/test_check_pages.py [-v]
Skips when Chromium or Debian's KaTeX files (libjs-katex, fonts-katex) are absent.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().with_name("check-pages.py")
KATEX_JS = Path("/usr/share/javascript/katex")
KATEX_FONTS = Path("/usr/share/fonts/truetype/katex")
CHROMIUM = os.environ.get("CHROMIUM") or next(
    filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome"))), None
)

# The page script weave ships in spirit: typeset every .math element.
WEAVE_JS = """\
document.addEventListener('DOMContentLoaded', () => {
  for (const el of document.querySelectorAll('.math')) {
    katex.render(el.textContent, el, {
      displayMode: el.classList.contains('display'),
      throwOnError: false,
    });
  }
});
"""

PAGE = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{root}assets/katex/{css}">
<script src="{root}assets/katex/katex.min.js"></script>
<script src="{root}assets/weave.js"></script>
<style>@media (prefers-color-scheme: dark) {{ body {{ background: #111; color: #eee; }} }}</style>
{head}
</head>
<body>
<h1 id="top-heading">{title}</h1>
{body}
</body>
</html>
"""


def page(title, body="", head="", root="", css="katex.min.css"):
    return PAGE.format(title=title, body=body, head=head, root=root, css=css)


INDEX_BODY = """\
<p>Euler: <span class="math inline">e^{i\\pi} + 1 = 0</span>.</p>
<p id="lessons">Lessons: <a href="lessons/one.html">one</a>,
<a href="lessons/one.html#gauss">Gauss</a>, <a href="#lessons">here</a>,
<a href="https://example.org/">elsewhere</a>.</p>
"""

ONE_BODY = """\
<p id="gauss">Gauss: <span class="math display">\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}</span></p>
<p>And <span class="math inline">\\alpha</span>, <span class="math inline">\\mathbb{R}</span>.
<a href="../index.html#top-heading">back</a></p>
"""


def build_site(root):
    """A small valid site: index.html plus lessons/one.html, KaTeX copied offline."""
    root = Path(root)
    katex = root / "assets" / "katex"
    katex.mkdir(parents=True)
    for name in ("katex.min.css", "katex.min.js"):
        shutil.copy(KATEX_JS / name, katex / name)
    shutil.copytree(KATEX_FONTS, katex / "fonts")
    (root / "assets" / "weave.js").write_text(WEAVE_JS)
    (root / "index.html").write_text(page("Home", INDEX_BODY))
    (root / "lessons").mkdir()
    (root / "lessons" / "one.html").write_text(page("One", ONE_BODY, root="../"))
    return root


@unittest.skipUnless(CHROMIUM, "chromium is not installed")
@unittest.skipUnless((KATEX_JS / "katex.min.js").exists() and KATEX_FONTS.is_dir(),
                     "Debian KaTeX files (libjs-katex, fonts-katex) are not installed")
class CheckPagesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="test-check-pages-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.site = build_site(self.tmp / "site")

    def run_check(self, *extra):
        proc = subprocess.run(
            [sys.executable, str(SCRIPT), str(self.site), *extra],
            capture_output=True, text=True, timeout=120,
        )
        return proc.returncode, proc.stdout, proc.stderr

    def add_page(self, name, body="", head="", **kwargs):
        (self.site / name).write_text(page(name, body, head, **kwargs))

    def assert_fails_with(self, expected_line_start, *more):
        code, out, err = self.run_check()
        self.assertEqual(code, 1, out + err)
        lines = out.splitlines()
        self.assertEqual(lines[-1], "2 passed, 1 failed", out)
        for wanted in (expected_line_start, *more):
            self.assertTrue(any(line.startswith(wanted) for line in lines),
                            f"no line starting with {wanted!r} in:\n{out}")
        return out

    def test_valid_site_passes(self):
        code, out, err = self.run_check()
        self.assertEqual(code, 0, out + err)
        self.assertEqual(out.splitlines(), [
            "ok  index.html (1 formula)",
            "ok  lessons/one.html (3 formulas)",
            "2 passed, 0 failed",
        ])

    def test_screenshots(self):
        self.add_page("tall.html", '<div style="height: 3000px">tall</div><p>end</p>')
        shots = self.tmp / "shots"
        code, out, err = self.run_check("--screenshots", str(shots))
        self.assertEqual(code, 0, out + err)
        names = sorted(p.relative_to(shots).as_posix() for p in shots.rglob("*.png"))
        self.assertEqual(names, sorted(
            f"{page}-{width}-{scheme}.png"
            for page in ("index", "lessons/one", "tall")
            for width in (360, 1280)
            for scheme in ("light", "dark")
        ))

        def size(name):
            png = (shots / name).read_bytes()
            self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
            return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # IHDR

        self.assertEqual(size("index-1280-light.png")[0], 1280)
        self.assertEqual(size("index-360-dark.png")[0], 360)
        self.assertGreater(size("tall-360-light.png")[1], 3000)  # full page, not viewport
        self.assertNotEqual((shots / "index-1280-light.png").read_bytes(),
                            (shots / "index-1280-dark.png").read_bytes())

    def test_timeout(self):
        self.add_page("loop.html", head="<script>while (true) {}</script>")
        code, out, err = self.run_check("--timeout", "2")
        self.assertEqual(code, 1, out + err)
        self.assertIn("loop.html: timeout: timed out waiting for the load event (limit 2 s)", out)
        self.assertIn("ok  lessons/one.html (3 formulas)", out)  # later pages still checked

    def test_uncaught_exception(self):
        self.add_page("boom.html", head='<script>throw new Error("boom");</script>')
        self.assert_fails_with("boom.html: javascript error: Uncaught Error: boom (boom.html:")

    def test_console_error(self):
        self.add_page("noisy.html", head='<script>console.error("bad", 42, {a: 1});</script>')
        self.assert_fails_with("noisy.html: console error: bad 42 {a: 1} (noisy.html:")

    def test_bad_formula(self):
        self.add_page("bad.html", '<p><span class="math inline">\\frac{</span></p>')
        out = self.assert_fails_with("bad.html: katex error: ")
        self.assertIn("`\\frac{`", out)
        self.assertNotIn("math not typeset", out)

    def test_untypeset_math(self):
        # The page forgets weave.js, so nothing typesets its math.
        (self.site / "raw.html").write_text(
            '<!doctype html><title>raw</title><p><span class="math display">x^2</span></p>')
        self.assert_fails_with("raw.html: math not typeset: `x^2`")

    def test_missing_stylesheet(self):
        self.add_page("nocss.html", css="missing.css")
        self.assert_fails_with(
            "nocss.html: resource failed to load: assets/katex/missing.css (stylesheet, net::ERR_FILE_NOT_FOUND)")

    def test_missing_font(self):
        (self.site / "assets/katex/fonts/KaTeX_Main-Regular.woff2").unlink()
        (self.site / "assets/katex/fonts/KaTeX_Main-Regular.woff").unlink()
        (self.site / "assets/katex/fonts/KaTeX_Main-Regular.ttf").unlink()
        code, out, _ = self.run_check()
        self.assertEqual(code, 1, out)
        self.assertIn("resource failed to load: assets/katex/fonts/KaTeX_Main-Regular.", out)

    def test_figure_without_title(self):
        self.add_page("figs.html", '<figure><svg id="good" viewBox="0 0 10 10"><title>A square</title>'
                      '<rect width="10" height="10"/></svg></figure>'
                      '<svg id="nameless" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
                      '<img src="../assets/weave.js">'
                      '<p><span class="math inline">\\sqrt{2}</span></p>')
        out = self.assert_fails_with("figs.html: figure without a title: nameless",
                                     "figs.html: figure without a title: ../assets/weave.js")
        # The radical KaTeX draws as inline SVG is part of a formula, not a figure.
        self.assertEqual(out.count("figure without a title"), 2, out)

    def test_sideways_scrolling(self):
        self.add_page("wide.html", '<div style="width: 900px">too wide for a phone</div>')
        code, out, err = self.run_check("--screenshots", str(self.tmp / "shots"))
        self.assertEqual(code, 1, out + err)
        self.assertIn("wide.html: horizontal scrolling: the page is ", out)
        self.assertIn(" px wide at a 360 px viewport", out)

    def test_broken_link_file(self):
        self.add_page("links.html", '<a href="lessons/two.html">two</a>')
        self.assert_fails_with(
            "links.html: broken link: lessons/two.html (no such file: lessons/two.html)")

    def test_broken_link_fragment(self):
        self.add_page("links.html", '<a href="lessons/one.html#nope">x</a> <a href="#gone">y</a>')
        self.assert_fails_with(
            'links.html: broken link: lessons/one.html#nope (no element with id "nope" on lessons/one.html)',
            'links.html: broken link: #gone (no element with id "gone" on links.html)')



class UsageTest(unittest.TestCase):
    """Needs neither Chromium nor KaTeX."""

    def run_script(self, *args, **env):
        return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                              text=True, env=dict(os.environ, **env), timeout=30)

    def test_missing_chromium(self):
        with tempfile.TemporaryDirectory() as site:
            Path(site, "index.html").write_text("<!doctype html><title>x</title>")
            proc = self.run_script(site, PATH="/nonexistent", CHROMIUM="")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("chromium not found", proc.stderr)

    def test_missing_site_dir(self):
        proc = self.run_script("/nonexistent/site")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("is not a directory", proc.stderr)


if __name__ == "__main__":
    unittest.main()
