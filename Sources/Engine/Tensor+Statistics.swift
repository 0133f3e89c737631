extension Tensor {
    /// The sum of all elements (0 for an empty tensor).
    public func sum() -> Double {
        var total = 0.0
        for value in scalars { total += value }
        return total
    }

    /// The mean of all elements (NaN for an empty tensor, as numpy).
    public func mean() -> Double {
        sum() / Double(count)
    }

    /// The population standard deviation of all elements (numpy's default, ddof = 0).
    public func std() -> Double {
        let mean = mean()
        var total = 0.0
        for value in scalars {
            let deviation = value - mean
            total += deviation * deviation
        }
        return (total / Double(count)).squareRoot()
    }

    /// The smallest element; throws for an empty tensor.
    public func min() throws -> Double {
        guard let first = scalars.first else {
            throw EngineError.invalidArgument("min: the tensor of shape \(shape) is empty")
        }
        return scalars.reduce(first) { Swift.min($0, $1) }
    }

    /// The largest element; throws for an empty tensor.
    public func max() throws -> Double {
        guard let first = scalars.first else {
            throw EngineError.invalidArgument("max: the tensor of shape \(shape) is empty")
        }
        return scalars.reduce(first) { Swift.max($0, $1) }
    }

    /// Sums along an axis, as numpy: axis 0 gives a 1 × columns row, axis 1 a rows × 1 column.
    public func sum(axis: Int) throws -> Tensor {
        switch axis {
        case 0:
            var result = [Double](repeating: 0, count: columns)
            for i in 0..<rows {
                for j in 0..<columns { result[j] += scalars[i * columns + j] }
            }
            return Tensor(unchecked: 1, columns, result)
        case 1:
            var result = [Double](repeating: 0, count: rows)
            for i in 0..<rows {
                for j in 0..<columns { result[i] += scalars[i * columns + j] }
            }
            return Tensor(unchecked: rows, 1, result)
        default:
            throw EngineError.invalidArgument("axis must be 0 (down the rows) or 1 (across the columns), got \(axis)")
        }
    }

    /// Means along an axis: axis 0 gives a 1 × columns row, axis 1 a rows × 1 column.
    public func mean(axis: Int) throws -> Tensor {
        let sums = try sum(axis: axis)
        return sums / Double(axis == 0 ? rows : columns)
    }

    /// The smallest element along an axis, as numpy's `min(axis=)`: axis 0 gives a 1 × columns
    /// row, axis 1 a rows × 1 column; NaN wins. Throws for another axis or nothing along it.
    public func min(axis: Int) throws -> Tensor {
        try extreme(axis: axis, largest: false)
    }

    /// The largest element along an axis, as numpy's `max(axis=)`: axis 0 gives a 1 × columns
    /// row, axis 1 a rows × 1 column; NaN wins. Throws for another axis or nothing along it.
    public func max(axis: Int) throws -> Tensor {
        try extreme(axis: axis, largest: true)
    }

    private func extreme(axis: Int, largest: Bool) throws -> Tensor {
        let name = largest ? "max" : "min"
        guard axis == 0 || axis == 1 else {
            throw EngineError.invalidArgument("\(name)(axis:): axis must be 0 (down the rows) or 1 (across the columns), got \(axis)")
        }
        let (count, length) = axis == 0 ? (columns, rows) : (rows, columns)
        guard length > 0 else {
            throw EngineError.invalidArgument("\(name)(axis: \(axis)): the tensor of shape \(shape) has nothing along that axis")
        }
        var result = [Double](repeating: 0, count: count)
        for index in 0..<count {
            var best = scalars[axis == 0 ? index : index * columns]
            for step in 1..<length {
                let value = scalars[axis == 0 ? step * columns + index : index * columns + step]
                if value.isNaN || best.isNaN {
                    best = .nan
                } else if largest ? value > best : value < best {
                    best = value
                }
            }
            result[index] = best
        }
        return axis == 0 ? Tensor(unchecked: 1, columns, result) : Tensor(unchecked: rows, 1, result)
    }

    /// The column of the largest element in each row (the first on ties), as numpy's `argmax(axis=1)`.
    public func argmaxPerRow() -> [Int] {
        (0..<rows).map { i in
            var best = 0
            for j in 1..<Swift.max(columns, 1) where scalars[i * columns + j] > scalars[i * columns + best] {
                best = j
            }
            return best
        }
    }
}
