/// A polynomial view of an expression: terms of a coefficient times atoms raised to powers.
/// Atoms are symbols and activation functions (kept whole, with simplified arguments).
struct Polynomial {
    /// One atom with its exponent.
    struct Factor: Hashable {
        let atom: Expression
        let exponent: Int
    }

    /// coefficient · Π atomᵉ, factors sorted.
    struct Term {
        var coefficient: Double
        var factors: [Factor]
    }

    var terms: [Term]

    /// Orders atoms: symbols by `Symbol`'s order, then functions by their text.
    static func precedes(_ a: Expression, _ b: Expression) -> Bool {
        switch (a, b) {
        case let (.symbol(x), .symbol(y)): return x < y
        case (.symbol, _): return true
        case (_, .symbol): return false
        default: return a.description < b.description
        }
    }

    static func normalized(_ factors: [Factor]) -> [Factor] {
        var merged: [Factor] = []
        for factor in factors.sorted(by: { precedes($0.atom, $1.atom) }) {
            if let last = merged.last, last.atom == factor.atom {
                merged[merged.count - 1] = Factor(atom: factor.atom, exponent: last.exponent + factor.exponent)
            } else {
                merged.append(factor)
            }
        }
        return merged.filter { $0.exponent != 0 }
    }

    /// Expands products of sums and collects like terms, in a stable order.
    init(_ expression: Expression) {
        switch expression {
        case let .number(value):
            terms = [Term(coefficient: value, factors: [])]
        case .symbol:
            terms = [Term(coefficient: 1, factors: [Factor(atom: expression, exponent: 1)])]
        case let .function(name, activation, derivative, argument):
            let atom = Expression.function(name: name, activation: activation, derivative: derivative, argument: argument.simplified())
            terms = [Term(coefficient: 1, factors: [Factor(atom: atom, exponent: 1)])]
        case let .sum(parts):
            terms = parts.flatMap { Polynomial($0).terms }
        case let .product(parts):
            terms = [Term(coefficient: 1, factors: [])]
            for part in parts { self = self.times(Polynomial(part)) }
        case let .power(base, exponent):
            if exponent >= 0, exponent <= 16 {
                terms = [Term(coefficient: 1, factors: [])]
                let polynomial = Polynomial(base)
                for _ in 0..<exponent { self = self.times(polynomial) }
            } else {
                terms = [Term(coefficient: 1, factors: [Factor(atom: base, exponent: exponent)])]
            }
        }
        collect()
    }

    func times(_ other: Polynomial) -> Polynomial {
        var result = Polynomial(terms: [])
        for a in terms {
            for b in other.terms {
                result.terms.append(Term(coefficient: a.coefficient * b.coefficient, factors: Self.normalized(a.factors + b.factors)))
            }
        }
        return result
    }

    private init(terms: [Term]) {
        self.terms = terms
    }

    /// Merges terms with the same factors, drops zero terms, orders terms by their factors.
    mutating func collect() {
        var order: [[Factor]] = []
        var coefficients: [[Factor]: Double] = [:]
        for term in terms {
            let key = Self.normalized(term.factors)
            if coefficients[key] == nil { order.append(key) }
            coefficients[key, default: 0] += term.coefficient
        }
        terms = order.compactMap { key in
            guard let coefficient = coefficients[key], coefficient != 0 else { return nil }
            return Term(coefficient: coefficient, factors: key)
        }
        terms.sort { Self.ordered($0.factors, $1.factors) }
    }

    static func ordered(_ a: [Factor], _ b: [Factor]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            if x.atom != y.atom { return precedes(x.atom, y.atom) }
            return x.exponent > y.exponent
        }
        return a.count < b.count
    }

    static func expression(_ coefficient: Double, _ factors: [Factor]) -> Expression {
        let powers = factors.map { $0.exponent == 1 ? $0.atom : .power($0.atom, $0.exponent) }
        return .makeProduct([.number(coefficient)] + powers)
    }

    /// The polynomial with its common whole-number factor and common atoms taken out: `2a²(x1 + x2)`.
    var factored: Expression {
        guard let first = terms.first else { return .number(0) }
        if terms.count == 1 { return Self.expression(first.coefficient, first.factors) }
        var common = first.factors
        for term in terms.dropFirst() {
            common = common.compactMap { factor in
                term.factors.first { $0.atom == factor.atom }.map { Factor(atom: factor.atom, exponent: Swift.min($0.exponent, factor.exponent)) }
            }
        }
        common = common.filter { $0.exponent > 0 }
        var divisor = 1.0
        if terms.allSatisfy({ abs($0.coefficient) < 1e15 && $0.coefficient == $0.coefficient.rounded(.towardZero) }) {
            var g: Int64 = 0
            for term in terms { g = Self.gcd(g, Int64(abs(term.coefficient))) }
            divisor = Double(Swift.max(g, 1))
        }
        let rest = terms.map { term -> Expression in
            let remaining = term.factors.compactMap { factor -> Factor? in
                let taken = common.first { $0.atom == factor.atom }?.exponent ?? 0
                return factor.exponent - taken == 0 ? nil : Factor(atom: factor.atom, exponent: factor.exponent - taken)
            }
            return Self.expression(term.coefficient / divisor, remaining)
        }
        return .makeProduct([.number(divisor)] + common.map { $0.exponent == 1 ? $0.atom : .power($0.atom, $0.exponent) } + [.sum(rest)])
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        b == 0 ? a : gcd(b, a % b)
    }
}

extension Expression {
    /// Expands, collects like terms and takes out common factors:
    /// `a(ax1 + ax2) + a(ax1 + ax2)` becomes `2a²(x1 + x2)`.
    public func simplified() -> Expression {
        Polynomial(self).factored
    }
}
