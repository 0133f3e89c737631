#!/usr/bin/env python3
"""Self-test for check-hostile.py: pages that do what a payload would, and the verdicts.

Run with: python3 Scripts/test_check_hostile.py [-v]
Skips when Chromium is absent.
"""

import importlib.util
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_hostile", HERE / "check-hostile.py")
check_hostile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_hostile)
CHROMIUM = check_hostile.check_pages.find_chromium()

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main>{body}</main></body></html>
"""

QUIET = "<p>Nothing here runs. <a href=\"#x\" id=\"x\">A link</a> <img alt=\"dot\" src=\"data:image/png;base64,iVBORw0KGgo=\"></p>"
LOUD = {
    # A handler that runs on load, one that runs on a click, a link that runs when followed.
    "handler.html": "<img src=\"missing.png\" alt=\"\" onerror=\"document.title='pwned'\">",
    "click.html": "<button onclick=\"document.title='pwned'\">b</button>",
    "link.html": "<a href=\" JaVa&#x09;ScRiPt:alert(1)\">run</a>",
    "details.html": "<details ontoggle=\"document.title='pwned'\"><summary>s</summary>d</details>",
    # URLs in places a browser reads differently with and without script.
    "urls.html": ("<img alt=\"\" srcset=\"a.png 1x, javascript:b 2x\"><svg><a xlink:href=\"vbscript:c\"><text>t</text></a></svg>"
                  "<noscript><p title=\"</noscript><a href=javascript:d>\">e</a></noscript>"
                  "<iframe title=\"f\" src=\"data:text/html,g\"></iframe>"),
}


@unittest.skipUnless(CHROMIUM, "chromium is not installed")
class CheckHostileTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="test-check-hostile-")
        root = Path(cls.folder.name)
        (root / "quiet.html").write_text(PAGE.format(title="Quiet", body=QUIET), encoding="utf-8")
        for name, body in LOUD.items():
            (root / name).write_text(PAGE.format(title="Loud", body=body), encoding="utf-8")
        cls.pages = {page.name: page for page in sorted(root.glob("*.html"))}
        cls.browser = check_hostile.check_pages.Browser(CHROMIUM)
        cls.browser.start(timeout=20)
        cls.safe = {page.name: problems for page, problems in check_hostile.check_safe_pages(cls.browser, list(cls.pages.values())).items()}
        default, cls.ran = check_hostile.check_default_pages(cls.browser, list(cls.pages.values()))
        cls.default = {page.name: problems for page, problems in default.items()}

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.folder.cleanup()

    def test_a_quiet_page_passes(self):
        self.assertEqual(self.safe["quiet.html"], [])
        self.assertEqual(self.default["quiet.html"], [])

    def test_a_payload_that_runs_is_seen(self):
        self.assertIn("the title became 'pwned' (weave wrote 'Loud')", self.safe["handler.html"])
        self.assertIn("event handler attribute <img onerror>", self.safe["handler.html"])
        self.assertIn("the title became 'pwned' (weave wrote 'Loud')", self.safe["click.html"])
        self.assertIn("the title became 'pwned' (weave wrote 'Loud')", self.safe["details.html"])
        self.assertIn("a script opened a dialog: alert('1')", self.safe["link.html"])
        self.assertGreaterEqual(self.ran, 3)

    def test_dangerous_urls_are_seen_in_every_reading(self):
        self.assertIn('dangerous URL <a href=" JaVa\tScRiPt:alert(1)">', self.safe["link.html"])
        urls = self.default["urls.html"]
        for reading in ("with script", "without script", "as Python's HTML parser reads it"):
            self.assertIn(f'dangerous URL <img srcset="a.png 1x, javascript:b 2x"> ({reading})', urls)
            self.assertIn(f'dangerous URL <a xlink:href="vbscript:c"> ({reading})', urls)
            self.assertIn(f'dangerous URL <iframe src="data:text/html,g"> ({reading})', urls)
        # Only with script is <noscript> raw text, so that its title's markup becomes a link.
        self.assertIn('dangerous URL <a href="javascript:d"> (with script)', urls)
        self.assertNotIn('dangerous URL <a href="javascript:d"> (without script)', urls)


if __name__ == "__main__":
    unittest.main()
