#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A unit's activation function, with its derivative.
public enum Activation: Sendable, Hashable, CustomStringConvertible {
    /// f(z) = z.
    case identity
    /// f(z) = max(0, z); the derivative at 0 is taken as 0.
    case relu
    /// f(z) = z for z > 0, slope·z otherwise.
    case leakyReLU(Double)
    /// f(z) = tanh z.
    case tanh
    /// f(z) = 1 / (1 + e^(−z)).
    case sigmoid

    /// The name as written in a cell, e.g. `leakyReLU(0.01)`.
    public var description: String {
        switch self {
        case .identity: return "identity"
        case .relu: return "relu"
        case let .leakyReLU(slope): return "leakyReLU(\(slope))"
        case .tanh: return "tanh"
        case .sigmoid: return "sigmoid"
        }
    }

    /// f(z).
    public func value(_ z: Double) -> Double {
        switch self {
        case .identity: return z
        case .relu: return z > 0 ? z : 0
        case let .leakyReLU(slope): return z > 0 ? z : slope * z
        case .tanh: return HyperbolicTangent.value(z)
        case .sigmoid:
            // Two forms, so that exp never overflows.
            if z >= 0 { return 1 / (1 + exp(-z)) }
            let e = exp(z)
            return e / (1 + e)
        }
    }

    /// f′(z), given the input z and the output y = f(z) (tanh and sigmoid read y).
    public func derivative(input z: Double, output y: Double) -> Double {
        switch self {
        case .identity: return 1
        case .relu: return z > 0 ? 1 : 0
        case let .leakyReLU(slope): return z > 0 ? 1 : slope
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        }
    }

    /// f′(z).
    public func derivative(_ z: Double) -> Double {
        derivative(input: z, output: value(z))
    }

    /// Writes f(input[i]) to output[i]; the switch sits outside the loop.
    func apply(_ input: UnsafePointer<Double>, to output: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        switch self {
        case .identity:
            if UnsafePointer(output) != input { output.update(from: input, count: count) }
        case .relu:
            while i < count { let z = input[i]; output[i] = z > 0 ? z : 0; i &+= 1 }
        case let .leakyReLU(slope):
            while i < count { let z = input[i]; output[i] = z > 0 ? z : slope * z; i &+= 1 }
        case .tanh:
            HyperbolicTangent.apply(input, to: output, count: count)
        case .sigmoid:
            while i < count { output[i] = value(input[i]); i &+= 1 }
        }
    }

    /// Writes 0 + upstream[i]·f′(input[i]) into gradient[i]: what `accumulateGradient` leaves
    /// in a zeroed buffer, bit for bit (−0 becomes +0 there too), without reading the buffer.
    func storeGradient(
        input: UnsafePointer<Double>, output: UnsafePointer<Double>, upstream: UnsafePointer<Double>,
        into gradient: UnsafeMutablePointer<Double>, count: Int
    ) {
        var i = 0
        switch self {
        case .identity:
            while i < count { gradient[i] = 0.0 + upstream[i]; i &+= 1 }
        case .relu:
            // Two lanes with a select: the signs of the units make a branch unpredictable.
            let zero = SIMD2<Double>(repeating: 0)
            let x = UnsafeRawPointer(input), u = UnsafeRawPointer(upstream), g = UnsafeMutableRawPointer(gradient)
            while i &+ 2 <= count {
                let byte = i &* 8
                let mask = x.loadUnaligned(fromByteOffset: byte, as: SIMD2<Double>.self) .> zero
                let value = zero + zero.replacing(with: u.loadUnaligned(fromByteOffset: byte, as: SIMD2<Double>.self), where: mask)
                g.storeBytes(of: value, toByteOffset: byte, as: SIMD2<Double>.self)
                i &+= 2
            }
            while i < count { gradient[i] = 0.0 + (input[i] > 0 ? upstream[i] : 0); i &+= 1 }
        case let .leakyReLU(slope):
            while i < count { gradient[i] = 0.0 + (input[i] > 0 ? upstream[i] : slope * upstream[i]); i &+= 1 }
        case .tanh:
            while i < count { let y = output[i]; gradient[i] = 0.0 + upstream[i] * (1 - y * y); i &+= 1 }
        case .sigmoid:
            while i < count { let y = output[i]; gradient[i] = 0.0 + upstream[i] * y * (1 - y); i &+= 1 }
        }
    }

    /// Adds upstream[i]·f′(input[i]) to gradient[i], reading the outputs where cheaper.
    func accumulateGradient(
        input: UnsafePointer<Double>, output: UnsafePointer<Double>, upstream: UnsafePointer<Double>,
        into gradient: UnsafeMutablePointer<Double>, count: Int
    ) {
        var i = 0
        switch self {
        case .identity:
            while i < count { gradient[i] += upstream[i]; i &+= 1 }
        case .relu:
            while i < count { if input[i] > 0 { gradient[i] += upstream[i] }; i &+= 1 }
        case let .leakyReLU(slope):
            while i < count { gradient[i] += input[i] > 0 ? upstream[i] : slope * upstream[i]; i &+= 1 }
        case .tanh:
            while i < count { let y = output[i]; gradient[i] += upstream[i] * (1 - y * y); i &+= 1 }
        case .sigmoid:
            while i < count { let y = output[i]; gradient[i] += upstream[i] * y * (1 - y); i &+= 1 }
        }
    }
}
