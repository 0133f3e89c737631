/// The source of one code cell and where it sits in its notebook file.
public struct CellCode: Sendable {
    /// The cell's Swift source (option lines already removed or kept as comments).
    public var source: String
    /// The notebook-file line of the source's first line.
    public var firstLine: Int
    /// Added to a 1-based column in the source to give the column in the file.
    public var columnOffset: Int

    /// A cell whose first line is file line `firstLine`, indented by `columnOffset` columns.
    public init(source: String, firstLine: Int, columnOffset: Int) {
        self.source = source
        self.firstLine = firstLine
        self.columnOffset = columnOffset
    }
}
