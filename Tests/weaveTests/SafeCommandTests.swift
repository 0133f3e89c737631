import Foundation
import XCTest

/// `--safe` on `build` and `render`, and `safe:` in `weave.yml`: raw HTML omitted, and no page of
/// one mode ever comes out of the cache for the other.
final class SafeCommandTests: CommandTestCase {
    override class var workspacePrefix: String { "weave-safe-cli" }

    static let raw = #"<p>Prose <img src=x onerror="document.title='pwned'"> and <a href="">a link</a>.</p>"#
    static let omitted = #"<p>Prose <!-- raw HTML omitted --> and <a href="">a link</a>.</p>"#

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write("Notebooks/01-raw.md", """
            # Raw

            Prose <img src=x onerror="document.title='pwned'"> and [a link](javascript:document.title='pwned').

            ```swift
            print(1)
            ```
            """)
    }

    private func page(_ path: String) -> String {
        String(decoding: contents(path) ?? Data(), as: UTF8.self)
    }

    func testTheHelpSaysWhatSafeDoes() throws {
        for command in ["build", "render", "serve"] {
            let help = try weave(command, "--help")
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.stdout.contains("--safe"), help.stdout)
            XCTAssertTrue(help.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
                .contains("For notebooks you do not trust: leave out their raw HTML"), help.stdout)
        }
    }

    func testSafeBuildsOmitRawHTMLAndNeverReuseTheOtherModesPages() throws {
        let plain = try weave("build", "Notebooks", "-o", "site")
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(page("site/01-raw.html").contains(Self.raw))
        // The same inputs in the other mode: the cell comes from the execution cache (its outputs
        // do not depend on the mode), the page does not.
        let safe = try weave("build", "Notebooks", "-o", "site", "--safe")
        XCTAssertEqual(safe.status, 0, safe.stderr)
        XCTAssertTrue(safe.stdout.contains(": 1 from the cache, 0 cells run"), safe.stdout)
        XCTAssertTrue(page("site/01-raw.html").contains(Self.omitted), page("site/01-raw.html"))
        XCTAssertFalse(page("site/01-raw.html").contains("onerror"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site", "--safe").stdout.hasPrefix("nothing changed"))
        let again = try weave("build", "Notebooks", "-o", "site")
        XCTAssertFalse(again.stdout.hasPrefix("nothing changed"), again.stdout)
        XCTAssertTrue(page("site/01-raw.html").contains(Self.raw))
        // A safe page from the page cache is the page a build without any cache makes.
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site", "--safe").status, 0)
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "fresh", "--safe", "--no-cache").status, 0)
        XCTAssertEqual(contents("fresh/01-raw.html"), contents("site/01-raw.html"))
    }

    func testWeaveYmlTurnsSafeModeOnAndIsChecked() throws {
        try write("weave.yml", "title: Course\nsafe: true\n")
        XCTAssertEqual(try weave("build").status, 0)
        XCTAssertTrue(page("output/01-raw.html").contains(Self.omitted))
        try write("weave.yml", "title: Course\nsafe: maybe\n")
        let bad = try weave("build")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("weave.yml:2:7: error: 'safe' takes true or false\n"), bad.stderr)
        // --safe cannot be undone from weave.yml, nor weave.yml's safe mode from the command line.
        try write("weave.yml", "title: Course\nsafe: false\n")
        XCTAssertEqual(try weave("build", "--safe").status, 0)
        XCTAssertTrue(page("output/01-raw.html").contains(Self.omitted))
    }

    func testRenderTakesSafeToo() throws {
        XCTAssertEqual(try weave("render", "Notebooks/01-raw.md", "-o", "page.html", "--safe").status, 0)
        XCTAssertTrue(page("page.html").contains(Self.omitted))
        XCTAssertEqual(try weave("render", "Notebooks/01-raw.md", "-o", "page.html").status, 0)
        XCTAssertTrue(page("page.html").contains(Self.raw))
    }
}
