#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Each loss keeps its arithmetic in static functions over plain pointers, shared by the graph
// operation and by `DenseTrainer`, so that both paths round identically.

/// L = mean((X − T)²) over every element. Backward: dX += 2(X − T)/n · dL.
final class MeanSquaredErrorOperation: Operation {
    var name: String { "mse" }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        output.pointer[0] = Self.value(inputs[0].pointer, targets: inputs[1].pointer, count: inputs[0].count)
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        Self.accumulateGradient(
            inputs[0].pointer, targets: inputs[1].pointer, count: dx.count, upstream: outputGradient.pointer[0], into: dx.pointer)
    }

    /// Throws unless the outputs and the targets have one shape.
    static func check(outputs: Shape, targets: Shape) throws {
        guard outputs == targets else {
            throw EngineError.shapeMismatch(operation: "mse: outputs and targets", left: outputs, right: targets)
        }
    }

    static func value(_ x: UnsafePointer<Double>, targets t: UnsafePointer<Double>, count: Int) -> Double {
        var total = 0.0
        var i = 0
        while i < count {
            let d = x[i] - t[i]
            total += d * d
            i &+= 1
        }
        return total / Double(Swift.max(count, 1))
    }

    static func accumulateGradient(
        _ x: UnsafePointer<Double>, targets t: UnsafePointer<Double>, count: Int, upstream: Double,
        into dx: UnsafeMutablePointer<Double>
    ) {
        let g = 2 * upstream / Double(Swift.max(count, 1))
        var i = 0
        while i < count { dx[i] += g * (x[i] - t[i]); i &+= 1 }
    }
}

/// L = −mean over rows of log softmax(X)[label]. Backward: dX += (softmax(X) − onehot)/rows · dL.
final class SoftmaxCrossEntropyOperation: Operation {
    let labels: [Int]
    let probabilities: Buffer
    var name: String { "crossEntropy" }

    init(labels: [Int], probabilities: Buffer) {
        self.labels = labels
        self.probabilities = probabilities
    }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        let x = inputs[0]
        output.pointer[0] = labels.withUnsafeBufferPointer { labels in
            Self.value(x.pointer, rows: x.rows, columns: x.columns, labels: labels, probabilities: probabilities.pointer)
        }
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        labels.withUnsafeBufferPointer { labels in
            Self.accumulateGradient(
                rows: dx.rows, columns: dx.columns, labels: labels, probabilities: probabilities.pointer,
                upstream: outputGradient.pointer[0], into: dx.pointer)
        }
    }

    /// Throws unless there is one label per output row, each a column of the outputs.
    static func check(labels: [Int], outputs: Shape) throws {
        guard labels.count == outputs.rows else {
            throw EngineError.shapeMismatch(operation: "crossEntropy: outputs and labels", left: outputs, right: Shape(labels.count, 1))
        }
        if let bad = labels.first(where: { $0 < 0 || $0 >= outputs.columns }) {
            throw EngineError.invalidArgument(
                "crossEntropy: label \(bad) is not a class of a network with \(outputs.columns) outputs (0…\(outputs.columns - 1))")
        }
    }

    /// The loss; leaves softmax(X) in `probabilities` for the backward pass. Labels are checked.
    static func value(
        _ x: UnsafePointer<Double>, rows: Int, columns width: Int, labels: UnsafeBufferPointer<Int>,
        probabilities: UnsafeMutablePointer<Double>
    ) -> Double {
        var total = 0.0
        for i in 0..<rows {
            let row = x + i * width, p = probabilities + i * width
            var largest = -Double.infinity
            for j in 0..<width { largest = Swift.max(largest, row[j]) }
            var sum = 0.0
            for j in 0..<width {
                p[j] = exp(row[j] - largest)
                sum += p[j]
            }
            for j in 0..<width { p[j] /= sum }
            total += log(sum) - (row[labels[i]] - largest)
        }
        return total / Double(Swift.max(rows, 1))
    }

    static func accumulateGradient(
        rows: Int, columns width: Int, labels: UnsafeBufferPointer<Int>, probabilities: UnsafePointer<Double>,
        upstream: Double, into dx: UnsafeMutablePointer<Double>
    ) {
        let g = upstream / Double(Swift.max(rows, 1))
        for i in 0..<rows {
            for j in 0..<width {
                let target = labels[i] == j ? 1.0 : 0.0
                dx[i * width + j] += g * (probabilities[i * width + j] - target)
            }
        }
    }
}

/// L = −mean(y log p + (1 − y) log(1 − p)) over every element, p clipped to [ε, 1 − ε].
/// Backward: dX += (p − y)/(p(1 − p))/n · dL.
final class BinaryCrossEntropyOperation: Operation {
    static let epsilon = 1e-12
    let labels: [Double]
    var name: String { "binaryCrossEntropy" }

    init(labels: [Double]) { self.labels = labels }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        output.pointer[0] = labels.withUnsafeBufferPointer { labels in
            Self.value(inputs[0].pointer, labels: labels, count: inputs[0].count)
        }
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        labels.withUnsafeBufferPointer { labels in
            Self.accumulateGradient(
                inputs[0].pointer, labels: labels, count: dx.count, upstream: outputGradient.pointer[0], into: dx.pointer)
        }
    }

    /// Throws unless there is one 0/1 label per output.
    static func check(labels: [Int], outputs: Shape) throws {
        guard labels.count == outputs.rows * outputs.columns else {
            throw EngineError.shapeMismatch(
                operation: "binaryCrossEntropy: outputs and labels", left: outputs, right: Shape(labels.count, 1))
        }
        if let bad = labels.first(where: { $0 != 0 && $0 != 1 }) {
            throw EngineError.invalidArgument("binaryCrossEntropy: labels must be 0 or 1, got \(bad)")
        }
    }

    private static func clipped(_ p: Double) -> Double {
        Swift.min(Swift.max(p, epsilon), 1 - epsilon)
    }

    static func value(_ x: UnsafePointer<Double>, labels: UnsafeBufferPointer<Double>, count: Int) -> Double {
        var total = 0.0
        // Labels are 0 or 1 (checked), so y·log p + (1 − y)·log(1 − p) is one of its logs plus
        // a −0 (0 times a finite log): the same bits with one logarithm instead of two.
        for i in 0..<count {
            let p = clipped(x[i])
            total -= labels[i] == 1 ? log(p) : log(1 - p)
        }
        return total / Double(Swift.max(count, 1))
    }

    static func accumulateGradient(
        _ x: UnsafePointer<Double>, labels: UnsafeBufferPointer<Double>, count: Int, upstream: Double,
        into dx: UnsafeMutablePointer<Double>
    ) {
        let g = upstream / Double(Swift.max(count, 1))
        for i in 0..<count {
            let p = clipped(x[i])
            dx[i] += g * (p - labels[i]) / (p * (1 - p))
        }
    }
}

extension Graph {
    /// Mean squared error between a node and fixed targets of the same shape, 1 × 1.
    public func meanSquaredError(_ prediction: Node, targets: Tensor) throws -> Node {
        try MeanSquaredErrorOperation.check(outputs: shape(of: prediction), targets: targets.shape)
        return try add(MeanSquaredErrorOperation(), inputs: [prediction, constant(targets)], rows: 1, columns: 1)
    }

    /// Softmax cross-entropy of logits (one row per sample) against class labels, 1 × 1.
    public func softmaxCrossEntropy(_ logits: Node, labels: [Int]) throws -> Node {
        let shape = try shape(of: logits)
        try SoftmaxCrossEntropyOperation.check(labels: labels, outputs: shape)
        let operation = SoftmaxCrossEntropyOperation(labels: labels, probabilities: Buffer(rows: shape.rows, columns: shape.columns))
        return try add(operation, inputs: [logits], rows: 1, columns: 1)
    }

    /// Binary cross-entropy of probabilities (for example sigmoid outputs) against 0/1 labels, 1 × 1.
    public func binaryCrossEntropy(_ probabilities: Node, labels: [Int]) throws -> Node {
        try BinaryCrossEntropyOperation.check(labels: labels, outputs: shape(of: probabilities))
        let operation = BinaryCrossEntropyOperation(labels: labels.map(Double.init))
        return try add(operation, inputs: [probabilities], rows: 1, columns: 1)
    }
}
