import XCTest
@testable import Notebook

/// `@fig-…`, `@tbl-…`, `@eq-…` and `@sec-…` resolve to numbered links; misuse is a located error.
final class CrossReferenceTests: XCTestCase {
    private let source = """
    # Refs

    ## The update {#sec-update}

    Each weight moves against its gradient, @eq-update, as @sec-update says.

    $$w_{n+1} = w_n - \\eta g$$ {#eq-update}

    $$a = b$$   {#eq-second}

    See @fig-ties, @tbl-run and @eq-second. Mail me@fig-x.org; code `@fig-ties` stays.

    ```swift
    //| label: fig-ties
    //| caption: Equal weights
    1
    ```

    ```swift
    //| label: tbl-run
    2
    ```

    ```swift
    //| label: fig-second
    3
    ```

    ```swift
    //| label: plain-anchor
    4
    ```
    """

    private func html(_ notebook: Notebook) -> String {
        notebook.parts.compactMap { if case .html(let html) = $0 { html } else { nil } }.joined()
    }

    func testEveryKindResolvesAndIsNumberedInOrder() throws {
        let notebook = try Notebook.parse(source: source, path: "refs.md")
        XCTAssertEqual(notebook.crossReferences, [
            "sec-update": CrossReference(kind: .section, number: 1, text: "The update"),
            "eq-update": CrossReference(kind: .equation, number: 1, text: "Equation (1)"),
            "eq-second": CrossReference(kind: .equation, number: 2, text: "Equation (2)"),
            "fig-ties": CrossReference(kind: .figure, number: 1, text: "Figure 1"),
            "tbl-run": CrossReference(kind: .table, number: 1, text: "Table 1"),
            "fig-second": CrossReference(kind: .figure, number: 2, text: "Figure 2"),
        ])
        let text = html(notebook)
        XCTAssertTrue(text.contains(##"against its gradient, <a class="xref" href="#eq-update">Equation (1)</a>, as <a class="xref" href="#sec-update">The update</a> says."##), text)
        XCTAssertTrue(text.contains(##"See <a class="xref" href="#fig-ties">Figure 1</a>, <a class="xref" href="#tbl-run">Table 1</a> and <a class="xref" href="#eq-second">Equation (2)</a>."##), text)
        XCTAssertTrue(text.contains("<code>@fig-ties</code>"), text)
        XCTAssertFalse(text.contains("href=\"#fig-x"), text)
        XCTAssertEqual(notebook.headings.map(\.id), ["refs", "sec-update"])
        XCTAssertEqual(notebook.headings[1].text, "The update")
        XCTAssertEqual(notebook.math.map(\.label), ["eq-update", "eq-second"])
        XCTAssertEqual(notebook.math.map(\.number), [1, 2])
        XCTAssertEqual(notebook.math.map(\.tex), ["w_{n+1} = w_n - \\eta g", "a = b"])
    }

    private func problems(_ source: String) -> [String] {
        do {
            _ = try Notebook.parse(source: source, path: "lesson.md")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testAMissingLabelIsALocatedError() {
        XCTAssertEqual(problems("# T\n\n```swift\n//| label: fig-ties\n1\n```\n\nAs @fig-tie shows.\n"), [
            "lesson.md:8:4: error: no figure, table, equation, section or claim on this page is labelled 'fig-tie'; did you mean '@fig-ties'?",
        ])
        XCTAssertEqual(problems("Intro, then ünïcode @sec-nowhere.\n"), [
            "lesson.md:1:21: error: no figure, table, equation, section or claim on this page is labelled 'sec-nowhere'",
        ])
    }

    func testTwoLabelsAlikeAreALocatedError() {
        XCTAssertEqual(problems("```swift\n//| label: fig-a\n1\n```\n\n```swift\n//| label:   fig-a\n2\n```\n"), [
            "lesson.md:7:14: error: the label 'fig-a' is already used at line 2",
        ])
        XCTAssertEqual(problems("## A {#sec-a}\n\n$$x$$ {#eq-b}\n\n## B {#sec-a}\n"), [
            "lesson.md:5:8: error: the label 'sec-a' is already used at line 1",
        ])
    }

    func testALabelInTheWrongPlaceIsALocatedError() {
        XCTAssertEqual(problems("$$x$$ {#sec-a}\n\n## H {#eq-b}\n\n```swift\n//| label: eq-c\n1\n```\n"), [
            "lesson.md:1:9: error: an equation's label starts with 'eq-', not 'sec-a'",
            "lesson.md:3:8: error: a section's label starts with 'sec-', not 'eq-b'",
            "lesson.md:6:12: error: a cell's label that can be referenced starts with 'fig-' or 'tbl-', not 'eq-c'",
        ])
    }

    func testClaimsAreLabelledInTheirExpectCallAndNumbered() throws {
        let notebook = try Notebook.parse(source: """
        By @clm-ties and @clm-zero.

        ```swift
        expect(1 == 1, "equal", label: "clm-ties")
          expect(true, "zero",   label:  "clm-zero")
        ```
        """, path: "claims.md")
        XCTAssertEqual(notebook.crossReferences["clm-ties"], CrossReference(kind: .claim, number: 1, text: "Claim 1"))
        XCTAssertEqual(notebook.crossReferences["clm-zero"], CrossReference(kind: .claim, number: 2, text: "Claim 2"))
        XCTAssertTrue(html(notebook).contains(##"By <a class="xref" href="#clm-ties">Claim 1</a> and <a class="xref" href="#clm-zero">Claim 2</a>."##))
        XCTAssertEqual(problems("```swift\nexpect(true, \"a\", label: \"clm-a\")\nexpect(true, \"b\", label: \"clm-a\")\n```\n"), [
            "lesson.md:3:27: error: the label 'clm-a' is already used at line 2",
        ])
    }

    func testWhatIsNotAReference() throws {
        let notebook = try Notebook.parse(source: "a@fig-x, @figure, @fig-, @other-thing, `@eq-y`.\n", path: "t.md")
        XCTAssertEqual(html(notebook), "<p>a@fig-x, @figure, @fig-, @other-thing, <code>@eq-y</code>.</p>\n")
    }
}
