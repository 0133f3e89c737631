/// A notebook's text split into lines, for turning offsets into locations and showing excerpts.
public struct SourceText: Sendable {
    /// The lines, without their line terminators.
    public let lines: [Substring]

    /// For each line holding non-ASCII text, how many Unicode scalars start before each of its
    /// UTF-8 offsets (nil for an ASCII line, where a column is the offset plus one): locating
    /// costs the same anywhere on a line, so a paragraph of 200,000 formulas is located in
    /// linear time.
    private let scalarsBefore: [[Int32]?]

    /// Splits `text` at `\n` (a `\r` before it is dropped).
    public init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        scalarsBefore = lines.map { line in
            let utf8 = line.utf8
            guard utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var table: [Int32] = [0]
            table.reserveCapacity(utf8.count + 1)
            var scalars: Int32 = 0
            for byte in utf8 {
                if byte & 0xC0 != 0x80 { scalars += 1 }
                table.append(scalars)
            }
            return table
        }
    }

    /// The 1-based line `number`, or an empty line past the end.
    public func line(_ number: Int) -> Substring {
        lines.indices.contains(number - 1) ? lines[number - 1] : ""
    }

    /// The location of the UTF-8 byte `offset` (0-based) within 1-based line `line`.
    public func location(line: Int, byteOffset offset: Int) -> SourceLocation {
        guard lines.indices.contains(line - 1) else { return SourceLocation(line: line, column: 1) }
        let offset = min(max(0, offset), lines[line - 1].utf8.count)
        guard let table = scalarsBefore[line - 1] else { return SourceLocation(line: line, column: offset + 1) }
        return SourceLocation(line: line, column: Int(table[offset]) + 1)
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
