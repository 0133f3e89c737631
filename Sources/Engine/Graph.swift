/// A reverse-mode automatic-differentiation graph over tensors, built once and run many times.
///
/// Build it from constants and parameters with the operations (`matmul`, `add`,
/// `activation`, the losses, …); every shape is checked while building, so running never
/// fails. `forward()` computes every value in build order; `backward(from:)` computes the
/// gradient of a 1 × 1 node with respect to every node that depends on a parameter.
public final class Graph {
    /// A handle on one node of one graph.
    public struct Node: Hashable, Sendable {
        let index: Int
        let graph: ObjectIdentifier
    }

    /// One node: a class, so running the graph touches one reference per node.
    final class Entry {
        let operation: (any Operation)?
        let inputs: [Buffer]
        let inputGradients: [Buffer?]
        let value: Buffer
        let gradient: Buffer?

        init(operation: (any Operation)?, inputs: [Buffer], inputGradients: [Buffer?], value: Buffer, gradient: Buffer?) {
            self.operation = operation
            self.inputs = inputs
            self.inputGradients = inputGradients
            self.value = value
            self.gradient = gradient
        }
    }

    private(set) var entries: [Entry] = []

    /// An empty graph.
    public init() {}

    /// A node holding a fixed value (an input, a target): no gradient flows into it.
    public func constant(_ value: Tensor) -> Node {
        append(Entry(operation: nil, inputs: [], inputGradients: [], value: Buffer(value), gradient: nil))
    }

    /// A node holding a value to differentiate with respect to (a weight).
    public func parameter(_ value: Tensor) -> Node {
        append(Entry(
            operation: nil, inputs: [], inputGradients: [], value: Buffer(value),
            gradient: Buffer(rows: value.rows, columns: value.columns)))
    }

    /// Adds an operation node whose output has the given shape.
    func add(_ operation: any Operation, inputs: [Node], rows: Int, columns: Int) throws -> Node {
        let parents = try inputs.map(entry)
        let needsGradient = parents.contains { $0.gradient != nil }
        _ = try checkedCount(rows, columns, operation.name)
        return append(Entry(
            operation: operation,
            inputs: parents.map(\.value),
            inputGradients: parents.map(\.gradient),
            value: Buffer(rows: rows, columns: columns),
            gradient: needsGradient ? Buffer(rows: rows, columns: columns) : nil))
    }

    private func append(_ entry: Entry) -> Node {
        entries.append(entry)
        return Node(index: entries.count - 1, graph: ObjectIdentifier(self))
    }

    /// The entry of a node of this graph; throws for a node of another graph.
    func entry(_ node: Node) throws -> Entry {
        guard node.graph == ObjectIdentifier(self), node.index >= 0, node.index < entries.count else {
            throw EngineError.invalidArgument("this node belongs to another graph")
        }
        return entries[node.index]
    }

    /// The shape of a node's value.
    public func shape(of node: Node) throws -> Shape {
        try entry(node).value.shape
    }

    /// Computes every node's value, in the order the graph was built.
    public func forward() {
        for entry in entries {
            entry.operation?.forward(entry.inputs, entry.value)
        }
    }

    /// Computes d(loss)/d(node) for every node that depends on a parameter; `loss` must be 1 × 1.
    /// Call `forward()` first.
    public func backward(from loss: Node) throws {
        let lossEntry = try entry(loss)
        guard lossEntry.value.count == 1 else {
            throw EngineError.shapeMismatch(operation: "backward needs a 1 × 1 loss", left: lossEntry.value.shape, right: Shape(1, 1))
        }
        for entry in entries { entry.gradient?.zero() }
        guard let seed = lossEntry.gradient else { return }
        seed.pointer[0] = 1
        var index = loss.index
        while index >= 0 {
            let entry = entries[index]
            if let operation = entry.operation, let gradient = entry.gradient {
                operation.backward(entry.inputs, entry.value, gradient, entry.inputGradients)
            }
            index -= 1
        }
    }

    /// The current value of a node.
    public func value(of node: Node) throws -> Tensor {
        try entry(node).value.tensor
    }

    /// The gradient of the last `backward` loss with respect to a node (zeros when it does not depend on a parameter).
    public func gradient(of node: Node) throws -> Tensor {
        let entry = try entry(node)
        return entry.gradient?.tensor ?? Tensor(unchecked: entry.value.rows, entry.value.columns,
                                                [Double](repeating: 0, count: entry.value.count))
    }

    /// Replaces a constant's or parameter's value; throws when the shape differs.
    public func setValue(_ value: Tensor, of node: Node) throws {
        let entry = try entry(node)
        guard entry.operation == nil else {
            throw EngineError.invalidArgument("only constants and parameters can be set; this node is computed")
        }
        guard entry.value.shape == value.shape else {
            throw EngineError.shapeMismatch(operation: "setValue", left: entry.value.shape, right: value.shape)
        }
        entry.value.load(value)
    }
}
