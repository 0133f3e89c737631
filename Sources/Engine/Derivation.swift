/// The derivative of a network's output with respect to one parameter, as a chain of equal
/// expressions: `∂y/∂w9 = y3 = w5y1 + w7y2 = w5(w1x1 + w3x2) + w7(w2x1 + w4x2)`.
public struct Derivation: Sendable, CustomStringConvertible {
    /// The output differentiated, `y`.
    public let output: Symbol
    /// The parameter differentiated with respect to, `w9`.
    public let parameter: Symbol
    /// The equal forms, from the chain rule in terms of the units to the inputs alone.
    public let steps: [Expression]

    /// The last (most expanded, or simplified) form.
    public var result: Expression { steps.last ?? .number(0) }

    /// `∂y/∂w9`.
    public var derivativeText: String { "∂\(output)/∂\(parameter)" }

    /// `\frac{\partial y}{\partial w_9}`.
    public var derivativeLatex: String { "\\frac{\\partial \(output.latex)}{\\partial \(parameter.latex)}" }

    /// `∂y/∂w9 = y3 = w5y1 + w7y2 = …`.
    public var description: String {
        ([derivativeText] + steps.map(\.description)).joined(separator: " = ")
    }

    /// `\frac{\partial y}{\partial w_9} = y_3 = w_5y_1 + w_7y_2 = …`, for display math.
    public var latex: String {
        ([derivativeLatex] + steps.map(\.latex)).joined(separator: " = ")
    }

    /// The fully expanded form with every weight `w…` replaced by one symbol:
    /// `a(ax1 + ax2) + a(ax1 + ax2)` for ∂y/∂w9 with `"a"`.
    public func substituting(allWeights name: String) -> Derivation {
        let replacement = Expression.symbol(Symbol(parsing: name))
        let expanded = result.substituting { $0.letter == "w" ? replacement : nil }
        return Derivation(output: output, parameter: parameter, steps: [expanded])
    }

    /// Every step with one symbol replaced by another expression (duplicate steps dropped).
    public func substituting(_ name: String, with replacement: Expression) -> Derivation {
        let symbol = Symbol(parsing: name)
        var steps: [Expression] = []
        for step in self.steps.map({ $0.substituting { $0 == symbol ? replacement : nil } }) where steps.last != step {
            steps.append(step)
        }
        return Derivation(output: output, parameter: parameter, steps: steps)
    }

    /// The derivation with the simplified result appended (when it differs): `… = 2a²(x1 + x2)`.
    public func simplified() -> Derivation {
        let simple = result.simplified()
        return simple == result ? self : Derivation(output: output, parameter: parameter, steps: steps + [simple])
    }

    /// The value of the result with symbol values by name; throws for a missing symbol.
    public func evaluate(_ values: [String: Double]) throws -> Double {
        try result.evaluate(values)
    }

    /// The value of every step at the network's current parameters and one input vector
    /// (unit symbols take their forward values; `extra` gives other symbols such as `a`).
    public func values(network: Network, input: [Double], extra: [String: Double] = [:]) throws -> [Double] {
        var known = extra
        for (name, value) in network.parameters { known[name] = value }
        guard input.count == network.inputCount else {
            throw EngineError.shapeMismatch(operation: "input", left: Shape(1, input.count), right: Shape(1, network.inputCount))
        }
        for (name, value) in zip(network.inputNames, input) { known[name] = value }
        let activations = try network.activations(Tensor(input))
        for (names, layer) in zip(network.unitNames, activations) {
            for (name, value) in zip(names, layer.scalars) { known[name] = value }
        }
        return try steps.map { try $0.evaluate(known) }
    }

    /// The value of the result at the network's current parameters and one input vector.
    public func evaluate(network: Network, input: [Double], extra: [String: Double] = [:]) throws -> Double {
        try values(network: network, input: input, extra: extra).last ?? 0
    }
}
