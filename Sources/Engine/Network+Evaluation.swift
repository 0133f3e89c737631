/// A network laid out as a graph for one batch of inputs and, when training, one loss.
struct CompiledNetwork {
    let graph: Graph
    /// One parameter node per layer's weight matrix.
    let weights: [Graph.Node]
    /// One parameter node per layer's bias row (empty without biases).
    let biases: [Graph.Node]
    /// Each layer's output after its activation.
    let layerOutputs: [Graph.Node]
    /// The loss (plus the L2 penalty), when one was asked for.
    let loss: Graph.Node?
}

extension Network {
    /// Lays the network out as a graph over `inputs` (one sample per row).
    func compile(inputs: Tensor, loss: Loss?, l2: Double = 0) throws -> CompiledNetwork {
        try checkInputs(inputs)
        let graph = Graph()
        var weights: [Graph.Node] = [], biases: [Graph.Node] = [], outputs: [Graph.Node] = []
        var current = graph.constant(inputs)
        for (index, layer) in layers.enumerated() {
            let weight = graph.parameter(weightMatrices[index])
            weights.append(weight)
            var sum = try graph.matmul(current, weight)
            if hasBias {
                let bias = graph.parameter(biasVectors[index])
                biases.append(bias)
                sum = try graph.add(sum, bias)
            }
            current = layer.activation == .identity ? sum : try graph.activation(sum, layer.activation)
            outputs.append(current)
        }
        var total: Graph.Node?
        if let loss {
            var node = try loss.node(in: graph, output: current)
            if l2 != 0 {
                for weight in weights {
                    node = try graph.add(node, graph.sumOfSquares(weight, factor: 0.5 * l2))
                }
            }
            total = node
        }
        return CompiledNetwork(graph: graph, weights: weights, biases: biases, layerOutputs: outputs, loss: total)
    }

    /// Throws unless `inputs` has one column per network input.
    func checkInputs(_ inputs: Tensor) throws {
        guard inputs.columns == inputCount else {
            throw EngineError.shapeMismatch(
                operation: "network input (a network with \(inputCount) inputs needs \(inputCount) columns)",
                left: inputs.shape, right: Shape(inputs.rows, inputCount))
        }
    }

    /// The output row for one input vector.
    public func forward(_ input: [Double]) throws -> [Double] {
        try forward(Tensor(input)).scalars
    }

    /// The outputs for a batch of inputs, one sample per row.
    public func forward(_ inputs: Tensor) throws -> Tensor {
        var last = inputs
        try layerByLayer(inputs) { last = $0 }
        return last
    }

    /// The single output for one input vector; throws when the network has several outputs.
    public func output(_ input: [Double]) throws -> Double {
        let values = try forward(input)
        guard values.count == 1, let value = values.first else {
            throw EngineError.invalidArgument("output(_:) needs a network with one output; this one has \(values.count): use forward(_:)")
        }
        return value
    }

    /// Every layer's output after its activation, first hidden layer to output layer.
    public func activations(_ inputs: Tensor) throws -> [Tensor] {
        var outputs: [Tensor] = []
        outputs.reserveCapacity(layers.count)
        try layerByLayer(inputs) { outputs.append($0) }
        return outputs
    }

    /// Runs the layers one at a time, handing each layer's output to `output`. The same
    /// kernels as the network's graph, with the same arguments (so the same bits: a test
    /// compares them), writing straight into the arrays the outputs keep: besides what is
    /// returned nothing is alive: each layer's sum becomes its output in place.
    private func layerByLayer(_ inputs: Tensor, _ output: (Tensor) -> Void) throws {
        try checkInputs(inputs)
        var current = inputs
        for (index, layer) in layers.enumerated() {
            let rows = current.rows, fanIn = current.columns, units = layer.units
            let count = try checkedCount(rows, units, "the forward pass")
            let weights = weightMatrices[index]
            var sum = Self.filled(count) { sum in
                current.scalars.withUnsafeBufferPointer { a in
                    weights.scalars.withUnsafeBufferPointer { b in
                        guard let a = a.baseAddress, let b = b.baseAddress else { return }
                        MatrixProduct.gemm(transposeA: false, transposeB: false, m: rows, n: units, k: fanIn, alpha: 1,
                                           a: a, lda: fanIn, b: b, ldb: units, beta: 0, c: sum, ldc: units)
                    }
                }
            }
            if hasBias {
                let bias = biasVectors[index].scalars
                sum.withUnsafeMutableBufferPointer { z in
                    var start = 0
                    while start < count {
                        var j = 0
                        while j < units { z[start &+ j] = z[start &+ j] + bias[j]; j &+= 1 }
                        start &+= units
                    }
                }
            }
            if layer.activation != .identity {
                // In place: each element's activation reads only that element.
                sum.withUnsafeMutableBufferPointer { z in
                    if let z = z.baseAddress { layer.activation.apply(z, to: z, count: count) }
                }
            }
            current = Tensor(unchecked: rows, units, sum)
            output(current)
        }
    }

    /// An array of `count` doubles that `write` fills completely: no zeros written first
    /// (the kernels write every element; a product with β = 0 never reads its output).
    private static func filled(_ count: Int, _ write: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            write(base)
            initialized = count
        }
    }

    /// Every layer's output for inputs given as rows.
    public func activations(_ inputs: [[Double]]) throws -> [Tensor] {
        try activations(Tensor(inputs))
    }

    /// The loss at the current weights (with the L2 penalty ½λΣW² when `l2` ≠ 0).
    public func loss(inputs: Tensor, loss: Loss, l2: Double = 0) throws -> Double {
        let compiled = try compile(inputs: inputs, loss: loss, l2: l2)
        compiled.graph.forward()
        guard let node = compiled.loss else { return .nan }
        return try compiled.graph.value(of: node).scalars[0]
    }

    /// dLoss/dparameter by name for one input vector.
    public func gradients(input: [Double], loss: Loss) throws -> NamedValues {
        try gradients(inputs: Tensor(input), loss: loss)
    }

    /// dLoss/dparameter by name for a batch (one sample per row), with an optional L2 penalty.
    public func gradients(inputs: Tensor, loss: Loss, l2: Double = 0) throws -> NamedValues {
        let compiled = try compile(inputs: inputs, loss: loss, l2: l2)
        compiled.graph.forward()
        guard let node = compiled.loss else { return NamedValues(names: [], values: []) }
        try compiled.graph.backward(from: node)
        var values: [Double] = []
        for parameter in compiled.weights + compiled.biases {
            values.append(contentsOf: try compiled.graph.gradient(of: parameter).scalars)
        }
        return NamedValues(names: parameterNames, values: values)
    }

    /// dLoss/dparameter by name for inputs given as rows.
    public func gradients(inputs: [[Double]], loss: Loss, l2: Double = 0) throws -> NamedValues {
        try gradients(inputs: Tensor(inputs), loss: loss, l2: l2)
    }
}
