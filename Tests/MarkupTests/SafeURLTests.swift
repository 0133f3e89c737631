import TestSupport
import XCTest
@testable import Markup

/// `SafeURL`: dangerous schemes are dropped however they are written; everything else is
/// kept byte for byte.
final class SafeURLTests: XCTestCase {
    /// One way of writing `character` that a browser (or cmark-gfm, for Markdown) still reads
    /// as `character`: as it is, in the other case, as a numeric character reference in any of
    /// its forms, with a tab or a line break before it (the URL parser removes them), or as a
    /// percent escape (which weave reads as the character too, to be safe).
    static func disguise(_ character: Character, _ random: inout SplitMix) -> String {
        let scalar = character.unicodeScalars.first?.value ?? 0
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return character.isUppercase ? character.lowercased() : character.uppercased()
        case 1: return "&#\(scalar);"
        case 2: return "&#x\(String(scalar, radix: 16));"
        case 3: return "&#X\(String(scalar, radix: 16, uppercase: true));"
        case 4: return "&#000\(scalar)"
        case 5: return ["\t", "\n", "\r", "&Tab;", "&NewLine;", "&#9;", "&#x0A;"].randomElement(using: &random).map { $0 + String(character) } ?? ""
        case 6: return "%" + String(format: "%02X", scalar)
        case 7 where character == ":": return "&colon;"
        default: return String(character)
        }
    }

    /// Leading characters a browser strips before the scheme: controls and spaces.
    static func leading(_ random: inout SplitMix) -> String {
        let count = Int.random(in: 0..<4, using: &random)
        return String((0..<count).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...0x20, using: &random))) })
    }

    static let dangerous = ["javascript:document.title='pwned'", "vbscript:msgbox(1)", "data:text/html,<script>1</script>",
                            "file:///etc/passwd", "data:image/svg+xml,<svg onload=alert(1)>"]

    func testGeneratedObfuscationsOfDangerousSchemesAreAllDropped() {
        var random = SplitMix(seed: 20_240_601)
        var checked = 0
        for _ in 0..<2_000 {
            guard let url = Self.dangerous.randomElement(using: &random) else { continue }
            let colon = url.firstIndex(of: ":") ?? url.endIndex
            let scheme = url[...colon].map { Self.disguise($0, &random) }.joined()
            let variant = Self.leading(&random) + scheme + url[url.index(after: colon)...]
            XCTAssertTrue(SafeURL.isDangerous(variant), variant.debugDescription)
            XCTAssertTrue(SafeURL.isDangerous(variant, asImage: true), variant.debugDescription)
            XCTAssertEqual(SafeURL.filtered(variant), "", variant.debugDescription)
            XCTAssertEqual(HTML.element("a", ["href": variant], content: "x"), #"<a href="">x</a>"#, variant.debugDescription)
            // The same URL written by hand into raw HTML, quoted: the value is emptied.
            let attribute = variant.replacingOccurrences(of: "\"", with: "&quot;")
            XCTAssertEqual(SafeURL.disarmingURLs(inRawHTML: "<a href=\"\(attribute)\" onclick=\"f()\">x</a>"),
                           "<a href=\"\" onclick=\"f()\">x</a>", variant.debugDescription)
            checked += 1
        }
        XCTAssertEqual(checked, 2_000)
    }

    func testGeneratedSafeURLsAreKeptByteForByte() {
        var random = SplitMix(seed: 7)
        let pathCharacters = Array("abcxyzABCXYZ0189-._~!$&'()*+,;=@%/:")
        let starts = ["", "./", "../", "/", "https://example.org/", "http://localhost:8765/", "HTTPS://EXAMPLE.ORG/",
                      "mailto:", "#", "?q=", "tel:+", "ftp://host/"]
        for _ in 0..<2_000 {
            var url = starts.randomElement(using: &random) ?? ""
            // A relative URL's first segment never holds a colon (it would be a scheme).
            let firstSegment = url.isEmpty || url == "/" || url == "./" || url == "../"
            for position in 0..<Int.random(in: 1..<40, using: &random) {
                guard var character = pathCharacters.randomElement(using: &random) else { continue }
                if firstSegment && character == ":" && !url.contains("/") || position == 0 && character == ":" { character = "a" }
                url.append(character)
            }
            XCTAssertFalse(SafeURL.isDangerous(url), url)
            XCTAssertEqual(SafeURL.filtered(url), url)
            XCTAssertEqual(HTML.element("a", ["href": url], content: ""), "<a href=\"\(HTML.escape(url))\"></a>")
        }
    }

    func testSafeURLsAndImagesAreKept() {
        for url in ["other.html", "../up/x.html?a=1&b=2#top", "https://example.org/a%20b?x=1&y=2#f", "mailto:someone@example.org",
                    "#frag", "", "javascript-notes.html", "./javascript:x.html", "notes/data:x", "HTTP://Example.org/"] {
            XCTAssertEqual(SafeURL.filtered(url), url)
        }
        for url in ["data:image/png;base64,iVBORw0KGgo=", "data:image/gif;base64,R0lGOD", "data:image/jpeg;base64,/9j/",
                    "data:image/webp;base64,UklGR", "DATA:IMAGE/PNG;base64,iVBORw0KGgo="] {
            XCTAssertEqual(SafeURL.filtered(url, asImage: true), url)
            XCTAssertEqual(SafeURL.filtered(url), "", "a data URL is an image's source, never a link")
        }
        XCTAssertEqual(SafeURL.filtered("data:image/svg+xml;base64,PHN2Zz4=", asImage: true), "")
        XCTAssertEqual(HTML.void("img", ["src": "data:image/png;base64,AA", "alt": "dot"]), #"<img src="data:image/png;base64,AA" alt="dot">"#)
        XCTAssertEqual(HTML.void("img", ["src": "data:text/html,x", "alt": "dot"]), #"<img src="" alt="dot">"#)
        XCTAssertEqual(HTML.element("script", ["src": "data:image/png;base64,AA"], content: ""), #"<script src=""></script>"#)
    }

    func testRawHTMLKeepsEverythingButDangerousURLs() {
        let cases: [(String, String)] = [
            // Quoted values are emptied; unquoted ones go with their attribute.
            (#"<a href="javascript:x()" onclick="f()">a</a>"#, #"<a href="" onclick="f()">a</a>"#),
            ("<a href=javascript:x() title=t>a</a>", "<a  title=t>a</a>"),
            (#"<A HREF = ' JaVa&#x09;ScRiPt&colon;x'>a</A>"#, "<A HREF = ''>a</A>"),
            (#"<a/href="javascript:x">a</a>"#, #"<a/href="">a</a>"#),
            (#"<a title="t"href="vbscript:x">a</a>"#, #"<a title="t"href="">a</a>"#),
            (#"<form action="javascript:x"><button formaction=javascript:y>b</button></form>"#, #"<form action=""><button >b</button></form>"#),
            (#"<svg><a xlink:href="javascript:x"><text>t</text></a></svg>"#, #"<svg><a xlink:href=""><text>t</text></a></svg>"#),
            (#"<svg><set attributeName="href" to="javascript:x"/><animate values="0;javascript:x"/></svg>"#,
             #"<svg><set attributeName="href" to=""/><animate values=""/></svg>"#),
            (#"<img srcset="a.png 1x, javascript:x 2x" src="a.png">"#, #"<img srcset="" src="a.png">"#),
            (#"<img src="data:image/png;base64,AA" srcset="data:image/gif;base64,R0 2x">"#, #"<img src="data:image/png;base64,AA" srcset="data:image/gif;base64,R0 2x">"#),
            (#"<iframe src="data:text/html,x"></iframe><object data="javascript:x"></object>"#, #"<iframe src=""></iframe><object data=""></object>"#),
            (#"<video poster="javascript:x"></video><table background="file:///x"></table>"#, #"<video poster=""></video><table background=""></table>"#),
            (#"<meta http-equiv="Refresh" content="0; URL='javascript:x'">"#, #"<meta http-equiv="Refresh" content="">"#),
            (#"<meta http-equiv="refresh" content="5; url=https://example.org/">"#, #"<meta http-equiv="refresh" content="5; url=https://example.org/">"#),
            (#"<meta name="description" content="x; javascript:y">"#, #"<meta name="description" content="x; javascript:y">"#),
            // A tag inside another's quoted value is read too: a browser in another context sees it.
            (#"<noscript><p title="</noscript><a href=javascript:x>">"#, #"<noscript><p title="</noscript><a >">"#),
            (#"<!-- <a href="javascript:x"> -->"#, #"<!-- <a href=""> -->"#),
            // Handlers, styles and safe URLs are the author's choice and stay.
            (#"<img src=x onerror="document.title='t'" style="color: red">"#, #"<img src=x onerror="document.title='t'" style="color: red">"#),
            (#"<a href="https://example.org/?a=1&amp;b=2">ok</a> <a href='#f'>f</a>"#, #"<a href="https://example.org/?a=1&amp;b=2">ok</a> <a href='#f'>f</a>"#),
            ("text without tags: javascript:x", "text without tags: javascript:x"),
            ("<a href=\"javascript:x", "<a href=\""),
            ("< a href=javascript:x>", "< a href=javascript:x>"),
        ]
        for (raw, expected) in cases {
            XCTAssertEqual(SafeURL.disarmingURLs(inRawHTML: raw), expected, raw)
        }
    }

    func testWhatIsLeftHasNoDangerousURLInAnyReading() {
        // Nested tags: both values go.
        let nested = #"<a title='<b href="javascript:1">' href="javascript:2">x</a>"#
        XCTAssertEqual(SafeURL.disarmingURLs(inRawHTML: nested), #"<a title='<b href="">' href="">x</a>"#)
        // Emptying the inner value takes the outer value's closing quote with it; the text is
        // read again until nothing is found, so what is left is safe however it is read.
        let crossed = #"<a title="<b href='javascript:1">' href=x>"#
        let disarmed = SafeURL.disarmingURLs(inRawHTML: crossed)
        XCTAssertEqual(disarmed, #"<a title="<b href='' href=x>"#)
        XCTAssertEqual(SafeURL.dangerousRanges(in: Array(disarmed.unicodeScalars)), [])
    }

    func testHTMLMadeToCostTooMuchIsOmittedNotGuessedAt() {
        // Every `<` starts a tag whose quoted values hold the rest: reading them all would take
        // time quadratic in the length.
        let nested = String(repeating: #"<a b="<a b='"#, count: 20_000) + "javascript:x"
        XCTAssertEqual(SafeURL.disarmingURLs(inRawHTML: nested + "\n"), "<!-- raw HTML omitted -->\n")
        // A URL escaped over and over is read a few rounds deep, in time linear in its length.
        let deep = "%" + String(repeating: "25", count: 100_000) + "6Aavascript:x"
        XCTAssertFalse(SafeURL.isDangerous(deep))
        XCTAssertTrue(SafeURL.isDangerous("%25256Aavascript:x"))
    }

    func testAPageLinkNeverReadsAsAScheme() {
        XCTAssertEqual(SafeURL.relativeLink(toFile: "01-intro.html"), "01-intro.html")
        XCTAssertEqual(SafeURL.relativeLink(toFile: "javascript:alert(1).html"), "./javascript:alert(1).html")
        XCTAssertEqual(SafeURL.relativeLink(toFile: "a#b:c.html"), "a#b:c.html")
        XCTAssertFalse(SafeURL.isDangerous(SafeURL.relativeLink(toFile: "javascript:alert(1).html")))
    }
}
