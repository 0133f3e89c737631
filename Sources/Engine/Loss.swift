/// What training drives down.
public struct Loss: Sendable, CustomStringConvertible {
    enum Kind: Sendable {
        case output
        case meanSquaredError([[Double]])
        case crossEntropy([Int])
        case binaryCrossEntropy([Int])
    }

    let kind: Kind

    /// The network's output itself (summed over output units, averaged over samples):
    /// gradient descent drives the output down, as in the classic toy derivation.
    public static let output = Loss(kind: .output)

    /// Mean squared error against one row of targets per sample, averaged over every element.
    public static func mse(targets: [[Double]]) -> Loss { Loss(kind: .meanSquaredError(targets)) }

    /// Mean squared error against one target per sample (a network with one output).
    public static func mse(targets: [Double]) -> Loss { Loss(kind: .meanSquaredError(targets.map { [$0] })) }

    /// Mean squared error against a tensor of targets (one row per sample).
    public static func mse(targets: Tensor) -> Loss { Loss(kind: .meanSquaredError(targets.array)) }

    /// Softmax cross-entropy: softmax over the outputs (logits), averaged −log p(label) over samples.
    public static func crossEntropy(labels: [Int]) -> Loss { Loss(kind: .crossEntropy(labels)) }

    /// Binary cross-entropy of outputs in (0, 1) (a sigmoid last layer) against 0/1 labels.
    public static func binaryCrossEntropy(labels: [Int]) -> Loss { Loss(kind: .binaryCrossEntropy(labels)) }

    /// The loss as written in a cell.
    public var description: String {
        switch kind {
        case .output: return ".output"
        case .meanSquaredError: return ".mse(targets:)"
        case .crossEntropy: return ".crossEntropy(labels:)"
        case .binaryCrossEntropy: return ".binaryCrossEntropy(labels:)"
        }
    }

    /// Adds this loss on top of a network's output node.
    func node(in graph: Graph, output: Graph.Node) throws -> Graph.Node {
        let shape = try graph.shape(of: output)
        switch kind {
        case .output:
            return try graph.add(SumOperation(factor: 1 / Double(Swift.max(shape.rows, 1))), inputs: [output], rows: 1, columns: 1)
        case let .meanSquaredError(rows):
            return try graph.meanSquaredError(output, targets: Self.targets(rows))
        case let .crossEntropy(labels):
            return try graph.softmaxCrossEntropy(output, labels: labels)
        case let .binaryCrossEntropy(labels):
            return try graph.binaryCrossEntropy(output, labels: labels)
        }
    }

    /// The targets of `.mse` as a tensor; throws when the rows differ in length.
    static func targets(_ rows: [[Double]]) throws -> Tensor {
        do {
            return try Tensor(rows)
        } catch {
            throw EngineError.invalidArgument("mse: the target rows differ in length")
        }
    }
}
