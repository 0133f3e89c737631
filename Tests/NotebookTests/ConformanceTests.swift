import Foundation
import XCTest
@testable import Notebook

/// weave's Markdown is cmark-gfm's: the GFM spec examples render as the spec says, except
/// where weave gives syntax a meaning of its own (math delimiters, front matter, swift cells).
final class ConformanceTests: XCTestCase {
    struct Example {
        var number: Int
        var line: Int
        var markdown: String
        var html: String
        var disabled: Bool
    }

    /// The spec as CI lays it out: `shared/` beside the project's clone.
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/gfm-spec.txt").path

    static func examples() -> [Example]? {
        guard let text = try? String(contentsOfFile: specPath, encoding: .utf8) else { return nil }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var state = 0, markdown = "", html = "", start = 0, disabled = false
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            switch state {
            case 0 where line.hasPrefix(fence + " example"):
                state = 1; markdown = ""; html = ""; start = offset + 1; disabled = line.contains("disabled")
            case 1 where line == ".": state = 2
            case 1: markdown += line + "\n"
            case 2 where line == fence:
                examples.append(Example(number: examples.count + 1, line: start,
                                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                        html: html.replacingOccurrences(of: "→", with: "\t"), disabled: disabled))
                state = 0
            case 2: html += line + "\n"
            default: break
            }
        }
        return examples
    }

    /// Examples whose meaning weave changes on purpose: a leading `---` (front matter), a
    /// `swift` fence (a cell), or delimiters that weave reads as math.
    static func changedByWeave(_ example: Example) -> Bool {
        let markdown = example.markdown
        if markdown.hasPrefix("---") || markdown.contains("```swift") || markdown.contains("~~~swift") { return true }
        return (try? Notebook.parse(source: markdown, path: "example.md").math.isEmpty) != true
    }

    /// Whitespace between tags and runs of whitespace do not count, nor the ids and anchor
    /// links weave adds to headings; table alignment is the same as a style or an attribute.
    static func normalize(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<a class="anchor" href="[^"]*" aria-label="Link to this section"></a>"#,
                                             with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #" id="[^"]*""#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #" style="text-align: (\w+)""#, with: #" align="$1""#, options: .regularExpression)
        text = text.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The notebook's HTML with headings written plainly (`<h2>…</h2>`, as cmark-gfm writes them).
    static func weaveHTML(_ markdown: String) throws -> String {
        plainHTML(try Notebook.parse(source: markdown, path: "example.md"), marked: false)
    }

    func testSpecExamples() throws {
        guard let examples = Self.examples() else {
            print("ConformanceTests: \(Self.specPath) is absent; the GFM spec examples were not checked")
            return
        }
        XCTAssertEqual(examples.count, 673)
        let checked = examples.filter { !$0.disabled && !Self.changedByWeave($0) }
        var passed = 0
        var failed: [Int] = []
        var differentFromCmark: [Int] = []
        for example in checked {
            let ours = try Self.weaveHTML(example.markdown)
            if Self.normalize(ours) == Self.normalize(example.html) { passed += 1 } else { failed.append(example.number) }
            // Wherever weave changes nothing, it must agree with cmark-gfm alone, byte for byte
            // apart from heading ids.
            if Self.normalize(ours) != Self.normalize(CMarkDocument.plainHTML(example.markdown)) {
                differentFromCmark.append(example.number)
            }
        }
        print("ConformanceTests: \(passed) of \(checked.count) GFM spec examples render as the spec expects")
        XCTAssertEqual(differentFromCmark, [], "examples where weave departs from cmark-gfm")
        // The examples that the GFM extensions themselves contradict: tagfilter disarms the raw
        // <script>, <style> and <textarea> blocks of 140–147, and the extended autolinks turn
        // the bare URLs and addresses of 610–620 into links. cmark-gfm fails the same ones.
        XCTAssertEqual(failed, [140, 141, 142, 145, 147, 610, 614, 616, 619, 620])
        XCTAssertEqual(passed, 658)
    }
}

/// A notebook's HTML with its headings written plainly (`<h2>…</h2>`, as cmark-gfm writes
/// them); formulas and cells are shown as `<math>tex</math>` and `<cell 0>` when `marked`,
/// left out otherwise.
func plainHTML(_ notebook: Notebook, marked: Bool) -> String {
    func html(_ parts: [Notebook.Part]) -> String {
        parts.map { part in
            switch part {
            case .html(let html): html
            case .heading(let index):
                "<h\(notebook.headings[index].level)>" + html(notebook.headings[index].markup) + "</h\(notebook.headings[index].level)>\n"
            case .math(let math): marked ? "<math>\(math.tex)</math>" : ""
            case .cell(let index): marked ? "<cell \(index)>" : ""
            }
        }.joined()
    }
    return html(notebook.parts)
}
