import Markup
import TestSupport
import XCTest

/// The gate before swift-syntax: forbidden characters anywhere, and bracket depth counted in
/// code only (not in comments or string literals, but in interpolations).
final class SwiftSourceGateTests: XCTestCase {
    func testForbiddenCharactersAreLocated() {
        XCTAssertEqual(SwiftSourceGate.check("let x = 1\nlet y \u{FEFF}= 2"),
                       .init(line: 1, column: 6, message: "the character U+FEFF (a byte order mark) cannot appear in Swift source"))
        XCTAssertEqual(SwiftSourceGate.check("// a comment \u{7F}")?.message, "the character U+007F (a control character) cannot appear in Swift source")
        XCTAssertEqual(SwiftSourceGate.check("\"\u{85}\"")?.message, "the character U+0085 (a control character) cannot appear in Swift source")
        XCTAssertNil(SwiftSourceGate.check("let tab =\t1\r\nlet s = \"é 😀 \\u{7F}\""))
    }

    /// Random cells of nested brackets, some wrapped in strings, comments and raw strings,
    /// some inside interpolations: the gate refuses exactly those whose code opens more than
    /// 12 square brackets (or 64 brackets of any kind) at once.
    func testBracketDepthIsCountedInCodeOnly() {
        var generator = SplitMix(seed: 7)
        var refused = 0, accepted = 0
        for _ in 0..<2_000 {
            let squares = Int(generator.next() % 20), rounds = Int(generator.next() % 70)
            let opening = String(repeating: "[", count: squares) + String(repeating: "(", count: rounds)
            let closing = String(repeating: ")", count: rounds) + String(repeating: "]", count: squares)
            let body = opening + "1" + closing
            let wrapped: String, counted: Bool
            switch generator.next() % 6 {
            case 0: (wrapped, counted) = ("let a = " + body, true)
            case 1: (wrapped, counted) = ("let a = \"" + opening + "\"", false)
            case 2: (wrapped, counted) = ("// " + opening + "\nlet a = 1", false)
            case 3: (wrapped, counted) = ("/* " + opening + " /* */ */ let a = 1", false)
            case 4: (wrapped, counted) = ("let a = #\"\\(" + opening + "\"#", false)
            default: (wrapped, counted) = ("let a = \"x\\(" + body + ")\"", true)
            }
            // An interpolation is one more level of nesting.
            let extra = wrapped.hasPrefix("let a = \"x") ? 1 : 0
            let expected = counted && (squares > 12 || squares + rounds + extra > 64)
            let refusal = SwiftSourceGate.check(wrapped)
            XCTAssertEqual(refusal != nil, expected, wrapped)
            if refusal != nil { refused += 1 } else { accepted += 1 }
        }
        XCTAssertGreaterThan(refused, 300)
        XCTAssertGreaterThan(accepted, 300)
    }
}
