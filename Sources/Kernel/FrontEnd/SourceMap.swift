internal import SwiftSyntax

/// Turns positions in a cell's source into lines and columns of the notebook file
/// (columns counted in Unicode scalars, as editors show them).
struct SourceMap {
    /// For each UTF-8 offset, how many Unicode scalars start before it: a column is a
    /// difference of two entries, so locating a node costs the same on any line length.
    private let scalarsBefore: [Int]
    private let utf8: [UInt8]
    private let lineStarts: [Int]
    private let firstLine: Int
    private let columnOffset: Int

    init(_ cell: CellCode) {
        var starts = [0]
        var before = [0]
        before.reserveCapacity(cell.source.utf8.count + 1)
        var scalars = 0
        for (offset, byte) in cell.source.utf8.enumerated() {
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            before.append(scalars)
        }
        scalarsBefore = before
        utf8 = Array(cell.source.utf8)
        lineStarts = starts
        firstLine = cell.firstLine
        columnOffset = cell.columnOffset
    }

    /// The file location of a UTF-8 offset into the source.
    func location(ofOffset offset: Int) -> Location {
        let offset = max(0, min(offset, scalarsBefore.count - 1))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return Location(line: firstLine + low, column: scalarsBefore[offset] - scalarsBefore[lineStarts[low]] + 1 + columnOffset)
    }

    /// The file location where a node's first token starts. The node's start with its
    /// leading trivia is known at once; the trivia (spaces, line breaks, comments) is skipped
    /// here in the source, which costs the trivia's length, where asking swift-syntax for the
    /// node's first token costs the depth of the tree below it (quadratic along `1 + 1 + …`).
    func location(of node: some SyntaxProtocol) -> Location {
        location(ofOffset: skippingTrivia(from: node.position.utf8Offset))
    }

    /// The offset of the first byte at or after `start` that is not trivia.
    func skippingTrivia(from start: Int) -> Int {
        var offset = max(0, start)
        func byte(_ at: Int) -> UInt8? { at < utf8.count ? utf8[at] : nil }
        while let current = byte(offset) {
            switch current {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "/") where byte(offset + 1) == UInt8(ascii: "/"):
                while let next = byte(offset), next != UInt8(ascii: "\n") { offset += 1 }
            case UInt8(ascii: "/") where byte(offset + 1) == UInt8(ascii: "*"):
                var depth = 0
                repeat {
                    if byte(offset) == UInt8(ascii: "/") && byte(offset + 1) == UInt8(ascii: "*") {
                        depth += 1
                        offset += 2
                    } else if byte(offset) == UInt8(ascii: "*") && byte(offset + 1) == UInt8(ascii: "/") {
                        depth -= 1
                        offset += 2
                    } else {
                        offset += 1
                    }
                } while depth > 0 && offset < utf8.count
            default:
                return offset
            }
        }
        return offset
    }

    /// The file location of an absolute position.
    func location(of position: AbsolutePosition) -> Location {
        location(ofOffset: position.utf8Offset)
    }
}
