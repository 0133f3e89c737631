import Foundation
import XCTest

/// `weave export FILE --to ipynb` run as a user runs it: exit codes, messages, and the file it leaves.
final class ExportCommandTests: CommandTestCase {
    override class var workspacePrefix: String { "weave-export" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write("lesson.md", "---\ntitle: Lesson\n---\n\nFine $x_1$.\n\n```swift\nprint(\"hi\")\n```\n")
    }

    // MARK: Export

    func testExportWritesTheNotebookBesideTheFile() throws {
        let run = try weave("export", "lesson.md", "--to", "ipynb")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "", "quiet when not on a terminal")
        let data = try XCTUnwrap(contents("lesson.ipynb"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["nbformat"] as? Int, 4)
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code"])
        let outputs = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.first?["text"] as? [String], ["hi\n"])
        // A second export gives the same bytes.
        XCTAssertEqual(try weave("export", "lesson.md", "--to", "ipynb", "-o", "again/copy.ipynb").status, 0)
        XCTAssertEqual(contents("again/copy.ipynb"), data)
    }

    func testOnlyIpynbIsAFormat() throws {
        let run = try weave("export", "lesson.md", "--to", "pdf")
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "weave: error: cannot export to 'pdf': the only format is 'ipynb'\n")
        XCTAssertFalse(exists("lesson.ipynb"))
        XCTAssertFalse(exists("lesson.pdf"))
        let missing = try weave("export", "lesson.md")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("--to"), missing.stderr)
        XCTAssertFalse(exists("lesson.ipynb"))
    }

    func testUnreadableInputAndOverwritingItAreUsageErrors() throws {
        let run = try weave("export", "none.md", "--to", "ipynb")
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "weave: error: cannot read the notebook 'none.md'\n")
        let onto = try weave("export", "lesson.md", "--to", "ipynb", "-o", "./lesson.md")
        XCTAssertEqual(onto.status, 2)
        XCTAssertTrue(onto.stderr.contains("would overwrite the notebook"), onto.stderr)
        XCTAssertEqual(contents("lesson.md").map { String(decoding: $0, as: UTF8.self) }.map { $0.hasPrefix("---") }, true)
    }

    func testANotebookThatFailsToLoadWritesNothing() throws {
        try write("bad.md", "# T\n\n```swift\n//| eco: false\nlet a = 1\n```\n")
        let run = try weave("export", "bad.md", "--to", "ipynb")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, """
            bad.md:4:5: error: unknown cell option 'eco'; did you mean 'echo'?
            4 | //| eco: false
              |     ^
            weave: error: 1 error in 1 notebook; nothing was written

            """)
        XCTAssertFalse(exists("bad.ipynb"))
    }

    func testANotebookThatFailsToRunWritesNothingAndKeepsAnEarlierExport() throws {
        try write("run.md", "```swift\nlet a = 1\nexpect(a == 2, \"a is two\")\n```\n\n```swift\nprint(a + nope)\n```\n")
        try write("run.ipynb", "earlier")
        let run = try weave("export", "run.md", "--to", "ipynb")
        XCTAssertEqual(run.status, 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errors.count, 3, run.stderr)
        XCTAssertTrue(errors.first?.hasPrefix("run.md:3:1: error: expectation failed: a is two") == true, run.stderr)
        XCTAssertEqual(errors.dropFirst(), [
            "run.md:7:11: error: cannot find 'nope' in scope",
            "weave: error: 2 errors in 1 notebook; nothing was written",
        ])
        XCTAssertEqual(contents("run.ipynb"), Data("earlier".utf8))
    }

    func testExpectedErrorsAreExported() throws {
        try write("oops.md", "```swift\n//| error: true\nlet x = nope\n```\n")
        let run = try weave("export", "oops.md", "--to", "ipynb", "-o", "out.ipynb")
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = String(decoding: try XCTUnwrap(contents("out.ipynb")), as: UTF8.self)
        XCTAssertTrue(text.contains("\"output_type\": \"error\""), text)
        XCTAssertTrue(text.contains("\"raises-exception\""), text)
    }
}
