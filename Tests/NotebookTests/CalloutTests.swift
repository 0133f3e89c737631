@testable import Notebook
import XCTest

/// GitHub's alert syntax renders as callouts; everything else stays a block quote.
final class CalloutTests: XCTestCase {
    private func html(_ markdown: String) -> String { CMarkDocument.render(markdown).html }

    func testEveryKindBecomesATitledCallout() {
        for (kind, title) in zip(Callouts.kinds, ["Note", "Tip", "Important", "Warning", "Caution"]) {
            let rendered = html("> [!\(kind.uppercased())]\n> Mind the *gap*.\n")
            XCTAssertEqual(rendered, """
                <div class="callout callout-\(kind)" role="note">
                <p class="callout-title">\(Callouts.icon(kind))\(title)</p>
                <p>Mind the <em>gap</em>.</p>
                </div>

                """)
        }
    }

    func testCollapsibleCalloutsWithTitles() {
        XCTAssertEqual(html("> [!TIP]- Solution & hint\n> It is 42.\n"), """
            <details class="callout callout-tip">
            <summary class="callout-title">\(Callouts.icon("tip"))Solution &amp; hint</summary>
            <p>It is 42.</p>
            </details>

            """)
        XCTAssertTrue(html("> [!caution]+\n> open\n").hasPrefix("<details class=\"callout callout-caution\" open>"))
    }

    func testCellsAndNestedQuotesInsideCalloutsKeepTheirPlaces() {
        let rendered = CMarkDocument.render("> [!NOTE]\n> text\n>\n> ```swift\n> print(1)\n> ```\n>\n> > [!WARNING]\n> > inner\n")
        XCTAssertEqual(rendered.cells.count, 1)
        XCTAssertTrue(rendered.html.contains("<p>text</p>\n" + Placeholder.marker(.cell, 0)), rendered.html)
        XCTAssertTrue(rendered.html.contains("callout-warning"), rendered.html)
        XCTAssertFalse(rendered.html.contains("blockquote"), rendered.html)
    }

    func testWhatIsNotAMarkerStaysAQuote() {
        for markdown in ["> Plain [!NOTE]\n", "> [!NOTE] with text on the marker line\n", "> [!DANGER]\n> unknown kind\n",
                         "> [!NOTE\n> unclosed\n", "> *[!NOTE]*\n> emphasised\n", "[!NOTE]\nnot quoted\n"] {
            XCTAssertFalse(html(markdown).contains("callout"), markdown)
        }
        XCTAssertEqual(Callouts.marker("[!NOTE]"), Callouts.Marker(kind: "note", open: nil, title: nil))
        XCTAssertEqual(Callouts.marker("[!Tip]-  Exercise 1 "), Callouts.Marker(kind: "tip", open: false, title: "Exercise 1"))
        XCTAssertNil(Callouts.marker("[!NOTE]x"))
    }

    func testAnEmptyCalloutHasOnlyItsTitle() {
        XCTAssertEqual(html("> [!IMPORTANT]\n"), """
            <div class="callout callout-important" role="note">
            <p class="callout-title">\(Callouts.icon("important"))Important</p>
            </div>

            """)
    }
}
