import Foundation
import XCTest
@testable import Notebook

final class LoadingTests: XCTestCase {
    func testInvalidUTF8IsLocated() {
        var bytes = Array("# Title\n\nab".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(" rest\n".utf8)
        XCTAssertThrowsError(try Notebook.parse(bytes: bytes, path: "bad.md")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.description, "bad.md:3:3: error: the file is not valid UTF-8 (byte 0xC3)")
        }
        XCTAssertEqual(UTF8Check.firstInvalidByte(in: [0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80]), 3, "surrogates are invalid")
        XCTAssertEqual(UTF8Check.firstInvalidByte(in: [0xC0, 0xAF]), 0, "overlong forms are invalid")
        XCTAssertNil(UTF8Check.firstInvalidByte(in: Array("é ∂ 𝑥".utf8)))
    }

    func testUnreadableFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("weave-missing-\(UUID()).md").path
        XCTAssertThrowsError(try Notebook.load(path: path)) { error in
            let description = (error as? NotebookFailure)?.description ?? ""
            XCTAssertTrue(description.hasPrefix("\(path):1:1: error: cannot read the notebook"), description)
        }
    }

    func testALoneCarriageReturnEndsALineForLocationsAndExcerptsAlike() throws {
        // Old Mac line endings: cmark-gfm ends a line at a lone CR, so the loader must too.
        let notebook = try Notebook.parse(source: "# T\r\r$a_1$ and\r$b$\r", path: "cr.md")
        XCTAssertEqual(notebook.math.map(\.location), [SourceLocation(line: 3, column: 1), SourceLocation(line: 4, column: 1)])
        XCTAssertThrowsError(try Notebook.parse(source: "# T\r\rSee @fig-none.\r", path: "cr.md")) { error in
            let diagnostic = (error as? NotebookFailure)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, SourceLocation(line: 3, column: 5))
            XCTAssertTrue(diagnostic?.excerpt?.contains("See @fig-none.") ?? false, diagnostic?.excerpt ?? "no excerpt")
        }
    }

    func testByteOrderMarkAndCRLF() throws {
        let notebook = try Notebook.parse(bytes: Array("\u{FEFF}---\r\ntitle: T\r\n---\r\n\r\n$a_1$\r\n".utf8), path: "a.md")
        XCTAssertEqual(notebook.title, "T")
        XCTAssertEqual(notebook.math.map(\.tex), ["a_1"])
        XCTAssertEqual(notebook.math.first?.location, SourceLocation(line: 5, column: 1))
    }

    func testReservedCharactersAreRejected() {
        XCTAssertThrowsError(try Notebook.parse(source: "ok\nx \u{10FFF0}\n", path: "a.md")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.description,
                           "a.md:2:3: error: character U+10FFF0 is reserved by weave and cannot appear in a notebook")
        }
    }

    func testHeadingIdsAreUniqueAndStable() throws {
        let notebook = try Notebook.parse(source: "# Why?\n\n## Setup\n\n## Setup\n\n### Zero *init*\n", path: "a.md")
        XCTAssertEqual(notebook.headings.map(\.id), ["why", "setup", "setup-1", "zero-init"])
        XCTAssertEqual(notebook.parts, [.heading(0), .heading(1), .heading(2), .heading(3)])
        XCTAssertEqual(notebook.headings.map(\.level), [1, 2, 2, 3])
        XCTAssertEqual(notebook.headings[2].markup, [.html("Setup")])
        XCTAssertEqual(notebook.headings[3].markup, [.html("Zero <em>init</em>")])
        XCTAssertEqual(notebook.headings[3].content, [.html("Zero init")])
    }

    func testHeadingMathIsAFormulaOfTheHeading() throws {
        let notebook = try Notebook.parse(source: "Intro\n\n## Why $w_9 = w_{10}$ holds\n\nText\n", path: "a.md")
        XCTAssertEqual(notebook.parts.count, 3)
        XCTAssertEqual(notebook.parts[1], .heading(0))
        guard case .math(let formula) = notebook.headings[0].markup[1] else { return XCTFail("\(notebook.headings[0].markup)") }
        XCTAssertEqual(formula.tex, "w_9 = w_{10}")
        XCTAssertEqual(notebook.headings[0].markup[0], .html("Why "))
        XCTAssertEqual(notebook.headings[0].markup[2], .html(" holds"))
        XCTAssertEqual(notebook.math.map(\.tex), ["w_9 = w_{10}"])
    }

    func testRawHTMLPassesButDangerousTagsAreDisarmed() throws {
        let notebook = try Notebook.parse(source: "<div class=\"note\">$x$ stays</div>\n\n<script>alert(1)</script>\n", path: "a.md")
        let html = notebook.parts.compactMap { if case .html(let text) = $0 { text } else { nil } }.joined()
        XCTAssertTrue(html.contains("<div class=\"note\">$x$ stays</div>"), html)
        XCTAssertTrue(html.contains("&lt;script>"), html)
        XCTAssertTrue(notebook.math.isEmpty)
    }
}
