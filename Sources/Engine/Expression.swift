#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A named quantity of the derivation: a letter with an optional index (`w10`, `x1`, `y3`, `y`, `a`).
public struct Symbol: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The letter, `w`.
    public let letter: String
    /// The index, 10 (nil for `y` or `a`).
    public let index: Int?

    /// A symbol such as `Symbol("w", 10)`.
    public init(_ letter: String, _ index: Int? = nil) {
        self.letter = letter
        self.index = index
    }

    /// Parses `w10` into letter `w` and index 10 (a name without digits has no index).
    public init(parsing name: String) {
        let letters = name.prefix { !$0.isNumber }
        let digits = name.dropFirst(letters.count)
        if let index = Int(digits), !letters.isEmpty, digits.first != "0" {
            self.init(String(letters), index)
        } else {
            self.init(name)
        }
    }

    /// Plain text, `w10`.
    public var description: String { letter + (index.map(String.init) ?? "") }

    /// LaTeX, `w_{10}` (or `w_9`, `y`).
    public var latex: String {
        guard let index else { return letter }
        return index < 10 && index >= 0 ? "\(letter)_\(index)" : "\(letter)_{\(index)}"
    }

    /// Weights and other symbols first, then units `y`, then inputs `x`; by letter, then index.
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool {
        func rank(_ symbol: Symbol) -> Int { symbol.letter == "x" ? 2 : symbol.letter == "y" ? 1 : 0 }
        if rank(lhs) != rank(rhs) { return rank(lhs) < rank(rhs) }
        if lhs.letter != rhs.letter { return lhs.letter < rhs.letter }
        return (lhs.index ?? -1) < (rhs.index ?? -1)
    }
}

/// A symbolic expression in the notation of the classic derivation: sums, products, powers,
/// and activation functions written f(·) with f′(·) in derivatives.
public indirect enum Expression: Sendable, Hashable {
    /// A number.
    case number(Double)
    /// A symbol.
    case symbol(Symbol)
    /// A sum of terms, in order.
    case sum([Expression])
    /// A product of factors, in order.
    case product([Expression])
    /// A power with a whole exponent.
    case power(Expression, Int)
    /// An activation function (`f`) or its derivative (`f′`) applied to an argument.
    case function(name: String, activation: Activation, derivative: Bool, argument: Expression)

    /// A sum that flattens nested sums and drops zeros.
    static func makeSum(_ terms: [Expression]) -> Expression {
        var flat: [Expression] = []
        for term in terms {
            switch term {
            case let .sum(inner): flat.append(contentsOf: inner)
            case .number(0): continue
            default: flat.append(term)
            }
        }
        if flat.isEmpty { return .number(0) }
        return flat.count == 1 ? flat[0] : .sum(flat)
    }

    /// A product that flattens nested products, drops ones and collapses to 0 with a zero factor.
    static func makeProduct(_ factors: [Expression]) -> Expression {
        var flat: [Expression] = []
        for factor in factors {
            switch factor {
            case let .product(inner): flat.append(contentsOf: inner)
            case .number(1): continue
            case .number(0): return .number(0)
            default: flat.append(factor)
            }
        }
        if flat.isEmpty { return .number(1) }
        return flat.count == 1 ? flat[0] : .product(flat)
    }

    /// Replaces symbols (those `replacement` maps), rebuilding flattened sums and products.
    public func substituting(_ replacement: (Symbol) -> Expression?) -> Expression {
        switch self {
        case .number: return self
        case let .symbol(symbol): return replacement(symbol) ?? self
        case let .sum(terms): return .makeSum(terms.map { $0.substituting(replacement) })
        case let .product(factors): return .makeProduct(factors.map { $0.substituting(replacement) })
        case let .power(base, exponent): return .power(base.substituting(replacement), exponent)
        case let .function(name, activation, derivative, argument):
            return .function(name: name, activation: activation, derivative: derivative, argument: argument.substituting(replacement))
        }
    }

    /// Every symbol that occurs, in order of first occurrence.
    public var symbols: [Symbol] {
        var seen: [Symbol] = []
        func visit(_ expression: Expression) {
            switch expression {
            case .number: return
            case let .symbol(symbol): if !seen.contains(symbol) { seen.append(symbol) }
            case let .sum(parts), let .product(parts): parts.forEach(visit)
            case let .power(base, _): visit(base)
            case let .function(_, _, _, argument): visit(argument)
            }
        }
        visit(self)
        return seen
    }

    /// The value, with each symbol's value from `value` (which throws for an unknown symbol).
    public func evaluate(_ value: (Symbol) throws -> Double) throws -> Double {
        switch self {
        case let .number(number): return number
        case let .symbol(symbol): return try value(symbol)
        case let .sum(terms): return try terms.reduce(0) { $0 + (try $1.evaluate(value)) }
        case let .product(factors): return try factors.reduce(1) { $0 * (try $1.evaluate(value)) }
        case let .power(base, exponent):
            return pow(try base.evaluate(value), Double(exponent))
        case let .function(_, activation, derivative, argument):
            let z = try argument.evaluate(value)
            return derivative ? activation.derivative(z) : activation.value(z)
        }
    }

    /// The value, with symbol values by name (`["w1": 0.5, "x1": 1]`); throws for a missing one.
    public func evaluate(_ values: [String: Double]) throws -> Double {
        try evaluate { symbol in
            guard let value = values[symbol.description] else {
                throw EngineError.unknownName(symbol.description, known: "no value was given for it")
            }
            return value
        }
    }
}
