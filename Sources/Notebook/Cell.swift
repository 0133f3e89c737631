/// A `swift` code cell: its source without option lines, its options, and where it is.
public struct Cell: Hashable, Sendable {
    /// 0-based position among the notebook's cells.
    public var index: Int
    /// The code the cell runs (option lines removed).
    public var source: String
    /// Options after front-matter defaults and the cell's own `//|` lines.
    public var options: CellOptions
    /// The fence's info string (`swift`, possibly followed by more words).
    public var info: String
    /// Where the opening fence is.
    public var fence: SourceLocation
    /// The file line of the first line of `source`.
    public var firstLine: Int
    /// The file line where the cell ends: its closing fence, or its last line when the end of
    /// the document, block quote or list item closes it.
    public var lastLine: Int
    /// Columns the code sits to the right in the file (an indented fence, a list item).
    public var columnOffset: Int

    /// A cell.
    public init(index: Int, source: String, options: CellOptions, info: String, fence: SourceLocation, firstLine: Int,
                lastLine: Int, columnOffset: Int) {
        self.index = index
        self.source = source
        self.options = options
        self.info = info
        self.fence = fence
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.columnOffset = columnOffset
    }

    /// The cell's id on a page: its label, else `cell` and its 1-based number.
    public var id: String { options.label ?? "cell\(index + 1)" }

    /// The file location of a 1-based `line` and `column` within `source`.
    public func fileLocation(line: Int, column: Int) -> SourceLocation {
        SourceLocation(line: firstLine + line - 1, column: column + columnOffset)
    }
}
