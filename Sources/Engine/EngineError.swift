/// The shape of a 2-D tensor: rows × columns.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int

    /// A shape of `rows` × `columns`.
    public init(_ rows: Int, _ columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// numpy's notation, `(rows, columns)`.
    public var description: String { "(\(rows), \(columns))" }
}

/// Why an engine call could not be carried out. The engine throws these instead of trapping,
/// so every message names what was wrong (both shapes, the bad index, the unknown name).
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two operands whose shapes do not fit the operation.
    case shapeMismatch(operation: String, left: Shape, right: Shape)
    /// An index outside a tensor or a list.
    case indexOutOfRange(String)
    /// A weight, bias or symbol name the network does not have.
    case unknownName(String, known: String)
    /// An argument outside its domain (a negative size, a seed numpy rejects, …).
    case invalidArgument(String)

    /// A one-line, human-readable message.
    public var description: String {
        switch self {
        case let .shapeMismatch(operation, left, right):
            return "\(operation): shapes \(left) and \(right) do not fit"
        case let .indexOutOfRange(message):
            return message
        case let .unknownName(name, known):
            return "no parameter or symbol named '\(name)' (\(known))"
        case let .invalidArgument(message):
            return message
        }
    }
}

/// Checks that `rows × columns` is a valid tensor size without overflowing.
func checkedCount(_ rows: Int, _ columns: Int, _ what: String) throws -> Int {
    guard rows >= 0, columns >= 0 else {
        throw EngineError.invalidArgument("\(what): a shape cannot be negative, got \(Shape(rows, columns))")
    }
    let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
    // Each side is bounded too: a 0 × Int.max tensor holds nothing, but walking its rows
    // would not end.
    guard !overflow, count <= Tensor.maximumElementCount, rows <= Tensor.maximumElementCount,
          columns <= Tensor.maximumElementCount else {
        throw EngineError.invalidArgument(
            "\(what): shape \(Shape(rows, columns)) has more than \(Tensor.maximumElementCount) elements")
    }
    return count
}
