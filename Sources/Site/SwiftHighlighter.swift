import Markup
internal import SwiftIDEUtils
internal import SwiftParser
internal import SwiftSyntax

/// Highlights Swift source on the server with swift-syntax's classification: the result is
/// escaped HTML with `<span class="hl-…">` around keywords, types, literals and comments, so
/// pages need no script and the colors come from the stylesheet (light and dark).
enum SwiftHighlighter {
    /// The HTML for `source`, escaped, with highlighting spans.
    static func html(_ source: String) -> String {
        // Source the parser must not see (it would take exponential time, or stop the
        // process) is shown as it is, escaped; running the cell reports why.
        if SwiftSourceGate.check(source) != nil { return HTML.escape(source) }
        let tree = Parser.parse(source: source)
        let bytes = Array(source.utf8)
        var html = ""
        var position = 0
        func text(_ range: Range<Int>) -> String {
            HTML.escape(String(decoding: bytes[range], as: UTF8.self))
        }
        for classified in tree.classifications {
            let start = max(position, min(classified.range.lowerBound.utf8Offset, bytes.count))
            let end = max(start, min(classified.range.upperBound.utf8Offset, bytes.count))
            if position < start { html += text(position..<start) }
            guard start < end else { continue }
            if let name = className(classified.kind) {
                html += "<span class=\"hl-\(name)\">" + text(start..<end) + "</span>"
            } else {
                html += text(start..<end)
            }
            position = end
        }
        if position < bytes.count { html += text(position..<bytes.count) }
        return html
    }

    /// The class suffix for a kind of token, or nil to leave it plain.
    static func className(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "k"
        case .type: "t"
        case .stringLiteral, .regexLiteral: "s"
        case .integerLiteral, .floatLiteral: "n"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: "c"
        case .attribute, .ifConfigDirective: "a"
        case .dollarIdentifier: "d"
        default: nil
        }
    }
}
