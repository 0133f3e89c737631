import Outputs
import XCTest

import Notebook
import Execution
@testable import Site

/// Cells run in order in one session per notebook; their outputs reach the page in order.
final class PageExecutionTests: XCTestCase {
    private func run(_ source: String) throws -> (page: String, problems: [String]) {
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let notebook = try Notebook.parse(source: source, path: "lesson.md")
        let (executed, problems) = builder.execute(notebook)
        let page = String(decoding: builder.renderPage(executed).contents, as: UTF8.self)
        return (page, problems.map(\.description))
    }

    func testCellsShareStateAndCountExecutions() throws {
        let (page, problems) = try run("""
        ```swift
        let a = 2
        print("a is", a)
        ```

        ```swift
        //| eval: false
        let never = 1
        ```

        ```swift
        a * 21
        ```
        """)
        XCTAssertEqual(problems, [])
        XCTAssertTrue(page.contains(#"<span class="prompt">In [1]:</span>"#), page)
        XCTAssertTrue(page.contains(#"<span class="prompt">In [ ]:</span>"#), page)
        XCTAssertTrue(page.contains(#"<span class="prompt">In [2]:</span>"#), page)
        XCTAssertTrue(page.contains(#"<pre class="output-stream">a is 2"#), page)
        XCTAssertTrue(page.contains("42"), page)
    }

    func testEchoAndOutputOptions() throws {
        let (page, _) = try run("""
        ```swift
        //| echo: false
        print("only the output")
        ```

        ```swift
        //| output: false
        print("hidden output")
        ```
        """)
        XCTAssertFalse(page.contains("&quot;only the output&quot;"))
        XCTAssertTrue(page.contains("only the output"))
        XCTAssertTrue(page.contains("&quot;hidden output&quot;"))
        XCTAssertFalse(page.contains(">hidden output\n"))
    }

    func testAFoldedCellShowsItsSourceUnderASummaryAndItsOutputInView() throws {
        let (page, _) = try run("""
        ```swift
        //| fold: true
        print("folded")
        ```
        """)
        XCTAssertTrue(page.contains("<details class=\"cell-fold\"><summary>Show code</summary><div class=\"cell-input\">"), page)
        XCTAssertTrue(page.contains("</pre></div></details><div class=\"cell-output\"><pre class=\"output-stream\">folded\n</pre>"), page)
    }

    func testAnUnexpectedErrorFailsAtItsLocationAndStopsTheNotebook() throws {
        let (_, problems) = try run("""
        # Lesson

        ```swift
        let net = 1
        print(nett)
        ```

        ```swift
        print(undefinedToo)
        ```
        """)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.hasPrefix("lesson.md:5:7: error: cannot find 'nett' in scope") ?? false, "\(problems)")
    }

    func testExpectedErrorIsShownAndTheBuildGoesOn() throws {
        let (page, problems) = try run("""
        ```swift
        //| error: true
        let x = [1, 2][5]
        ```

        ```swift
        print("after")
        ```
        """)
        XCTAssertEqual(problems, [])
        XCTAssertTrue(page.contains(#"<pre class="output-error""#), page)
        XCTAssertTrue(page.contains("after"), page)
    }

    func testAnErrorCellThatDoesNotFailIsAnError() throws {
        let (_, problems) = try run("Intro\n\n```swift\n//| error: true\nlet fine = 1\n```\n")
        XCTAssertEqual(problems, ["lesson.md:3:1: error: this cell is marked 'error: true' but ran without an error"])
    }

    func testFailedExpectationFailsTheBuildAtTheExpectCall() throws {
        let (page, problems) = try run("```swift\nlet w = 0.5\nexpect(w > 0, \"positive\")\nexpect(w > 1, \"above one\")\n```\n")
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.hasPrefix("lesson.md:4:1: error: expectation failed: above one") ?? false, "\(problems)")
        XCTAssertTrue(page.contains("positive"), page)
    }

    func testFrontMatterLimitsReachTheSession() throws {
        let (_, problems) = try run("---\nlimits: {steps: 1000}\n---\n\n```swift\nvar i = 0\nwhile true { i += 1 }\n```\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.hasPrefix("lesson.md:7:") ?? false, "\(problems)")
    }
}
