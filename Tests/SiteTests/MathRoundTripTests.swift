import Outputs
import Foundation
import XCTest
import Notebook
@testable import Site

/// The page must carry every formula byte for byte (HTML-escaped) for KaTeX to typeset:
/// these tests take the TeX back out of the generated page and compare it with the source.
final class MathRoundTripTests: XCTestCase {
    static let cases: [(markdown: String, tex: [String])] = [
        (#"$$w_{i, n+1} = w_{i, n} - \eta \frac{\partial y}{\partial w_i}(w_{i, n})$$"#,
         [#"w_{i, n+1} = w_{i, n} - \eta \frac{\partial y}{\partial w_i}(w_{i, n})"#]),
        ("*note* $w_1 = w_2$ and $x_1$ *too*", ["w_1 = w_2", "x_1"]),
        ("| col | other |\n|---|---|\n| $|x|$ | $w_{10}$ |", ["|x|", "w_{10}"]),
        ("- a list item with $y_3 = w_5 y_1 + w_7 y_2$", ["y_3 = w_5 y_1 + w_7 y_2"]),
        ("> a quote with $\\partial y / \\partial w_9$", ["\\partial y / \\partial w_9"]),
        ("## A heading with $w_9 = w_{10}$", ["w_9 = w_{10}"]),
        (#"It costs \$5, or $5 if you insist."#, []),
        ("Code `$x_1$` stays code.\n\n```text\n$y_2$\n```", []),
        (#"Parentheses \(a^2 + b^2\) and brackets \[c^2\]"#, ["a^2 + b^2", "c^2"]),
        ("$$\n\\begin{aligned}\na_{1} &= b_{2} \\\\\nc &= d\n\\end{aligned}\n$$",
         ["\n\\begin{aligned}\na_{1} &= b_{2} \\\\\nc &= d\n\\end{aligned}\n"]),
        ("left$$x = 1$$right and $$y$$.", ["x = 1", "y"]),
        (#"$\{x\}$"#, [#"\{x\}"#]),
        ("$a*b*c$ then $a^*$ and $b^*$", ["a*b*c", "a^*", "b^*"]),
        ("$a<b>c$", ["a<b>c"]),
        ("$$\na\n- b\n$$", ["\na\n- b\n"]),
        (#"$x\_1$"#, [#"x\_1"#]),
    ]

    func testEveryFormulaReachesThePageByteForByte() throws {
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        for (markdown, expected) in Self.cases {
            let notebook = try Notebook.parse(source: markdown + "\n", path: "case.md")
            let page = String(decoding: builder.renderPage(builder.execute(notebook).0).contents, as: UTF8.self)
            XCTAssertEqual(Self.formulas(in: page), expected, "from: \(markdown)")
        }
    }

    func testAllCasesInOnePage() throws {
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let markdown = Self.cases.map(\.markdown).joined(separator: "\n\n")
        let notebook = try Notebook.parse(source: markdown, path: "all.md")
        let page = String(decoding: builder.renderPage(builder.execute(notebook).0).contents, as: UTF8.self)
        XCTAssertEqual(Self.formulas(in: page), Self.cases.flatMap(\.tex))
    }

    /// The text of every `<span class="math …">`, unescaped: what KaTeX receives.
    static func formulas(in page: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: #"<span class="math (?:inline|display)">(.*?)</span>"#,
                                               options: [.dotMatchesLineSeparators])
        let range = NSRange(page.startIndex..., in: page)
        return (pattern?.matches(in: page, range: range) ?? []).compactMap { match in
            Range(match.range(at: 1), in: page).map { unescape(String(page[$0])) }
        }
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
