@testable import Notebook
import TestSupport
import XCTest

/// Every URL of a link, an image, an autolink or raw HTML passes `SafeURL` before cmark-gfm
/// renders it, in the default mode too.
final class DangerousURLTests: XCTestCase {
    /// A notebook's HTML with its headings written plainly, as cmark-gfm writes them.
    static func html(_ markdown: String, safe: Bool = false) throws -> String {
        plainHTML(try Notebook.parse(source: markdown, path: "lesson.md", safe: safe), marked: true)
    }

    func testLinksImagesAutolinksAndReferencesLoseDangerousURLs() throws {
        let markdown = """
            [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java&#x09;script:x) [d](&#106;avascript:x)
            [e](javascript&colon;x) [f](<  javascript:x>) [g](%6Aavascript:x) [h](vbscript:x) [i](data:text/html,x)
            [j](file:///etc/passwd) [k](data:image/png;base64,AA) ![l](javascript:x) ![m](data:text/html,x)
            ![n](data:image/svg+xml,x) <javascript:alert(1)> <VBSCRIPT:x> [o][r] ![p][r]

            [r]: javascript:alert(1) "title"

            """
        XCTAssertEqual(try Self.html(markdown), """
            <p><a href="">a</a> <a href="">b</a> <a href="">c</a> <a href="">d</a>
            <a href="">e</a> <a href="">f</a> <a href="">g</a> <a href="">h</a> <a href="">i</a>
            <a href="">j</a> <a href="">k</a> <img src="" alt="l" /> <img src="" alt="m" />
            <img src="" alt="n" /> <a href="">javascript:alert(1)</a> <a href="">VBSCRIPT:x</a> <a href="" title="title">o</a> <img src="" alt="p" title="title" /></p>

            """)
    }

    func testSafeURLsAreKeptByteForByte() throws {
        let markdown = """
            [a](other.html) [b](../x/y.html?q=1&r=2#s) [c](https://example.org/a%20b) [d](mailto:a@example.org)
            [e](#frag) ![f](data:image/png;base64,iVBORw0KGgo=) <https://example.org/?a=1> www.example.org/javascript:x

            """
        XCTAssertEqual(try Self.html(markdown), """
            <p><a href="other.html">a</a> <a href="../x/y.html?q=1&amp;r=2#s">b</a> <a href="https://example.org/a%20b">c</a> <a href="mailto:a@example.org">d</a>
            <a href="#frag">e</a> <img src="data:image/png;base64,iVBORw0KGgo=" alt="f" /> <a href="https://example.org/?a=1">https://example.org/?a=1</a> <a href="http://www.example.org/javascript:x">www.example.org/javascript:x</a></p>

            """)
    }

    func testGeneratedMarkdownObfuscationsAreDropped() throws {
        // What cmark-gfm decodes in a link destination (references, backslash escapes) and
        // what a browser would still read (case, percent escapes) never leaves a scheme alive.
        var random = SplitMix(seed: 42)
        for _ in 0..<300 {
            var destination = ""
            for character in "javascript:" {
                let scalar = character.unicodeScalars.first?.value ?? 0
                switch Int.random(in: 0..<6, using: &random) {
                case 0: destination += character.uppercased()
                case 1: destination += "&#\(scalar);"
                case 2: destination += "&#x\(String(scalar, radix: 16));"
                case 3: destination += "%" + String(scalar, radix: 16)
                case 4 where character == ":": destination += "\\:"
                default: destination.append(character)
                }
            }
            let html = try Self.html("[x](\(destination)alert(1)) ![y](\(destination)alert(1))\n")
            XCTAssertEqual(html, "<p><a href=\"\">x</a> <img src=\"\" alt=\"y\" /></p>\n", destination)
        }
    }

    func testRawHTMLKeepsHandlersButLosesDangerousURLs() throws {
        let markdown = """
            Inline <a href="javascript:x" onclick="f()">a</a> and <a href=JAVASCRIPT:x>b</a>.

            <div><a href=" java&#x09;script:x">c</a><img src="data:image/png;base64,AA" onerror="g()"></div>

            """
        XCTAssertEqual(try Self.html(markdown), """
            <p>Inline <a href="" onclick="f()">a</a> and <a >b</a>.</p>
            <div><a href="">c</a><img src="data:image/png;base64,AA" onerror="g()"></div>

            """)
    }

    func testMathAndReferencesInsideRawHTMLStayAsWritten() throws {
        // A tag the math masker cannot see whole (a `<` in a value, a line break) keeps its
        // text: a reference there is not turned into its target's words (which could spell a
        // scheme), a formula not into markup.
        let markdown = """
            # javascript {#sec-js}

            <a title="<" href="@sec-js:alert(1)">r</a> <a title="<" href="$x$:y">m</a> <a
            href="@sec-js:alert(2)" title="$a<b$">n</a> and @sec-js.

            """
        XCTAssertEqual(try Self.html(markdown), """
            <h1>javascript</h1>
            <p><a title="<" href="@sec-js:alert(1)">r</a> <a title="<" href="$x$:y">m</a> <a
            href="@sec-js:alert(2)" title="$a<b$">n</a> and <a class="xref" href="#sec-js">javascript</a>.</p>

            """)
    }

    func testCalloutsAndCellsAreTheSameMarkupAsBefore() throws {
        // weave's own blocks go into the document as custom nodes; their markup is unchanged.
        XCTAssertEqual(try Self.html("> [!NOTE]\n> text\n\n```swift\nlet a = 1\n```\n\n- item\n\n  ```swift\n  let b = 2\n  ```\n"), """
            <div class="callout callout-note" role="note">
            <p class="callout-title">\(Callouts.icon("note"))Note</p>
            <p>text</p>
            </div>
            <cell 0>
            <ul>
            <li>
            <p>item</p>
            <cell 1>
            </li>
            </ul>

            """)
    }
}
