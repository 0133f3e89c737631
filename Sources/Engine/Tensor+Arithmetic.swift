#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func naturalExp(_ x: Double) -> Double { exp(x) }
private func naturalLog(_ x: Double) -> Double { log(x) }

/// The elementwise binary operations, switched on outside the inner loops.
enum ElementwiseOperation: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    @inline(__always)
    func apply(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        }
    }
}

extension Tensor {
    /// Combines two tensors elementwise. Shapes must be equal, or one side is a 1 × n row
    /// (broadcast over the other's rows), or one side is 1 × 1 (broadcast everywhere).
    func combined(with other: Tensor, _ operation: ElementwiseOperation) throws -> Tensor {
        let a = scalars, b = other.scalars
        var result: [Double]
        let shape: Shape
        if self.shape == other.shape {
            shape = self.shape
            result = [Double](repeating: 0, count: a.count)
            for i in 0..<a.count { result[i] = operation.apply(a[i], b[i]) }
        } else if other.count == 1 {
            shape = self.shape
            result = a.map { operation.apply($0, b[0]) }
        } else if count == 1 {
            shape = other.shape
            result = b.map { operation.apply(a[0], $0) }
        } else if other.rows == 1, other.columns == columns {
            shape = self.shape
            result = a
            for i in 0..<a.count { result[i] = operation.apply(a[i], b[i % columns]) }
        } else if rows == 1, columns == other.columns {
            shape = other.shape
            result = b
            for i in 0..<b.count { result[i] = operation.apply(a[i % columns], b[i]) }
        } else {
            throw EngineError.shapeMismatch(operation: "'\(operation.rawValue)'", left: self.shape, right: other.shape)
        }
        return Tensor(unchecked: shape.rows, shape.columns, result)
    }

    /// Elementwise sum with row-vector broadcasting; throws when the shapes do not fit.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .add) }
    /// Elementwise difference with row-vector broadcasting; throws when the shapes do not fit.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .subtract) }
    /// Elementwise (Hadamard) product with row-vector broadcasting; throws when the shapes do not fit.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .multiply) }
    /// Elementwise quotient with row-vector broadcasting; throws when the shapes do not fit.
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .divide) }

    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 + rhs } }
    /// Adds a scalar to every element.
    public static func + (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs + $0 } }
    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 - rhs } }
    /// Subtracts every element from a scalar.
    public static func - (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs - $0 } }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 * rhs } }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 / rhs } }
    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// A tensor of the same shape with `transform` applied to every element.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Tensor {
        Tensor(unchecked: rows, columns, try scalars.map(transform))
    }

    /// The activation function applied to every element (`X.applying(.tanh)` is numpy's `np.tanh(X)`).
    public consuming func applying(_ activation: Activation) -> Tensor {
        var result = self
        result.scalars.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            activation.apply(base, to: base, count: buffer.count)
        }
        return result
    }

    /// The element-wise square root.
    public func squareRoot() -> Tensor { map { $0.squareRoot() } }
    /// The element-wise exponential.
    public func exp() -> Tensor { map(naturalExp) }
    /// The element-wise natural logarithm.
    public func log() -> Tensor { map(naturalLog) }
}
