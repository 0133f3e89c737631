/// How `Network.initialize` fills the weight matrices (biases always start at zero).
///
/// Random initializers draw from one numpy-identical stream, layer by layer, each
/// fan_in × fan_out matrix in row-major order: in numpy, `rs = RandomState(seed)` and then
/// `rs.randn(fan_in, fan_out) * std` (or `rs.uniform(low, high, (fan_in, fan_out))`) for
/// each layer in turn gives the same matrices.
public enum Initializer: Sendable, Hashable, CustomStringConvertible {
    /// Every weight 0.
    case zeros
    /// Every weight the same value.
    case constant(Double)
    /// Uniform in [low, high).
    case uniform(Double, Double)
    /// Normal with mean 0: `randn · std`.
    case normal(std: Double)
    /// Xavier: `randn · (1/√fan_in)`.
    case xavier
    /// He: `randn · √(2/fan_in)`, the choice for ReLU.
    case he
    /// Glorot: uniform in ±√(6/(fan_in + fan_out)).
    case glorot

    /// The initializer as written in a cell.
    public var description: String {
        switch self {
        case .zeros: return ".zeros"
        case let .constant(value): return ".constant(\(value))"
        case let .uniform(low, high): return ".uniform(\(low), \(high))"
        case let .normal(std): return ".normal(std: \(std))"
        case .xavier: return ".xavier"
        case .he: return ".he"
        case .glorot: return ".glorot"
        }
    }

    /// Throws for arguments that describe no distribution.
    func validate() throws {
        switch self {
        case let .constant(value) where !value.isFinite:
            throw EngineError.invalidArgument("constant: the value must be finite, got \(value)")
        case let .uniform(low, high) where !(low.isFinite && high.isFinite && low <= high):
            throw EngineError.invalidArgument("uniform: needs finite low ≤ high, got (\(low), \(high))")
        case let .normal(std) where !(std.isFinite && std >= 0):
            throw EngineError.invalidArgument("normal: std must be finite and ≥ 0, got \(std)")
        default:
            return
        }
    }

    /// One fan_in × fan_out weight matrix, drawn from `stream` when random.
    func matrix(fanIn: Int, fanOut: Int, stream: inout RandomState) throws -> Tensor {
        switch self {
        case .zeros:
            return try Tensor.zeros(fanIn, fanOut)
        case let .constant(value):
            return try Tensor.filled(fanIn, fanOut, value: value)
        case let .uniform(low, high):
            return try Tensor.uniform(fanIn, fanOut, low: low, high: high, using: &stream)
        case let .normal(std):
            return try Self.scaledNormal(fanIn, fanOut, std, &stream)
        case .xavier:
            return try Self.scaledNormal(fanIn, fanOut, 1 / Double(fanIn).squareRoot(), &stream)
        case .he:
            return try Self.scaledNormal(fanIn, fanOut, (2 / Double(fanIn)).squareRoot(), &stream)
        case .glorot:
            let limit = (6 / Double(fanIn + fanOut)).squareRoot()
            return try Tensor.uniform(fanIn, fanOut, low: -limit, high: limit, using: &stream)
        }
    }

    /// randn · scale, scaled in place: the bits of `Tensor.randn(…) * scale` without a copy.
    private static func scaledNormal(_ rows: Int, _ columns: Int, _ scale: Double, _ stream: inout RandomState) throws -> Tensor {
        let count = try checkedCount(rows, columns, "Tensor.randn")
        var values = stream.randn(count)
        values.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] *= scale }
        }
        return Tensor(unchecked: rows, columns, values)
    }
}
