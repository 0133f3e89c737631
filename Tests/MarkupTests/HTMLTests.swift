import XCTest
import Markup

final class HTMLTests: XCTestCase {
    func testEscapeCoversTextAndAttributes() {
        XCTAssertEqual(HTML.escape(#"a < b && c > "d" 'e' \frac{x}{y}"#),
                       #"a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39; \frac{x}{y}"#)
        XCTAssertEqual(HTML.escape("∂y/∂w₉ — ok"), "∂y/∂w₉ — ok")
    }

    func testElementsEscapeAttributeValuesInOrder() {
        XCTAssertEqual(HTML.element("a", ["href": "x.html?a=1&b=2", "title": "\"q\""], content: "<b>x</b>"),
                       #"<a href="x.html?a=1&amp;b=2" title="&quot;q&quot;"><b>x</b></a>"#)
        XCTAssertEqual(HTML.void("meta", ["charset": "utf-8"]), #"<meta charset="utf-8">"#)
    }

    func testJSONStringsCannotCloseTheirScript() {
        XCTAssertEqual(HTML.scriptJSONString("a\"b\\c</script><!--\u{1}\n\u{2028}é"),
                       #""a\"b\\c\u003c/script>\u003c!--\u0001\u000a\u2028é""#)
    }

    func testSlugsAreStableAndUnique() {
        var slugger = Slugger()
        XCTAssertEqual(slugger.slug("Why equal weights stay equal"), "why-equal-weights-stay-equal")
        XCTAssertEqual(slugger.slug("Zero  init: never moves!"), "zero-init-never-moves")
        XCTAssertEqual(slugger.slug("Setup"), "setup")
        XCTAssertEqual(slugger.slug("Setup"), "setup-1")
        XCTAssertEqual(slugger.slug("Setup 1"), "setup-1-1")
        XCTAssertEqual(slugger.slug("Setup"), "setup-2")
        XCTAssertEqual(slugger.slug("∂y/∂w"), "yw")
        XCTAssertEqual(slugger.slug("???"), "section")
        XCTAssertEqual(slugger.slug("Größe"), "größe")
    }
}
