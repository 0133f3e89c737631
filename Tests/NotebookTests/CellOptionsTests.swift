import XCTest
@testable import Notebook

final class CellOptionsTests: XCTestCase {
    private func failure(_ source: String) -> [String] {
        do {
            _ = try Notebook.parse(source: source, path: "lesson.md")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testCellsAreSwiftFencesWithOptionsAndLines() throws {
        let source = """
        Intro.

        ```swift
        //| echo: false
        //| label: weights-table
        //|   caption: "Weights: by step"
        let a = 1
        print(a)
        ```

        ```python
        print("not a cell")
        ```

        ```swift title
        a
        ```
        """
        let notebook = try Notebook.parse(source: source, path: "lesson.md")
        XCTAssertEqual(notebook.cells.count, 2)
        let first = notebook.cells[0]
        XCTAssertEqual(first.source, "let a = 1\nprint(a)")
        XCTAssertFalse(first.options.echo)
        XCTAssertTrue(first.options.eval)
        XCTAssertEqual(first.options.label, "weights-table")
        XCTAssertEqual(first.options.caption, "Weights: by step")
        XCTAssertEqual(first.fence, SourceLocation(line: 3, column: 1))
        XCTAssertEqual(first.firstLine, 7)
        XCTAssertEqual(notebook.cells[1].source, "a")
        XCTAssertEqual(notebook.cells[1].info, "swift title")
        XCTAssertEqual(notebook.cells[1].firstLine, 16)
        XCTAssertEqual(notebook.parts.filter { if case .cell = $0 { true } else { false } }.count, 2)
    }

    func testFrontMatterGivesDefaultsThatCellsOverride() throws {
        let source = "---\nexecute:\n  echo: false\n  error: true\n---\n\n```swift\nlet a = 1\n```\n\n```swift\n//| echo: true\nlet b = 2\n```\n"
        let notebook = try Notebook.parse(source: source, path: "lesson.md")
        XCTAssertEqual(notebook.cells.map(\.options.echo), [false, true])
        XCTAssertEqual(notebook.cells.map(\.options.error), [true, true])
    }

    func testUnknownOptionIsLocatedAtItsNameWithASuggestion() {
        XCTAssertEqual(failure("# T\n\n```swift\n//| ecko: false\nlet a = 1\n```\n"),
                       ["lesson.md:4:5: error: unknown cell option 'ecko'; did you mean 'echo'?"])
    }

    func testBadValueIsLocatedAtTheValue() {
        XCTAssertEqual(failure("```swift\n//| echo: maybe\n```\n"),
                       ["lesson.md:2:11: error: option 'echo' takes true or false, not 'maybe'"])
        XCTAssertEqual(failure("```swift\n//| label: 9 lives\n```\n"),
                       ["lesson.md:2:12: error: option 'label' takes an id made of letters, digits, '-' and '_', starting with a letter, not '9 lives'"])
    }

    func testEveryBadOptionOfEveryCellIsReported() {
        let errors = failure("```swift\n//| eval: no\n//| echo: false\n//| echo: true\n```\n\ntext\n\n```swift\n//| colour: red\n```\n")
        XCTAssertEqual(errors, [
            "lesson.md:2:11: error: option 'eval' takes true or false, not 'no'",
            "lesson.md:4:5: error: option 'echo' is set twice in this cell",
            "lesson.md:10:5: error: unknown cell option 'colour' (known options: eval, echo, output, error, fold, label, caption, alt)",
        ])
    }

    func testOptionLineWithoutColon() {
        XCTAssertEqual(failure("```swift\n//| echo\n```\n"), ["lesson.md:2:1: error: a cell option line reads '//| key: value'"])
    }

    func testIndentedFenceLocatesOptionsInTheFile() {
        XCTAssertEqual(failure("  ```swift\n  //| ouput: false\n  ```\n"),
                       ["lesson.md:2:7: error: unknown cell option 'ouput'; did you mean 'output'?"])
    }

    func testExcerptPointsAtTheColumn() throws {
        do {
            _ = try Notebook.parse(source: "```swift\n//| echo: maybe\n```\n", path: "lesson.md")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.diagnostics.first?.excerpt, "2 | //| echo: maybe\n  |           ^")
        }
    }
}
