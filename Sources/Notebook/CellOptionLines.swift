/// Reads the `//| key: value` lines at the top of a cell into its options.
enum CellOptionLines {
    /// The cell made from a raw `swift` fence, or every problem in its option lines.
    static func parse(_ raw: CMarkDocument.RawCell, index: Int, defaults: CellOptions, path: String, text: SourceText)
        -> Result<Cell, NotebookFailure>
    {
        var options = defaults
        var seen: Set<String> = []
        var problems: [Diagnostic] = []
        var lines = raw.literal.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var optionLineCount = 0
        for (offset, line) in lines.enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix("//|") else { break }
            optionLineCount += 1
            let fileLine = raw.fenceLine + 1 + offset
            let fileText = text.line(fileLine)
            func locate(_ part: Substring) -> SourceLocation {
                locateSubstring(part, of: line, inFileLine: fileText, lineNumber: fileLine)
            }
            func report(_ at: Substring, _ message: String) {
                let location = locate(at)
                problems.append(Diagnostic(path: path, location: location, message: message, excerpt: text.excerpt(at: location)))
            }
            let body = trimmed.dropFirst(3)
            guard let colon = body.firstIndex(of: ":") else {
                report(trimmed, "a cell option line reads '//| key: value'")
                continue
            }
            let key = body[..<colon].trimmingCharacters()
            let value = body[body.index(after: colon)...].trimmingCharacters()
            guard !key.isEmpty else {
                report(trimmed, "a cell option line reads '//| key: value'")
                continue
            }
            if seen.contains(String(key)) {
                report(key, "option '\(key)' is set twice in this cell")
                continue
            }
            seen.insert(String(key))
            switch options.set(String(key), to: unquote(value)) {
            case nil: break
            case .unknownName(let message): report(key, message)
            case .badValue(let message): report(value.isEmpty ? key : value, message)
            }
        }
        if !problems.isEmpty { return .failure(NotebookFailure(problems)) }
        let source = lines.dropFirst(optionLineCount).joined(separator: "\n")
        return .success(Cell(
            index: index, source: source, options: options, info: raw.info,
            fence: SourceLocation(line: raw.fenceLine, column: raw.fenceColumn),
            firstLine: raw.fenceLine + 1 + optionLineCount, lastLine: max(raw.fenceLine, raw.endLine), columnOffset: max(0, raw.fenceColumn - 1)))
    }

    /// A value in single or double quotes loses them; anything else is taken as written.
    static func unquote(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }

    /// Where `part` (a slice of the cell's `line`) stands in the file's line: the cell line may be
    /// shifted right in the file by an indented fence or a list item.
    private static func locateSubstring(_ part: Substring, of line: Substring, inFileLine fileLine: Substring, lineNumber: Int) -> SourceLocation {
        let columnInCellLine = line.unicodeScalars.distance(from: line.startIndex, to: part.startIndex)
        let shift = max(0, fileLine.unicodeScalars.count - line.unicodeScalars.count)
        return SourceLocation(line: lineNumber, column: columnInCellLine + shift + 1)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingCharacters() -> Substring {
        drop(while: { $0 == " " || $0 == "\t" }).trimmingTrailingSpaces()
    }
}
