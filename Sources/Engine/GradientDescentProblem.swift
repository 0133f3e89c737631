/// What full-batch gradient descent (`Network.train`) needs from a way of computing gradients.
///
/// Two conform: `DenseTrainer`, which training uses, and the network's autodiff graph, the
/// reference it is tested against. `train` is generic over this protocol, so each path gets
/// its own specialised loop.
protocol GradientDescentProblem {
    /// Every weight matrix, then every bias row, with its gradient.
    var parameters: [ParameterBuffer] { get }
    /// Computes every value from the current parameters; returns the loss.
    func forward() -> Double
    /// Computes every parameter's gradient from the last `forward`.
    func backward() throws
}

/// One parameter block (a weight matrix or a bias row) and its gradient, as training updates it.
struct ParameterBuffer {
    let value: UnsafeMutablePointer<Double>
    let gradient: UnsafeMutablePointer<Double>
    let count: Int
}

extension DenseTrainer: GradientDescentProblem {}

/// The network's autodiff graph as a training problem.
struct GraphTrainingProblem: GradientDescentProblem {
    let graph: Graph
    let loss: Graph.Node
    let lossValue: Buffer
    let parameters: [ParameterBuffer]

    init(compiled: CompiledNetwork) throws {
        guard let loss = compiled.loss else { throw EngineError.invalidArgument("training needs a loss") }
        graph = compiled.graph
        self.loss = loss
        lossValue = try graph.entry(loss).value
        parameters = try (compiled.weights + compiled.biases).map(graph.entry).compactMap { entry in
            entry.gradient.map { ParameterBuffer(value: entry.value.pointer, gradient: $0.pointer, count: entry.value.count) }
        }
    }

    func forward() -> Double {
        graph.forward()
        return lossValue.pointer[0]
    }

    func backward() throws {
        try graph.backward(from: loss)
    }
}
