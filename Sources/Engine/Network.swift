/// A fully connected feed-forward network, named exactly as the classic derivation names it.
///
/// Inputs are `x1, x2, …`; units are numbered on from the first hidden layer (`y1, y2` in
/// layer 1, `y3, y4` in layer 2, …), and a single output unit is `y`. Weights are numbered
/// on across layers, inside a layer by source unit first, then target unit, which is the
/// row-major order of each fan_in × fan_out matrix: in the 2-2-2-1 network `w1: x1→y1,
/// w2: x1→y2, w3: x2→y1, w4: x2→y2, w5: y1→y3, …, w10: y4→y`. Biases are `b1, b2, …` in
/// unit order. A new network's weights are all zero until `initialize` is called.
public final class Network {
    /// The number of inputs.
    public let inputCount: Int
    /// The layers, first hidden layer to output layer.
    public let layers: [Dense]
    /// Whether every unit has a bias.
    public let hasBias: Bool
    /// Each layer's fan_in × fan_out weight matrix.
    var weightMatrices: [Tensor] { didSet { version &+= 1 } }
    /// Each layer's 1 × fan_out bias row (zeros, and unused, without biases).
    var biasVectors: [Tensor] { didSet { version &+= 1 } }
    /// Counts the changes to weights and biases: equal versions, equal parameters. Lets a
    /// caller holding the network tell whether anything changed it since it last looked.
    public private(set) var version = 0

    /// A network whose layers all share one activation (the output layer too).
    public convenience init(inputs: Int, layers: [Int], activation: Activation = .identity, bias: Bool = true) throws {
        try self.init(inputs: inputs, layers: layers.map { Dense($0, activation) }, bias: bias)
    }

    /// A network with a size and activation per layer.
    public init(inputs: Int, layers: [Dense], bias: Bool = true) throws {
        guard inputs >= 1 else { throw EngineError.invalidArgument("a network needs at least one input, got \(inputs)") }
        guard !layers.isEmpty else { throw EngineError.invalidArgument("a network needs at least one layer") }
        if let bad = layers.first(where: { $0.units < 1 }) {
            throw EngineError.invalidArgument("every layer needs at least one unit, got \(bad.units)")
        }
        var fanIn = inputs, total = 0
        var matrices: [Tensor] = [], biases: [Tensor] = []
        for layer in layers {
            let count = try checkedCount(fanIn, layer.units, "Network")
            total += count
            guard total <= Tensor.maximumElementCount else {
                throw EngineError.invalidArgument("the network has more than \(Tensor.maximumElementCount) weights")
            }
            matrices.append(Tensor(unchecked: fanIn, layer.units, [Double](repeating: 0, count: count)))
            biases.append(Tensor(unchecked: 1, layer.units, [Double](repeating: 0, count: layer.units)))
            fanIn = layer.units
        }
        inputCount = inputs
        self.layers = layers
        hasBias = bias
        weightMatrices = matrices
        biasVectors = biases
    }

    /// The number of outputs (units of the last layer).
    public var outputCount: Int { layers.last?.units ?? 0 }

    /// The number of weights.
    public var weightCount: Int { weightMatrices.reduce(0) { $0 + $1.count } }

    /// The number of biases (0 without biases).
    public var biasCount: Int { hasBias ? layers.reduce(0) { $0 + $1.units } : 0 }

    /// `w1 … wN` in order.
    public var weightNames: [String] { (0..<weightCount).map { "w\($0 + 1)" } }

    /// `b1 … bM` in order (empty without biases).
    public var biasNames: [String] { (0..<biasCount).map { "b\($0 + 1)" } }

    /// The weight names, then the bias names.
    public var parameterNames: [String] { weightNames + biasNames }

    /// Every weight by name, in order.
    public var weights: NamedValues {
        NamedValues(names: weightNames, values: weightMatrices.flatMap(\.scalars))
    }

    /// Every bias by name, in order (empty without biases).
    public var biases: NamedValues {
        NamedValues(names: biasNames, values: hasBias ? biasVectors.flatMap(\.scalars) : [])
    }

    /// Every weight, then every bias.
    public var parameters: NamedValues {
        NamedValues(names: parameterNames, values: weights.values + biases.values)
    }

    /// Fills every weight matrix from the initializer and sets every bias to zero.
    /// Random initializers draw from one numpy-identical stream seeded with `seed`.
    public func initialize(_ initializer: Initializer, seed: Int = 0) throws {
        try initializer.validate()
        var stream = try RandomState(seed: seed)
        var fanIn = inputCount
        // Each matrix replaces the old one as soon as it is drawn, so the two sets of weights
        // are never alive at once. The shapes were checked when the network was made, so no
        // draw can fail half way.
        for (index, layer) in layers.enumerated() {
            weightMatrices[index] = try initializer.matrix(fanIn: fanIn, fanOut: layer.units, stream: &stream)
            fanIn = layer.units
        }
        biasVectors = biasVectors.map { $0 * 0 }
    }

    /// The weight matrix of `layer` (1 = first hidden layer), fan_in × fan_out.
    public func weightMatrix(layer: Int) throws -> Tensor {
        weightMatrices[try layerIndex(layer)]
    }

    /// Replaces the weight matrix of `layer` (1-based); throws when the shape differs.
    public func setWeightMatrix(_ matrix: Tensor, layer: Int) throws {
        let index = try layerIndex(layer)
        guard matrix.shape == weightMatrices[index].shape else {
            throw EngineError.shapeMismatch(operation: "setWeightMatrix(layer: \(layer))", left: weightMatrices[index].shape, right: matrix.shape)
        }
        weightMatrices[index] = matrix
    }

    /// The bias row of `layer` (1-based), 1 × units.
    public func biasVector(layer: Int) throws -> Tensor {
        biasVectors[try layerIndex(layer)]
    }

    func layerIndex(_ layer: Int) throws -> Int {
        guard layer >= 1, layer <= layers.count else {
            throw EngineError.indexOutOfRange("layer \(layer) does not exist: this network has layers 1…\(layers.count)")
        }
        return layer - 1
    }
}

/// One fully connected layer: its number of units and its activation.
public struct Dense: Sendable, Hashable, CustomStringConvertible {
    /// The number of units.
    public let units: Int
    /// The activation of every unit.
    public let activation: Activation

    /// A layer of `units` units with the given activation (identity by default).
    public init(_ units: Int, _ activation: Activation = .identity) {
        self.units = units
        self.activation = activation
    }

    /// `Dense(2, .relu)`.
    public var description: String { "Dense(\(units), .\(activation))" }
}
