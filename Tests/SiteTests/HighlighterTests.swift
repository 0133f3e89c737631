import XCTest
@testable import Site

/// The highlighter asks the source gate first: source the parser must not see is shown
/// escaped, without highlighting, instead of taking exponential time or stopping the process.
final class HighlighterTests: XCTestCase {
    func testOrdinarySourceIsHighlighted() {
        XCTAssertEqual(SwiftHighlighter.html("let a = [1]"),
                       #"<span class="hl-k">let</span> a = [<span class="hl-n">1</span>]"#)
    }

    func testSourceTheParserMustNotSeeIsShownEscaped() {
        let nested = "let a = " + String(repeating: "[", count: 25) + "1 < 2" + String(repeating: "]", count: 25)
        XCTAssertEqual(SwiftHighlighter.html(nested), nested.replacingOccurrences(of: "<", with: "&lt;"))
        XCTAssertEqual(SwiftHighlighter.html("let x \u{FEFF}= 1"), "let x \u{FEFF}= 1")
    }
}
