import XCTest
@testable import Notebook

final class FrontMatterTests: XCTestCase {
    private func errors(_ source: String, path: String = "lesson.md") -> [String] {
        do {
            _ = try Notebook.parse(source: source, path: path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testKeys() throws {
        let notebook = try Notebook.parse(source: """
        ---
        title: "Equal weights: stuck forever"
        description: Why symmetry never breaks
        order: 2
        author: A. Teacher
        date: 2026-11-29
        draft: true
        ---

        # Ignored heading
        """, path: "Notebooks/01-symmetry.md")
        XCTAssertEqual(notebook.title, "Equal weights: stuck forever")
        XCTAssertEqual(notebook.frontMatter.description, "Why symmetry never breaks")
        XCTAssertEqual(notebook.frontMatter.order, 2)
        XCTAssertEqual(notebook.frontMatter.author, "A. Teacher")
        XCTAssertEqual(notebook.frontMatter.date, "2026-11-29")
        XCTAssertTrue(notebook.frontMatter.draft)
        XCTAssertEqual(notebook.name, "01-symmetry")
    }

    func testTitleFallsBackToFirstHeadingThenFileName() throws {
        XCTAssertEqual(try Notebook.parse(source: "## Sub\n\n# The *first* $x_1$\n", path: "a.md").title, "The first $x_1$")
        XCTAssertEqual(try Notebook.parse(source: "Just prose.\n", path: "dir/02-relu.md").title, "02-relu")
    }

    func testFrontMatterKeepsLineNumbers() throws {
        let notebook = try Notebook.parse(source: "---\ntitle: T\n---\n\n```swift\nlet a = 1\n```\n", path: "a.md")
        XCTAssertEqual(notebook.cells.first?.firstLine, 6)
    }

    func testUnterminatedFrontMatter() {
        XCTAssertEqual(errors("---\ntitle: T\n\n# Body\n"),
                       ["lesson.md:1:1: error: front matter is not closed: add a line '---' after its last key"])
    }

    func testBadYAMLIsLocatedInTheFile() {
        XCTAssertEqual(errors("---\ntitle: T\ndescription: [unclosed\n---\n"),
                       ["lesson.md:4:1: error: invalid YAML in front matter: did not find expected ',' or ']'"])
        XCTAssertEqual(errors("---\ntitle: a\n  bad: indent\n---\n"),
                       ["lesson.md:3:6: error: invalid YAML in front matter: mapping values are not allowed in this context"])
    }

    func testUnknownKeyAndWrongTypes() {
        XCTAssertEqual(errors("---\ntitel: T\norder: first\ndraft: maybe\n---\n"), [
            "lesson.md:2:1: error: unknown front matter key 'titel'; did you mean 'title'?",
            "lesson.md:3:8: error: 'order' takes a number, like 'order: 2'",
            "lesson.md:4:8: error: 'draft' takes true or false",
        ])
        XCTAssertEqual(errors("---\ntitle: [a, b]\nexecute: {echo: perhaps, label: x}\n---\n"), [
            "lesson.md:2:8: error: 'title' takes text, not a list or a mapping",
            "lesson.md:3:17: error: option 'echo' takes true or false, not 'perhaps'",
            "lesson.md:3:26: error: 'label' is set per cell, not under 'execute'",
        ])
    }

    func testFrontMatterThatIsNotAMapping() {
        XCTAssertEqual(errors("---\n- a\n- b\n---\n"),
                       ["lesson.md:2:1: error: front matter must be a mapping of keys to values, like 'title: My lesson'"])
    }

    func testFrontMatterAndCellErrorsAreReportedTogether() {
        XCTAssertEqual(errors("---\ntitel: T\n---\n\n```swift\n//| ecko: true\n```\n"), [
            "lesson.md:2:1: error: unknown front matter key 'titel'; did you mean 'title'?",
            "lesson.md:6:5: error: unknown cell option 'ecko'; did you mean 'echo'?",
        ])
    }
}

final class LimitSettingsTests: XCTestCase {
    func testLimitsAreReadAndChecked() throws {
        let notebook = try Notebook.parse(source: "---\nlimits: {steps: 1000, call-depth: 50}\n---\n", path: "a.md")
        XCTAssertEqual(notebook.frontMatter.limits.steps, 1000)
        XCTAssertEqual(notebook.frontMatter.limits.callDepth, 50)
        XCTAssertNil(notebook.frontMatter.limits.tensorElements)
        XCTAssertThrowsError(try Notebook.parse(source: "---\nlimits:\n  step: 10\n  tensor-elements: -1\n---\n", path: "a.md")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.diagnostics.map(\.description), [
                "a.md:3:3: error: unknown limit 'step'; did you mean 'steps'?",
                "a.md:4:20: error: limit 'tensor-elements' takes a whole number from 1 to 100000000",
            ])
        }
    }

    func testEveryLimitHasACeiling() {
        let source = "---\nlimits: {steps: 2000000001, call-depth: 1000000, tensor-elements: 100000001}\n---\n"
        XCTAssertThrowsError(try Notebook.parse(source: source, path: "a.md")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.diagnostics.map(\.description), [
                "a.md:2:17: error: limit 'steps' takes a whole number from 1 to 2000000000",
                "a.md:2:41: error: limit 'call-depth' takes a whole number from 1 to 10000",
                "a.md:2:67: error: limit 'tensor-elements' takes a whole number from 1 to 100000000",
            ])
        }
        let highest = "---\nlimits: {steps: 2000000000, call-depth: 10000, tensor-elements: 100000000}\n---\n"
        XCTAssertEqual((try? Notebook.parse(source: highest, path: "a.md"))?.frontMatter.limits.callDepth, 10_000)
    }
}
