/// Y = f(X) elementwise. Backward: dX += dY · f′(X).
final class ActivationOperation: Operation {
    let activation: Activation
    var name: String { activation.description }

    init(activation: Activation) { self.activation = activation }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        activation.apply(inputs[0].pointer, to: output.pointer, count: output.count)
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        activation.accumulateGradient(
            input: inputs[0].pointer, output: output.pointer, upstream: outputGradient.pointer,
            into: dx.pointer, count: output.count)
    }
}

/// s = c·Σ X (c = 1 for a sum, 1/n for a mean). Backward: dX += c·ds.
final class SumOperation: Operation {
    let factor: Double
    var name: String { "sum" }

    init(factor: Double) { self.factor = factor }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        output.pointer[0] = Self.value(inputs[0].pointer, count: inputs[0].count, factor: factor)
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        Self.accumulateGradient(into: dx.pointer, count: dx.count, factor: factor, upstream: outputGradient.pointer[0])
    }

    /// c·Σ x over `count` elements (shared with `DenseTrainer`, so both round alike).
    static func value(_ x: UnsafePointer<Double>, count: Int, factor: Double) -> Double {
        var total = 0.0
        var i = 0
        while i < count { total += x[i]; i &+= 1 }
        return factor * total
    }

    /// dx += c·upstream.
    static func accumulateGradient(into dx: UnsafeMutablePointer<Double>, count: Int, factor: Double, upstream: Double) {
        let g = factor * upstream
        var i = 0
        while i < count { dx[i] += g; i &+= 1 }
    }
}

/// s = c·Σ X² (with c = λ/2, the L2 penalty). Backward: dX += 2c·X·ds.
final class SumOfSquaresOperation: Operation {
    let factor: Double
    var name: String { "sumOfSquares" }

    init(factor: Double) { self.factor = factor }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        output.pointer[0] = Self.value(inputs[0].pointer, count: inputs[0].count, factor: factor)
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        Self.accumulateGradient(
            inputs[0].pointer, into: dx.pointer, count: dx.count, factor: factor, upstream: outputGradient.pointer[0])
    }

    /// c·Σ x² over `count` elements (shared with `DenseTrainer`).
    static func value(_ x: UnsafePointer<Double>, count: Int, factor: Double) -> Double {
        var total = 0.0
        var i = 0
        while i < count { total += x[i] * x[i]; i &+= 1 }
        return factor * total
    }

    /// dx += 2c·x·upstream.
    static func accumulateGradient(
        _ x: UnsafePointer<Double>, into dx: UnsafeMutablePointer<Double>, count: Int, factor: Double, upstream: Double
    ) {
        let g = 2 * factor * upstream
        var i = 0
        while i < count { dx[i] += g * x[i]; i &+= 1 }
    }
}

extension Graph {
    /// The activation function applied elementwise.
    public func activation(_ a: Node, _ activation: Activation) throws -> Node {
        let shape = try shape(of: a)
        return try add(ActivationOperation(activation: activation), inputs: [a], rows: shape.rows, columns: shape.columns)
    }

    /// The sum of all elements, 1 × 1.
    public func sum(_ a: Node) throws -> Node {
        try add(SumOperation(factor: 1), inputs: [a], rows: 1, columns: 1)
    }

    /// The mean of all elements, 1 × 1.
    public func mean(_ a: Node) throws -> Node {
        let count = try shape(of: a).rows * shape(of: a).columns
        return try add(SumOperation(factor: 1 / Double(Swift.max(count, 1))), inputs: [a], rows: 1, columns: 1)
    }

    /// factor · Σ a², 1 × 1 (factor ½λ is the L2 penalty ½λΣW²).
    public func sumOfSquares(_ a: Node, factor: Double = 1) throws -> Node {
        try add(SumOfSquaresOperation(factor: factor), inputs: [a], rows: 1, columns: 1)
    }
}
