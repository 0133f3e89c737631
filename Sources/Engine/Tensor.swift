/// A 2-D tensor of `Double`, stored row-major.
///
/// The vector convention: a vector is a *row*, a 1 × n tensor, and a batch of samples is
/// one sample per row (n_samples × n_features), as in numpy code that writes `X · W`.
/// A column vector is the transpose of a row, n × 1.
public struct Tensor: Sendable, Equatable {
    /// The largest number of elements one tensor may hold (2²⁸, 2 GiB of doubles).
    public static let maximumElementCount = 1 << 28

    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements in row-major order.
    public internal(set) var scalars: [Double]

    /// Wraps already validated storage.
    init(unchecked rows: Int, _ columns: Int, _ scalars: [Double]) {
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    /// A tensor of the given shape from row-major scalars; throws when the count does not match.
    public init(rows: Int, columns: Int, scalars: [Double]) throws {
        let count = try checkedCount(rows, columns, "Tensor")
        guard count == scalars.count else {
            throw EngineError.invalidArgument(
                "Tensor: shape \(Shape(rows, columns)) needs \(count) scalars, got \(scalars.count)")
        }
        self.init(unchecked: rows, columns, scalars)
    }

    /// A row vector (1 × n).
    public init(_ vector: [Double]) {
        self.init(unchecked: 1, vector.count, vector)
    }

    /// A column vector (n × 1).
    public init(column: [Double]) {
        self.init(unchecked: column.count, 1, column)
    }

    /// A 1 × 1 tensor.
    public init(scalar: Double) {
        self.init(unchecked: 1, 1, [scalar])
    }

    /// A matrix from its rows; throws when the rows differ in length.
    public init(_ rowsOfValues: [[Double]]) throws {
        let width = rowsOfValues.first?.count ?? 0
        var scalars: [Double] = []
        scalars.reserveCapacity(rowsOfValues.count * width)
        for (index, row) in rowsOfValues.enumerated() {
            guard row.count == width else {
                throw EngineError.shapeMismatch(
                    operation: "Tensor: row \(index) has \(row.count) values, row 0 has \(width)",
                    left: Shape(1, width), right: Shape(1, row.count))
            }
            scalars.append(contentsOf: row)
        }
        try self.init(rows: rowsOfValues.count, columns: width, scalars: scalars)
    }

    /// A tensor whose every element is `value`.
    public static func filled(_ rows: Int, _ columns: Int, value: Double) throws -> Tensor {
        let count = try checkedCount(rows, columns, "Tensor.filled")
        return Tensor(unchecked: rows, columns, [Double](repeating: value, count: count))
    }

    /// A tensor of zeros.
    public static func zeros(_ rows: Int, _ columns: Int) throws -> Tensor {
        try filled(rows, columns, value: 0)
    }

    /// A tensor of ones.
    public static func ones(_ rows: Int, _ columns: Int) throws -> Tensor {
        try filled(rows, columns, value: 1)
    }

    /// The shape, `(rows, columns)`.
    public var shape: Shape { Shape(rows, columns) }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The element at row `i`, column `j` (zero-based); throws outside the tensor.
    public subscript(i: Int, j: Int) -> Double {
        get throws { scalars[try offset(i, j)] }
    }

    /// Sets the element at row `i`, column `j`; throws outside the tensor.
    public mutating func set(_ i: Int, _ j: Int, to value: Double) throws {
        scalars[try offset(i, j)] = value
    }

    /// The row-major offset of (i, j), checked.
    func offset(_ i: Int, _ j: Int) throws -> Int {
        guard i >= 0, i < rows, j >= 0, j < columns else {
            throw EngineError.indexOutOfRange("index [\(i), \(j)] is outside a tensor of shape \(shape)")
        }
        return i * columns + j
    }

    /// The rows as nested arrays.
    public var array: [[Double]] {
        (0..<rows).map { Array(scalars[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}

extension Tensor: CustomStringConvertible {
    /// numpy-like text: the shape and, for small tensors, the values.
    public var description: String {
        if count > 100 { return "Tensor\(shape)" }
        let body = array.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }
        return "[" + body.joined(separator: ",\n ") + "]"
    }
}
