internal import SwiftSyntax

/// Turns positions in a cell's source into lines and columns of the notebook file
/// (columns counted in Unicode scalars, as editors show them).
struct SourceMap {
    private let utf8: [UInt8]
    private let lineStarts: [Int]
    private let firstLine: Int
    private let columnOffset: Int

    init(_ cell: CellCode) {
        utf8 = Array(cell.source.utf8)
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        firstLine = cell.firstLine
        columnOffset = cell.columnOffset
    }

    /// The file location of a UTF-8 offset into the source.
    func location(ofOffset offset: Int) -> Location {
        let offset = max(0, min(offset, utf8.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var scalars = 0
        for byte in utf8[lineStarts[low]..<offset] where byte & 0xC0 != 0x80 { scalars += 1 }
        return Location(line: firstLine + low, column: scalars + 1 + columnOffset)
    }

    /// The file location where a node's first token starts.
    func location(of node: some SyntaxProtocol) -> Location {
        location(ofOffset: node.positionAfterSkippingLeadingTrivia.utf8Offset)
    }

    /// The file location of an absolute position.
    func location(of position: AbsolutePosition) -> Location {
        location(ofOffset: position.utf8Offset)
    }
}
