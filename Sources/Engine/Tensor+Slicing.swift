extension Tensor {
    /// The transpose (numpy's `.T`).
    public var T: Tensor { transposed() }

    /// The transpose.
    public func transposed() -> Tensor {
        var result = [Double](repeating: 0, count: count)
        for i in 0..<rows {
            for j in 0..<columns { result[j * rows + i] = scalars[i * columns + j] }
        }
        return Tensor(unchecked: columns, rows, result)
    }

    /// Row `i` as a 1 × columns tensor; throws outside the tensor.
    public func row(_ i: Int) throws -> Tensor {
        guard i >= 0, i < rows else {
            throw EngineError.indexOutOfRange("row \(i) is outside a tensor of shape \(shape)")
        }
        return try slice(rows: i..<(i + 1), columns: 0..<columns)
    }

    /// Column `j` as a rows × 1 tensor; throws outside the tensor.
    public func column(_ j: Int) throws -> Tensor {
        guard j >= 0, j < columns else {
            throw EngineError.indexOutOfRange("column \(j) is outside a tensor of shape \(shape)")
        }
        return try slice(rows: 0..<rows, columns: j..<(j + 1))
    }

    /// The rows in `range` (numpy's `X[a:b]`); throws outside the tensor.
    public func rows(_ range: Range<Int>) throws -> Tensor {
        try slice(rows: range, columns: 0..<columns)
    }

    /// The block of rows and columns in the given ranges (numpy's `X[a:b, c:d]`); throws outside the tensor.
    public func slice(rows rowRange: Range<Int>, columns columnRange: Range<Int>) throws -> Tensor {
        guard rowRange.lowerBound >= 0, rowRange.upperBound <= rows,
              columnRange.lowerBound >= 0, columnRange.upperBound <= columns else {
            throw EngineError.indexOutOfRange(
                "slice [\(rowRange.lowerBound)..<\(rowRange.upperBound), "
                    + "\(columnRange.lowerBound)..<\(columnRange.upperBound)] is outside a tensor of shape \(shape)")
        }
        var result: [Double] = []
        result.reserveCapacity(rowRange.count * columnRange.count)
        for i in rowRange {
            result.append(contentsOf: scalars[(i * columns + columnRange.lowerBound)..<(i * columns + columnRange.upperBound)])
        }
        return Tensor(unchecked: rowRange.count, columnRange.count, result)
    }

    /// The rows at the given indices, in that order (numpy's `X[[i, j, …]]`); throws for a bad index.
    public func rows(at indices: [Int]) throws -> Tensor {
        var result: [Double] = []
        result.reserveCapacity(indices.count * columns)
        for i in indices {
            guard i >= 0, i < rows else {
                throw EngineError.indexOutOfRange("row \(i) is outside a tensor of shape \(shape)")
            }
            result.append(contentsOf: scalars[(i * columns)..<((i + 1) * columns)])
        }
        return Tensor(unchecked: indices.count, columns, result)
    }

    /// Stacks tensors of equal width on top of each other (numpy's `vstack`); throws when widths differ.
    public static func stacked(_ parts: [Tensor]) throws -> Tensor {
        guard let first = parts.first else { return Tensor(unchecked: 0, 0, []) }
        var result: [Double] = []
        for part in parts {
            guard part.columns == first.columns else {
                throw EngineError.shapeMismatch(operation: "stacked", left: first.shape, right: part.shape)
            }
            result.append(contentsOf: part.scalars)
        }
        return Tensor(unchecked: parts.reduce(0) { $0 + $1.rows }, first.columns, result)
    }
}
