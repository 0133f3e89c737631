import Notebook
import XCTest
@testable import Site

/// The search index holds each section's heading, prose, captions and claims, not its code
/// or outputs, and the same notebooks always give the same bytes.
final class SearchIndexTests: XCTestCase {
    private let source = """
    # Lesson one

    Intro words: gradient and <em>emphasis</em> &amp; more.

    ## Xavier's start

    The spread survives.

    ```swift
    //| caption: Histogram of activations
    let hiddenVariable = 42
    expect(hiddenVariable == 42, "the answer holds")
    print("printed output words")
    ```

    ### Deeper

    Tanh saturates.
    """

    private func index() throws -> SearchIndex {
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let notebook = try Notebook.parse(source: source, path: "one.md")
        return SearchIndex([builder.execute(notebook).0])
    }

    func testSectionsHoldTheirProseCaptionsAndClaims() throws {
        let index = try index()
        XCTAssertEqual(index.lessons.map(\.page), ["one.html"])
        XCTAssertEqual(index.sections.map(\.anchor), ["lesson-one", "xaviers-start", "deeper"])
        XCTAssertEqual(index.sections.map(\.title), ["Lesson one", "Xavier's start", "Deeper"])
        XCTAssertEqual(index.sections[0].words, ["lesson", "one", "intro", "words", "gradient", "emphasis", "more"])
        XCTAssertEqual(index.sections[1].words, ["xavier", "start", "spread", "survives", "histogram", "activations", "answer", "holds"])
        XCTAssertEqual(index.sections[2].words, ["deeper", "tanh", "saturates"])
    }

    func testTheScriptIsDeterministicAndEscaped() throws {
        let first = try index().script, second = try index().script
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.hasPrefix(#"window.weaveSearchIndex={"lessons":[["one.html","Lesson one"]],"#), first)
        XCTAssertTrue(first.contains(#""xavier":[1]"#), first)
        XCTAssertTrue(first.contains(#""gradient":[0]"#), first)
        XCTAssertFalse(first.contains("hiddenvariable"), "code is not indexed")
        XCTAssertFalse(first.contains("printed"), "outputs are not indexed")
        XCTAssertEqual(SearchIndex.json("a\"b\\c</script>\u{1}"), #""a\"b\\c\u003c/script>\u0001""#)
    }
}
