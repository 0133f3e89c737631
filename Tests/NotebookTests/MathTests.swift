import XCTest
@testable import Notebook

/// Formulas must reach the page byte for byte: each case is Markdown and the TeX it holds.
final class MathTests: XCTestCase {
    private func math(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Math] {
        try Notebook.parse(source: markdown, path: "case.md").math
    }

    private func assertMath(_ markdown: String, _ expected: [String], display: [Bool]? = nil,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try math(markdown)
        XCTAssertEqual(found.map(\.tex), expected, file: file, line: line)
        if let display { XCTAssertEqual(found.map(\.display), display, file: file, line: line) }
    }

    /// 200,000 formulas in one paragraph, after a non-ASCII word: all found, each located at
    /// its own column (locating them took quadratic time).
    func testAParagraphOfManyFormulasIsReadWhole() throws {
        let count = 200_000
        let source = "é " + (0..<count).map { "$x_{\($0)}$" }.joined(separator: " ") + "\n"
        let found = try math(source)
        XCTAssertEqual(found.count, count)
        XCTAssertEqual(found.last?.tex, "x_{\(count - 1)}")
        let lastColumn = source.unicodeScalars.count - "$x_{\(count - 1)}$\n".unicodeScalars.count + 1
        XCTAssertEqual(found.last?.location, SourceLocation(line: 1, column: lastColumn))
        XCTAssertEqual(found.first?.location, SourceLocation(line: 1, column: 3))
    }

    /// Columns from the table agree with counting the scalars of the line's prefix.
    func testColumnsAgreeWithCountingScalars() {
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let pieces = ["a", " ", "é", "😀", "\t", "x_1", "∑", "\r"]
        for _ in 0..<200 {
            let lines = (0..<(1 + next() % 4)).map { _ in (0..<(next() % 30)).map { _ in pieces[next() % pieces.count] }.joined() }
            let text = SourceText(lines.joined(separator: "\n"))
            for (index, line) in text.lines.enumerated() {
                let bytes = Array(line.utf8)
                for offset in 0...bytes.count + 2 {
                    let prefix = bytes.prefix(offset)
                    let expected = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
                    XCTAssertEqual(text.location(line: index + 1, byteOffset: offset).column, expected, "\(line) at \(offset)")
                }
            }
        }
    }

    func testDisplayMathKeepsUnderscoresBracesAndBackslashes() throws {
        let tex = #"w_{i, n+1} = w_{i, n} - \eta \frac{\partial y}{\partial w_i}(w_{i, n})"#
        try assertMath("$$\(tex)$$\n", [tex], display: [true])
    }

    func testInlineMathBesideEmphasis() throws {
        let notebook = try Notebook.parse(source: "*note* $w_1 = w_2$ and $x_1$ *too*\n", path: "case.md")
        XCTAssertEqual(notebook.math.map(\.tex), ["w_1 = w_2", "x_1"])
        let html = notebook.parts.compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        XCTAssertTrue(html.contains("<em>note</em>"))
        XCTAssertTrue(html.contains("<em>too</em>"))
    }

    func testMathInTableCellListItemQuoteAndHeading() throws {
        try assertMath("| a | b |\n|---|---|\n| $|x|$ | $y_1$ |\n", ["|x|", "y_1"])
        try assertMath("- item $a_1$\n- item $b_2$\n", ["a_1", "b_2"])
        try assertMath("> quoted $c_{3}$\n", ["c_{3}"])
        try assertMath("## The $w_9$ update\n", ["w_9"])
    }

    func testTableCellWithPipeInMathStaysOneCell() throws {
        let notebook = try Notebook.parse(source: "| a | b |\n|---|---|\n| $|x|$ | 2 |\n", path: "case.md")
        let html = notebook.parts.compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        XCTAssertEqual(html.components(separatedBy: "<td>").count - 1, 2)
    }

    func testDollarsThatOpenNoMathStayText() throws {
        try assertMath(#"It costs \$5 and $5, not $ 6 $."# + "\n", [])
        try assertMath("Between $5 and $10 a day.\n", [])
    }

    func testDollarInCodeStaysCode() throws {
        try assertMath("Use `$x$` here.\n\n```python\nprint('$y$')\n```\n\n    $z$ indented\n", [])
    }

    func testBackslashDelimiters() throws {
        try assertMath(#"Inline \(a^2\) and display \[b_1\]."# + "\n", ["a^2", "b_1"], display: [false, true])
    }

    func testMultiLineDisplayBlock() throws {
        let tex = "\n\\begin{aligned}\na_{1} &= b_{2} \\\\\nc &= d\n\\end{aligned}\n"
        let notebook = try Notebook.parse(source: "Before.\n\n$$\(tex)$$\n\nAfter `x` on line 9.\n", path: "case.md")
        XCTAssertEqual(notebook.math.map(\.tex), [tex])
        XCTAssertEqual(notebook.math.first?.location, SourceLocation(line: 3, column: 1))
    }

    func testDisplayFlushAgainstText() throws {
        try assertMath("inputs $$x_1$$ and $$x_2$$ then\n", ["x_1", "x_2"], display: [true, true])
        try assertMath("text$$y = 1$$text\n", ["y = 1"])
    }

    func testCasesThatCmarkAloneBreaks() throws {
        try assertMath(#"$\{x\}$"# + "\n", [#"\{x\}"#])
        try assertMath("$a*b*c$ and $a^*$ then $b^*$\n", ["a*b*c", "a^*", "b^*"])
        try assertMath("$a<b>c$\n", ["a<b>c"])
        try assertMath(#"$x\_1$"# + "\n", [#"x\_1"#])
        try assertMath("$$\na\n- b\n$$\n", ["\na\n- b\n"])
    }

    func testDisplayLineStartingWithListMarkerMakesNoList() throws {
        let notebook = try Notebook.parse(source: "$$\na\n- b\n$$\n", path: "case.md")
        let html = notebook.parts.compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        XCTAssertFalse(html.contains("<li>"))
    }

    func testLocationsAreInTheFile() throws {
        let found = try math("---\ntitle: T\n---\n\nSee $a$ and é $b$.\n")
        XCTAssertEqual(found.map(\.location), [SourceLocation(line: 5, column: 5), SourceLocation(line: 5, column: 15)])
    }

    func testMathInImageAltBecomesText() throws {
        let notebook = try Notebook.parse(source: "![plot of $y_1$](p.svg)\n", path: "case.md")
        let html = notebook.parts.compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        XCTAssertTrue(html.contains(#"alt="plot of $y_1$""#), html)
    }
}
