/// A notebook's text split into lines, for turning offsets into locations and showing excerpts.
public struct SourceText: Sendable {
    /// The lines, without their line terminators.
    public let lines: [Substring]

    /// Splits `text` at `\n` (a `\r` before it is dropped).
    public init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// The 1-based line `number`, or an empty line past the end.
    public func line(_ number: Int) -> Substring {
        lines.indices.contains(number - 1) ? lines[number - 1] : ""
    }

    /// The location of the UTF-8 byte `offset` (0-based) within 1-based line `line`.
    public func location(line: Int, byteOffset offset: Int) -> SourceLocation {
        let prefix = self.line(line).utf8.prefix(max(0, offset))
        return SourceLocation(line: line, column: String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1)
    }

    /// The line at `location` with a caret under its column, indented like a compiler's excerpt.
    public func excerpt(at location: SourceLocation) -> String {
        let text = String(line(location.line))
        let gutter = String(location.line)
        let padding = String(repeating: " ", count: gutter.count)
        var caretLine = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() where offset < location.column - 1 {
            caretLine.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return "\(gutter) | \(text)\n\(padding) | \(caretLine)^"
    }
}
