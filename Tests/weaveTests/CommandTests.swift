import Foundation
import XCTest

/// The `weave` command run as a user runs it: exit codes, messages, and what it leaves on disk.
final class CommandTests: CommandTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try write("Notebooks/01-good.md", "---\ntitle: Good\norder: 1\n---\n\nFine $x_1$.\n\n```swift\nlet a = 1\n```\n")
    }

    // MARK: Building

    func testBuildWritesTheSiteAndTwoBuildsAreIdentical() throws {
        let first = try weave("build", "Notebooks", "-o", "site1")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stderr, "", "quiet when not on a terminal")
        let site = try snapshot("site1")
        XCTAssertNotNil(site["index.html"])
        XCTAssertNotNil(site["01-good.html"])
        XCTAssertNotNil(site["assets/katex/katex.min.js"])
        XCTAssertNotNil(site["assets/katex/fonts/KaTeX_Main-Regular.woff2"])
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site2").status, 0)
        XCTAssertEqual(site, try snapshot("site2"))
        // Building again over a site replaces it.
        try write("Notebooks/02-more.md", "# More\n")
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site1").status, 0)
        XCTAssertNotNil(try snapshot("site1")["02-more.html"])
    }

    func testDefaultsAreNotebooksAndOutput() throws {
        XCTAssertEqual(try weave("build").status, 0)
        XCTAssertNotNil(try snapshot("output")["01-good.html"])
    }

    /// Each bad input: the exact located error, exit 1, and the previous site untouched.
    func testBadInputsFailWithLocatedErrorsAndKeepThePreviousSite() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "out").status, 0)
        let before = try snapshot("out")
        let cases: [(name: String, bytes: [UInt8], error: String)] = [
            ("bad-utf8.md", Array("# Title\n\nSome text \u{e9}".utf8) + [0xFF] + Array(" end\n".utf8),
             "Notebooks/bad-utf8.md:3:12: error: the file is not valid UTF-8 (byte 0xFF)"),
            ("bad-yaml.md", Array("---\ntitle: [unclosed\n---\n".utf8),
             "Notebooks/bad-yaml.md:3:1: error: invalid YAML in front matter: did not find expected ',' or ']'"),
            ("unclosed.md", Array("---\ntitle: x\n\n# Text\n".utf8),
             "Notebooks/unclosed.md:1:1: error: front matter is not closed: add a line '---' after its last key"),
            ("unknown-option.md", Array("# T\n\n```swift\n//| eco: false\nlet a = 1\n```\n".utf8),
             "Notebooks/unknown-option.md:4:5: error: unknown cell option 'eco'; did you mean 'echo'?"),
            ("bad-value.md", Array("# T\n\n```swift\n//| output: sometimes\n```\n".utf8),
             "Notebooks/bad-value.md:4:13: error: option 'output' takes true or false, not 'sometimes'"),
        ]
        for (name, bytes, error) in cases {
            try write("Notebooks/" + name, bytes: bytes)
            let run = try weave("build", "Notebooks", "-o", "out")
            XCTAssertEqual(run.status, 1, name)
            XCTAssertTrue(run.stderr.hasPrefix(error + "\n"), "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("'out' was left as it was"), run.stderr)
            XCTAssertEqual(try snapshot("out"), before, "\(name) changed the previous site")
            try FileManager.default.removeItem(at: workspace.appendingPathComponent("Notebooks/" + name))
        }
    }

    func testUnreadableNotebookIsLocatedAndKeepsThePreviousSite() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "out").status, 0)
        let before = try snapshot("out")
        try FileManager.default.createSymbolicLink(atPath: workspace.appendingPathComponent("Notebooks/gone.md").path,
                                                   withDestinationPath: "/nonexistent/weave/gone.md")
        let run = try weave("build", "Notebooks", "-o", "out")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("Notebooks/gone.md:1:1: error: cannot read the notebook"), run.stderr)
        XCTAssertEqual(try snapshot("out"), before)
    }

    func testEveryErrorOfEveryNotebookIsReported() throws {
        try write("Notebooks/02-a.md", "```swift\n//| echo: yes\n```\n\n```swift\n//| lable: x\n```\n")
        try write("Notebooks/03-b.md", "---\norder: soon\n---\n")
        let run = try weave("build", "Notebooks", "-o", "out")
        XCTAssertEqual(run.status, 1)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(lines, [
            "Notebooks/02-a.md:2:11: error: option 'echo' takes true or false, not 'yes'",
            "Notebooks/02-a.md:6:5: error: unknown cell option 'lable'; did you mean 'label'?",
            "Notebooks/03-b.md:2:8: error: 'order' takes a number, like 'order: 2'",
            "weave: error: 3 errors in 2 notebooks; 'out' was left as it was",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("out").path))
    }

    func testCourseSettingsGiveTitleFoldersSitemapAndNotFoundPage() throws {
        try write("weave.yml", "title: My course\nbase-url: https://example.org/c\nnotebooks: Notebooks\noutput: public\n")
        let run = try weave("build")
        XCTAssertEqual(run.status, 0, run.stderr)
        let site = try snapshot("public")
        let index = String(decoding: site["index.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(index.contains("<title>My course</title>"), index)
        XCTAssertEqual(String(decoding: site["sitemap.xml"] ?? Data(), as: UTF8.self), """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://example.org/c/</loc></url>
        <url><loc>https://example.org/c/01-good.html</loc></url>
        </urlset>

        """)
        let notFound = String(decoding: site["404.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(notFound.contains(#"href="https://example.org/c/assets/weave.css""#), notFound)
    }

    func testBadCourseSettingsAreLocated() throws {
        try write("weave.yml", "title: x\nnotbooks: Notebooks\n")
        let run = try weave("build")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("weave.yml:2:1: error: unknown key 'notbooks'; did you mean 'notebooks'?\n"), run.stderr)
    }

    func testWithoutBaseURLThereIsNoSitemap() throws {
        XCTAssertEqual(try weave("build", "-o", "out").status, 0)
        let site = try snapshot("out")
        XCTAssertNil(site["sitemap.xml"])
        XCTAssertNotNil(site["404.html"])
    }

    func testRunawayCellsFailWithLocatedErrorsAndNoCrash() throws {
        try write("Notebooks/02-loop.md", "# Loop\n\n```swift\nvar i = 0\nwhile true { i += 1 }\n```\n")
        try write("Notebooks/03-deep.md", "# Deep\n\n```swift\nfunc f(_ n: Int) -> Int { f(n + 1) }\nf(0)\n```\n")
        let started = Date()
        let run = try weave("check", "Notebooks")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "a runaway cell must stop on its budget")
        XCTAssertEqual(run.status, 1, run.stderr)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") && $0.hasPrefix("Notebooks/") }
        XCTAssertEqual(errors.count, 2, run.stderr)
        XCTAssertTrue(errors[0].hasPrefix("Notebooks/02-loop.md:5:"), run.stderr)
        XCTAssertTrue(errors[1].hasPrefix("Notebooks/03-deep.md:4:"), run.stderr)
    }

    func testCellsRunAndTheirOutputsReachThePage() throws {
        try write("Notebooks/02-run.md", "# Run\n\n```swift\nlet xs = [1, 2, 3]\nprint(xs.reduce(0, +))\nexpect(xs.count == 3, \"three items\")\n```\n")
        let run = try weave("build", "Notebooks", "-o", "out")
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = String(decoding: try snapshot("out")["02-run.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(page.contains(#"<pre class="output-stream">6"#), page)
        XCTAssertTrue(page.contains("three items"), page)
    }

    func testAFailedExpectationFailsTheBuild() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "out").status, 0)
        let before = try snapshot("out")
        try write("Notebooks/02-claim.md", "# Claim\n\n```swift\nlet w = 0.25\nexpect(w > 0.5, \"w is large\")\n```\n")
        let run = try weave("build", "Notebooks", "-o", "out")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("Notebooks/02-claim.md:5:1: error: expectation failed: w is large"), run.stderr)
        XCTAssertEqual(try snapshot("out"), before)
    }

    // MARK: Usage errors (exit 2)

    func testMissingFolderIsAUsageError() throws {
        let run = try weave("build", "Nowhere")
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "weave: error: 'Nowhere' is not a folder of notebooks\n")
    }

    func testRefusesToReplaceAFolderWeaveDidNotWrite() throws {
        try write("precious/keep.txt", "mine")
        let run = try weave("build", "Notebooks", "-o", "precious")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("refusing to replace"), run.stderr)
        XCTAssertEqual(try snapshot("precious"), ["keep.txt": Data("mine".utf8)])
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "Notebooks").status, 2)
        XCTAssertEqual(try weave("build", "Notebooks", "-o", ".").status, 2)
        XCTAssertNotNil(try snapshot("Notebooks")["01-good.md"])
    }

    func testAMarkerFileWeaveDidNotWriteDoesNotMakeAFolderASite() throws {
        // Replacing a site deletes everything in it: an empty (or foreign) `.weave-site` file
        // beside other files must not be taken for weave's marker.
        try write("thesis/.weave-site", "")
        try write("thesis/chapter1.tex", "years of work")
        let run = try weave("build", "Notebooks", "-o", "thesis")
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "weave: error: refusing to replace '\(workspace.appendingPathComponent("thesis").path)': its .weave-site file is not one weave wrote; remove the folder or choose another with -o\n")
        XCTAssertEqual(try snapshot("thesis"), [".weave-site": Data(), "chapter1.tex": Data("years of work".utf8)])
        // A site weave wrote is still replaced.
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site").status, 0)
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site", "--no-cache").status, 0)
    }

    func testRenderingIntoAFolderSaysSoPlainly() throws {
        try write("pages/keep.txt", "x")
        let run = try weave("render", "Notebooks/01-good.md", "-o", "pages")
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "weave: error: 'pages' is a folder; -o names the page file to write, e.g. -o pages/01-good.html\n")
        XCTAssertEqual(try snapshot("pages"), ["keep.txt": Data("x".utf8)])
    }

    func testUnknownFlagIsAUsageError() throws {
        XCTAssertEqual(try weave("build", "--frobnicate").status, 2)
        XCTAssertEqual(try weave("transmogrify").status, 2)
    }

    // MARK: render and check

    func testRenderWritesOnePageWithItsAssets() throws {
        let run = try weave("render", "Notebooks/01-good.md", "-o", "single/page.html")
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try snapshot("single")
        XCTAssertNotNil(files["page.html"])
        XCTAssertNotNil(files["assets/weave.css"])
        let page = String(decoding: files["page.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(page.contains(#"<span class="math inline">x_1</span>"#), page)
        XCTAssertEqual(try weave("render", "Notebooks/01-good.md").status, 0)
        XCTAssertNotNil(try snapshot("Notebooks")["01-good.html"])
    }

    func testRenderOfAMissingFileIsAUsageError() throws {
        let run = try weave("render", "Notebooks/none.md")
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "weave: error: cannot read the notebook 'Notebooks/none.md'\n")
    }

    func testRenderOfABadNotebookWritesNothing() throws {
        try write("bad.md", "```swift\n//| eval: perhaps\n```\n")
        let run = try weave("render", "bad.md")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("bad.md:2:11: error: option 'eval' takes true or false, not 'perhaps'\n"), run.stderr)
        XCTAssertNil(try snapshot(".")["bad.html"])
    }

    func testCheckWritesNothing() throws {
        XCTAssertEqual(try weave("check", "Notebooks").status, 0)
        try write("Notebooks/02-bad.md", "---\ndraft: perhaps\n---\n")
        let run = try weave("check", "Notebooks")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("Notebooks/02-bad.md:2:8: error: 'draft' takes true or false\n"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workspace.path).sorted(), ["Notebooks"])
    }
}
