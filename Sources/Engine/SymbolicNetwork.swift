/// One unit's equation: `y1 = w1x1 + w3x2`, or `y1 = f(w1x1 + w3x2)` with an activation.
public struct Equation: Sendable, Hashable, CustomStringConvertible {
    /// The unit, `y1`.
    public let unit: Symbol
    /// Its value in terms of the previous layer.
    public let value: Expression

    /// `y1 = w1x1 + w3x2`.
    public var description: String { "\(unit) = \(value)" }
    /// `y_1 = w_1x_1 + w_3x_2`.
    public var latex: String { "\(unit.latex) = \(value.latex)" }
}

/// A network written as equations in the classic notation, able to derive the gradient of
/// its output with respect to any weight by the chain rule, one layer at a time.
public struct SymbolicNetwork: Sendable, CustomStringConvertible {
    /// The largest network `Network.symbolic()` writes out (expressions grow with the width).
    public static let maximumWeights = 400

    /// Each layer's units.
    let units: [[Symbol]]
    /// The inputs, `x1 … xn`.
    let inputs: [Symbol]
    /// Each layer's pre-activation sums, in terms of the previous layer, per unit.
    let sums: [[Expression]]
    /// Each layer's activation, with the letter it is written as (`f`), nil for identity.
    let functions: [(name: String, activation: Activation)?]
    /// Each layer's weight symbols, [source][target].
    let weights: [[[Symbol]]]
    /// Each layer's bias symbols (empty without biases).
    let biases: [[Symbol]]

    /// The equations, first hidden layer to output: `y1 = w1x1 + w3x2`, …, `y = w9y3 + w10y4`.
    public var equations: [Equation] {
        zip(units, sums.indices).flatMap { layerUnits, layer in
            zip(layerUnits, sums[layer]).map { Equation(unit: $0, value: apply(layer, to: $1)) }
        }
    }

    /// One equation per line.
    public var description: String { equations.map(\.description).joined(separator: "\n") }

    /// The equations as a LaTeX `aligned` block.
    public var latex: String {
        "\\begin{aligned}\n" + equations.map { "\($0.unit.latex) &= \($0.value.latex)" }.joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    /// A layer's activation applied to a sum (the sum itself for identity).
    func apply(_ layer: Int, to sum: Expression, derivative: Bool = false) -> Expression {
        guard let function = functions[layer] else { return derivative ? .number(1) : sum }
        return .function(name: function.name, activation: function.activation, derivative: derivative, argument: sum)
    }

    /// The layer and unit of a hidden or output unit symbol.
    func position(of symbol: Symbol) -> (layer: Int, unit: Int)? {
        for (layer, layerUnits) in units.enumerated() {
            if let unit = layerUnits.firstIndex(of: symbol) { return (layer, unit) }
        }
        return nil
    }

    /// ∂y/∂y_{layer,unit}: 1 at the output, otherwise Σ_k ∂y/∂z_k · w_{unit→k} over the next layer.
    func upstream(_ layer: Int, _ unit: Int) -> Expression {
        if layer == units.count - 1 { return .number(1) }
        let next = layer + 1
        return .makeSum(units[next].indices.map { k in
            .makeProduct([delta(next, k), .symbol(weights[next][unit][k])])
        })
    }

    /// ∂y/∂z_{layer,unit} = ∂y/∂y_{layer,unit} · f′(z).
    func delta(_ layer: Int, _ unit: Int) -> Expression {
        .makeProduct([upstream(layer, unit), apply(layer, to: sums[layer][unit], derivative: true)])
    }

    /// The derivation of ∂y/∂(name) for a weight `w…` or bias `b…`: the chain rule in terms of
    /// the units, then each layer's units replaced by their equations, deepest layer first.
    public func gradient(of name: String) throws -> Derivation {
        guard units.last?.count == 1, let output = units.last?.first else {
            throw EngineError.invalidArgument("the symbolic gradient needs a network with one output y; this one has \(units.last?.count ?? 0)")
        }
        let target = Symbol(parsing: name)
        var first: Expression?
        for layer in weights.indices {
            for (source, row) in weights[layer].enumerated() {
                if let unit = row.firstIndex(of: target) {
                    let sources = layer == 0 ? inputs : units[layer - 1]
                    first = .makeProduct([delta(layer, unit), .symbol(sources[source])])
                }
            }
            if let unit = biases[layer].firstIndex(of: target) { first = delta(layer, unit) }
        }
        guard let first else {
            let known = "the network has w1…w\(weights.joined().joined().count)" + (biases.joined().isEmpty ? "" : " and b1…b\(biases.joined().count)")
            throw EngineError.unknownName(name, known: known)
        }
        var steps = [first]
        while true {
            let current = steps[steps.count - 1]
            let deepest = current.symbols.compactMap { position(of: $0)?.layer }.max()
            guard let deepest else { break }
            steps.append(current.substituting { symbol in
                guard let (layer, unit) = position(of: symbol), layer == deepest else { return nil }
                return apply(layer, to: sums[layer][unit])
            })
        }
        return Derivation(output: output, parameter: target, steps: steps)
    }
}

extension Network {
    /// The network as symbolic equations in the classic notation; throws above
    /// `SymbolicNetwork.maximumWeights` weights, where the expressions would be unreadable.
    public func symbolic() throws -> SymbolicNetwork {
        guard weightCount <= SymbolicNetwork.maximumWeights else {
            throw EngineError.invalidArgument(
                "symbolic(): this network has \(weightCount) weights; derivations are written for at most \(SymbolicNetwork.maximumWeights)")
        }
        let letters = ["f", "g", "h", "k", "m", "p", "q", "r"]
        var named: [Activation] = []
        let functions: [(name: String, activation: Activation)?] = layers.map { layer in
            guard layer.activation != .identity else { return nil }
            if !named.contains(layer.activation) { named.append(layer.activation) }
            let index = named.firstIndex(of: layer.activation) ?? 0
            return (index < letters.count ? letters[index] : "f\(index + 1)", layer.activation)
        }
        let units = unitNames.map { $0.map(Symbol.init(parsing:)) }
        let inputs = inputNames.map(Symbol.init(parsing:))
        var weights: [[[Symbol]]] = [], biases: [[Symbol]] = [], sums: [[Expression]] = []
        var nextWeight = 1, nextBias = 1
        var sources = inputs
        for (index, layer) in layers.enumerated() {
            var matrix: [[Symbol]] = []
            for _ in sources {
                matrix.append((0..<layer.units).map { Symbol("w", nextWeight + $0) })
                nextWeight += layer.units
            }
            let layerBiases: [Symbol] = hasBias ? (0..<layer.units).map { Symbol("b", nextBias + $0) } : []
            nextBias += layerBiases.count
            weights.append(matrix)
            biases.append(layerBiases)
            sums.append((0..<layer.units).map { unit in
                let terms = sources.indices.map { Expression.makeProduct([.symbol(matrix[$0][unit]), .symbol(sources[$0])]) }
                return .makeSum(terms + (hasBias ? [.symbol(layerBiases[unit])] : []))
            })
            sources = units[index]
        }
        return SymbolicNetwork(units: units, inputs: inputs, sums: sums, functions: functions, weights: weights, biases: biases)
    }
}
