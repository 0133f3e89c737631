extension Tensor {
    /// Uniform [0, 1) draws filling the tensor row by row, as numpy's `RandomState(seed).rand(rows, columns)`.
    public static func rand(_ rows: Int, _ columns: Int, seed: Int) throws -> Tensor {
        var stream = try RandomState(seed: seed)
        return try rand(rows, columns, using: &stream)
    }

    /// Standard normal draws filling the tensor row by row, as numpy's `RandomState(seed).randn(rows, columns)`.
    public static func randn(_ rows: Int, _ columns: Int, seed: Int) throws -> Tensor {
        var stream = try RandomState(seed: seed)
        return try randn(rows, columns, using: &stream)
    }

    /// Uniform [0, 1) draws from an existing stream, row by row.
    public static func rand(_ rows: Int, _ columns: Int, using stream: inout RandomState) throws -> Tensor {
        let count = try checkedCount(rows, columns, "Tensor.rand")
        return Tensor(unchecked: rows, columns, stream.rand(count))
    }

    /// Standard normal draws from an existing stream, row by row.
    public static func randn(_ rows: Int, _ columns: Int, using stream: inout RandomState) throws -> Tensor {
        let count = try checkedCount(rows, columns, "Tensor.randn")
        return Tensor(unchecked: rows, columns, stream.randn(count))
    }

    /// Uniform [low, high) draws from an existing stream, row by row, as numpy's `uniform(low, high, (rows, columns))`.
    public static func uniform(
        _ rows: Int, _ columns: Int, low: Double, high: Double, using stream: inout RandomState
    ) throws -> Tensor {
        let count = try checkedCount(rows, columns, "Tensor.uniform")
        return Tensor(unchecked: rows, columns, stream.uniform(low, high, count: count))
    }
}
