/// Finds the math in a notebook's Markdown and replaces each formula with a placeholder
/// before cmark-gfm parses, so that Markdown never reaches inside TeX.
///
/// The delimiters are `$…$`, `$$…$$`, `\(…\)` and `\[…\]`. A single `$` follows pandoc's
/// rules: no space after the opening `$`, none before the closing one, and the closing `$`
/// not followed by a digit; so a price like `$5` stays text, as does `\$`. No formula crosses
/// a blank line. Code blocks and HTML blocks (their lines are given), code spans, inline HTML
/// tags and link destinations are copied untouched.
struct MathMasker {
    /// A formula found in the source, located by line and byte offset in that line.
    struct Span {
        var tex: String
        var display: Bool
        var line: Int
        var byteColumn: Int
        /// The `{#eq-…}` after a display formula, and where its label starts.
        var label: Label?
    }

    /// A cross-reference label or a reference to one, located by line and byte offset.
    struct Label {
        var name: String
        var line: Int
        var byteColumn: Int
    }

    /// The prefixes a reference may have: Quarto's figure, table, equation and section, and claim.
    static let referencePrefixes = ["fig-", "tbl-", "eq-", "sec-", "clm-"]

    private let source: [UInt8]
    private let skippedLines: Set<Int>
    private var output: [UInt8] = []
    private(set) var spans: [Span] = []
    /// `@fig-…`, `@tbl-…`, `@eq-…`, `@sec-…` in prose, in order.
    private(set) var references: [Label] = []
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Prepares to mask `source`, leaving the 1-based `skippedLines` (code and HTML blocks) alone.
    init(source: [UInt8], skippedLines: Set<Int>) {
        self.source = source
        self.skippedLines = skippedLines
        output.reserveCapacity(source.count)
    }

    /// Masks the whole source: the text cmark should parse, and the formulas in order.
    static func mask(_ source: String, skippingLines skippedLines: Set<Int>) -> (masked: String, spans: [Span]) {
        let result = maskAll(source, skippingLines: skippedLines)
        return (result.masked, result.spans)
    }

    /// As `mask`, with the cross-references found too.
    static func maskAll(_ source: String, skippingLines skippedLines: Set<Int>) -> (masked: String, spans: [Span], references: [Label]) {
        var masker = MathMasker(source: Array(source.utf8), skippedLines: skippedLines)
        masker.run()
        return (String(decoding: masker.output, as: UTF8.self), masker.spans, masker.references)
    }

    private mutating func run() {
        while index < source.count {
            if index == lineStart, skippedLines.contains(line) {
                copyRestOfLine()
                continue
            }
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "\n"):
                copy(1)
            case UInt8(ascii: "\\"):
                let next = peek( index + 1)
                if next == UInt8(ascii: "("), let close = findBackslashClose(UInt8(ascii: ")"), from: index + 2) {
                    emitMath(contentStart: index + 2, contentEnd: close, end: close + 2, display: false)
                } else if next == UInt8(ascii: "["), let close = findBackslashClose(UInt8(ascii: "]"), from: index + 2) {
                    emitMath(contentStart: index + 2, contentEnd: close, end: close + 2, display: true)
                } else if let next, Self.isASCIIPunctuation(next) {
                    copy(2)
                } else {
                    copy(1)
                }
            case UInt8(ascii: "$"):
                if peek( index + 1) == UInt8(ascii: "$") {
                    if let close = findDisplayDollarClose(from: index + 2) {
                        emitMath(contentStart: index + 2, contentEnd: close, end: close + 2, display: true)
                    } else {
                        copy(2)
                    }
                } else if let close = findInlineDollarClose(from: index + 1) {
                    emitMath(contentStart: index + 1, contentEnd: close, end: close + 1, display: false)
                } else {
                    copy(1)
                }
            case UInt8(ascii: "@"):
                if let length = referenceLength(at: index) {
                    let name = String(decoding: source[(index + 1)..<(index + length)], as: UTF8.self)
                    references.append(Label(name: name, line: line, byteColumn: index - lineStart))
                    output.append(contentsOf: Array(Placeholder.marker(.reference, references.count - 1).utf8))
                    index += length
                } else {
                    copy(1)
                }
            case UInt8(ascii: "`"):
                copyCodeSpanOrRun()
            case UInt8(ascii: "<"):
                copyTagIfAny()
            case UInt8(ascii: "]") where peek( index + 1) == UInt8(ascii: "("):
                copyLinkDestination()
            default:
                copy(1)
            }
        }
    }

    // MARK: Copying

    private mutating func copy(_ count: Int) {
        let end = min(index + count, source.count)
        while index < end {
            let byte = source[index]
            output.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index
            }
        }
    }

    private mutating func copyRestOfLine() {
        var end = index
        while end < source.count, source[end] != UInt8(ascii: "\n") { end += 1 }
        copy(end - index + 1)
    }

    private func peek(_ position: Int) -> UInt8? {
        position < source.count ? source[position] : nil
    }

    /// Copies a code span whole, or an unmatched backtick run as text.
    private mutating func copyCodeSpanOrRun() {
        let runLength = backtickRun(at: index)
        var probe = index + runLength
        while probe < source.count {
            if source[probe] == UInt8(ascii: "\n"), !continuesParagraph(afterNewlineAt: probe) { break }
            if source[probe] == UInt8(ascii: "`") {
                let length = backtickRun(at: probe)
                if length == runLength {
                    copy(probe + length - index)
                    return
                }
                probe += length
            } else {
                probe += 1
            }
        }
        copy(runLength)
    }

    private func backtickRun(at position: Int) -> Int {
        var end = position
        while end < source.count, source[end] == UInt8(ascii: "`") { end += 1 }
        return end - position
    }

    /// Copies an HTML tag, comment or autolink that closes on the same line.
    private mutating func copyTagIfAny() {
        guard let next = peek( index + 1),
              Self.isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
        else { return copy(1) }
        var probe = index + 1
        while probe < source.count, source[probe] != UInt8(ascii: "\n"), source[probe] != UInt8(ascii: "<") {
            if source[probe] == UInt8(ascii: ">") { return copy(probe - index + 1) }
            probe += 1
        }
        copy(1)
    }

    /// Copies `](destination "title")` up to its balancing parenthesis on the same line.
    private mutating func copyLinkDestination() {
        var depth = 0
        var probe = index + 1
        while probe < source.count, source[probe] != UInt8(ascii: "\n") {
            switch source[probe] {
            case UInt8(ascii: "\\"): probe += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return copy(probe - index + 1) }
            default: break
            }
            probe += 1
        }
        copy(2)
    }

    /// The length of a reference `@fig-name` starting at `position` (the `@` included), or nil:
    /// the `@` must not follow a word character (an e-mail address), the name is a known prefix
    /// and letters, digits, `-` and `_`, not ending in `-` or `_` (a dash after it is prose).
    private func referenceLength(at position: Int) -> Int? {
        if position > 0 {
            let before = source[position - 1]
            if Self.isASCIILetter(before) || Self.isDigit(before) || before == UInt8(ascii: "_") || before >= 0x80 { return nil }
        }
        let start = position + 1
        guard Self.referencePrefixes.contains(where: { prefix in
            let bytes = Array(prefix.utf8)
            return start + bytes.count <= source.count && Array(source[start..<(start + bytes.count)]) == bytes
        }) else { return nil }
        var end = start
        while end < source.count, Self.isLabelByte(source[end]) { end += 1 }
        while end > start, source[end - 1] == UInt8(ascii: "-") || source[end - 1] == UInt8(ascii: "_") { end -= 1 }
        guard let dash = source[start..<end].firstIndex(of: UInt8(ascii: "-")), dash + 1 < end else { return nil }
        return end - position
    }

    static func isLabelByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    // MARK: Finding closing delimiters

    /// `\)` or `\]` after `start`, skipping other backslash pairs.
    private func findBackslashClose(_ closer: UInt8, from start: Int) -> Int? {
        var probe = start
        while probe < source.count {
            switch source[probe] {
            case UInt8(ascii: "\\"):
                if peek( probe + 1) == closer { return probe }
                probe += 2
            case UInt8(ascii: "\n"):
                guard continuesParagraph(afterNewlineAt: probe) else { return nil }
                probe += 1
            default:
                probe += 1
            }
        }
        return nil
    }

    /// The `$$` that closes display math opened just before `start`.
    private func findDisplayDollarClose(from start: Int) -> Int? {
        var probe = start
        while probe < source.count {
            switch source[probe] {
            case UInt8(ascii: "\\"):
                probe += 2
            case UInt8(ascii: "\n"):
                guard continuesParagraph(afterNewlineAt: probe) else { return nil }
                probe += 1
            case UInt8(ascii: "$"):
                if peek( probe + 1) == UInt8(ascii: "$") {
                    return hasContent(start, probe) ? probe : nil
                }
                probe += 1
            default:
                probe += 1
            }
        }
        return nil
    }

    /// The `$` that closes inline math opened just before `start`, by pandoc's rules.
    private func findInlineDollarClose(from start: Int) -> Int? {
        guard let first = peek( start), !Self.isSpace(first), first != UInt8(ascii: "$") else { return nil }
        var probe = start
        while probe < source.count {
            switch source[probe] {
            case UInt8(ascii: "\\"):
                probe += 2
            case UInt8(ascii: "\n"):
                guard continuesParagraph(afterNewlineAt: probe) else { return nil }
                probe += 1
            case UInt8(ascii: "$"):
                let before = source[probe - 1]
                let after = peek( probe + 1)
                if !Self.isSpace(before), !(after.map(Self.isDigit) ?? false) { return probe }
                probe += 1
            default:
                probe += 1
            }
        }
        return nil
    }

    private func hasContent(_ start: Int, _ end: Int) -> Bool {
        source[start..<end].contains { !Self.isSpace($0) }
    }

    /// Whether the line after the newline at `position` may still belong to the same paragraph:
    /// it is not blank (spaces and block-quote markers only) and not inside a code or HTML block.
    private func continuesParagraph(afterNewlineAt position: Int) -> Bool {
        let nextLine = line + source[lineStart..<position].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + 1
        if skippedLines.contains(nextLine) { return false }
        var probe = position + 1
        while probe < source.count, source[probe] != UInt8(ascii: "\n") {
            let byte = source[probe]
            if !Self.isSpace(byte), byte != UInt8(ascii: ">") { return true }
            probe += 1
        }
        return false
    }

    // MARK: Emitting

    /// Replaces the formula `source[index..<end]` (content `contentStart..<contentEnd`) with a
    /// placeholder, and one continuation marker per line break so later lines keep their numbers.
    private mutating func emitMath(contentStart: Int, contentEnd: Int, end: Int, display: Bool) {
        let openingLine = source[lineStart..<index]
        let inQuote = openingLine.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: ">")
        let content = Array(source[contentStart..<contentEnd])
        spans.append(Span(tex: Self.tex(content, strippingQuoteMarkers: inQuote), display: display,
                          line: line, byteColumn: index - lineStart, label: nil))
        output.append(contentsOf: Array(Placeholder.marker(.math, spans.count - 1).utf8))
        let breaks = content.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        for _ in 0..<breaks {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: Array(Placeholder.continuationText.utf8))
        }
        line += breaks
        index = end
        if breaks > 0 {
            var start = end
            while start > 0, source[start - 1] != UInt8(ascii: "\n") { start -= 1 }
            lineStart = start
        }
        if display { takeEquationLabel() }
    }

    /// `{#eq-name}` right after a display formula (spaces between allowed, on the same line)
    /// labels it; the label leaves the text.
    private mutating func takeEquationLabel() {
        var probe = index
        while probe < source.count, source[probe] == UInt8(ascii: " ") || source[probe] == UInt8(ascii: "\t") { probe += 1 }
        guard probe + 2 < source.count, source[probe] == UInt8(ascii: "{"), source[probe + 1] == UInt8(ascii: "#") else { return }
        let start = probe + 2
        var end = start
        while end < source.count, Self.isLabelByte(source[end]) { end += 1 }
        guard end < source.count, source[end] == UInt8(ascii: "}"), end > start, var span = spans.popLast() else { return }
        span.label = Label(name: String(decoding: source[start..<end], as: UTF8.self), line: line, byteColumn: start - lineStart)
        spans.append(span)
        index = end + 1
    }

    /// The TeX of a formula; inside a block quote, the `>` markers that begin its later lines
    /// belong to Markdown, not to the formula.
    private static func tex(_ content: [UInt8], strippingQuoteMarkers: Bool) -> String {
        guard strippingQuoteMarkers else { return String(decoding: content, as: UTF8.self) }
        var lines = content.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for position in lines.indices.dropFirst() {
            var slice = lines[position]
            while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: ">") {
                slice = slice.dropFirst()
            }
            lines[position] = slice
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    // MARK: Character classes

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }
}
