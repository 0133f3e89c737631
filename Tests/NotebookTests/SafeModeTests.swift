@testable import Notebook
import XCTest

/// Safe mode: raw HTML is omitted wherever Markdown can hold it, and nothing weave makes of
/// an author's text (callout titles, captions, formulas, references) lets markup through.
final class SafeModeTests: XCTestCase {
    private func html(_ markdown: String) throws -> String {
        try DangerousURLTests.html(markdown, safe: true)
    }

    private let image = #"<img src=x onerror="document.title='pwned'">"#
    private let omitted = "<!-- raw HTML omitted -->"

    func testRawHTMLIsOmittedInEveryConstruct() throws {
        let cases: [(String, String)] = [
            ("A paragraph \(image) <b onmouseover=\"f()\">bold</b>.\n",
             "<p>A paragraph \(omitted) \(omitted)bold\(omitted).</p>\n"),
            ("## A heading \(image)\n", "<h2>A heading \(omitted)</h2>\n"),
            ("- an item \(image)\n- <details open ontoggle=\"f()\">d</details>\n",
             "<ul>\n<li>an item \(omitted)</li>\n<li>\n\(omitted)\n</li>\n</ul>\n"),
            ("> A quote \(image)\n", "<blockquote>\n<p>A quote \(omitted)</p>\n</blockquote>\n"),
            ("| a \(image) |\n| --- |\n| \(image) |\n",
             "<table>\n<thead>\n<tr>\n<th>a \(omitted)</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>\(omitted)</td>\n</tr>\n</tbody>\n</table>\n"),
            ("A note[^1].\n\n[^1]: It says \(image)\n",
             "<p>A note<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n"
             + "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>It says \(omitted) "
             + "<a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a></p>\n</li>\n</ol>\n</section>\n"),
            ("<svg onload=\"f()\"><circle r=\"5\"/></svg>\n\n<div>\n<a href=\"javascript:x\">a</a>\n</div>\n",
             "<p>\(omitted)\(omitted)\(omitted)</p>\n\(omitted)\n"),
            ("<math><mtext><table><mglyph><style><img src=x onerror=\"f()\">\n",
             "<p>" + String(repeating: omitted, count: 6) + "</p>\n"),
            ("<noscript><p title=\"</noscript><img src=x onerror=f()>\"></noscript>\n", "<p>\(omitted)\(omitted)\(omitted)</p>\n"),
            ("<iframe srcdoc=\"<script>f()</script>\"></iframe>\n<script>f()</script>\n", "\(omitted)\n"),
        ]
        for (markdown, expected) in cases {
            XCTAssertEqual(try html(markdown), expected, markdown)
        }
    }

    func testCalloutsKeepTheirMarkupAndOmitTheAuthorsHTML() throws {
        XCTAssertEqual(try html("> [!WARNING]\n> Mind \(image)\n"), """
            <div class="callout callout-warning" role="note">
            <p class="callout-title">\(Callouts.icon("warning"))Warning</p>
            <p>Mind \(omitted)</p>
            </div>

            """)
        // A title is text: markup written in it (escaped in Markdown, so that it is text) shows as text.
        XCTAssertEqual(try html("> [!TIP]- \\<img src=x onerror=f()> &lt;b&gt;\n> Body\n"), """
            <details class="callout callout-tip">
            <summary class="callout-title">\(Callouts.icon("tip"))&lt;img src=x onerror=f()&gt; &lt;b&gt;</summary>
            <p>Body</p>
            </details>

            """)
        // Raw HTML in a title leaves the quote a quote, with its HTML omitted.
        XCTAssertEqual(try html("> [!TIP]- \(image)\n> Body\n"),
                       "<blockquote>\n<p>[!TIP]- \(omitted)\nBody</p>\n</blockquote>\n")
    }

    func testFormulasReferencesAndTitlesStayText() throws {
        let notebook = try Notebook.parse(source: """
            ---
            title: "</title><script>f()</script>"
            ---
            # javascript <b>bold</b> {#sec-js}

            $<img src=x onerror=f()>$ in text, ![alt $</b>$ and @sec-js](x.png "title $'$ and @sec-js"), and <a
            href="@sec-js:f()">a tag</a> over two lines; see @sec-js.

            """, path: "lesson.md", safe: true)
        XCTAssertEqual(notebook.title, "</title><script>f()</script>")
        XCTAssertTrue(notebook.safe)
        XCTAssertEqual(notebook.headings.first?.text, "javascript bold")
        XCTAssertEqual(notebook.parts, [
            .heading(0),
            .html("<p>"),
            .math(notebook.math[0]),
            .html(" in text, <img src=\"x.png\" alt=\"alt $&lt;/b&gt;$ and javascript bold\" title=\"title $'$ and @sec-js\" />, and \(omitted)a tag\(omitted) over two lines; see "
                  + "<a class=\"xref\" href=\"#sec-js\">javascript bold</a>.</p>\n"),
        ])
        XCTAssertEqual(notebook.math.map(\.tex), ["<img src=x onerror=f()>"])
        XCTAssertEqual(notebook.headings.first?.markup, [.html("javascript \(omitted)bold\(omitted)")])
    }

    func testDangerousURLsAreDroppedAsInTheDefaultMode() throws {
        XCTAssertEqual(try html("[a](javascript:x) ![b](data:image/png;base64,AA) <vbscript:x> [c](https://example.org/)\n"),
                       "<p><a href=\"\">a</a> <img src=\"data:image/png;base64,AA\" alt=\"b\" /> <a href=\"\">vbscript:x</a> <a href=\"https://example.org/\">c</a></p>\n")
    }

    func testTheDefaultModeIsUnchanged() throws {
        XCTAssertEqual(try DangerousURLTests.html("A \(image).\n"), "<p>A \(image).</p>\n")
        XCTAssertFalse(try Notebook.parse(source: "A.\n", path: "a.md").safe)
    }
}
