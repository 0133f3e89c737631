#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// L = mean((X − T)²) over every element. Backward: dX += 2(X − T)/n · dL.
final class MeanSquaredErrorOperation: Operation {
    var name: String { "mse" }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        let x = inputs[0].pointer, t = inputs[1].pointer
        var total = 0.0
        for i in 0..<inputs[0].count {
            let d = x[i] - t[i]
            total += d * d
        }
        output.pointer[0] = total / Double(Swift.max(inputs[0].count, 1))
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        let x = inputs[0].pointer, t = inputs[1].pointer
        let g = 2 * outputGradient.pointer[0] / Double(Swift.max(dx.count, 1))
        for i in 0..<dx.count { dx.pointer[i] += g * (x[i] - t[i]) }
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
        let width = x.columns
        var total = 0.0
        for i in 0..<x.rows {
            let row = x.pointer + i * width, p = probabilities.pointer + i * width
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
        output.pointer[0] = total / Double(Swift.max(x.rows, 1))
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        let width = dx.columns
        let g = outputGradient.pointer[0] / Double(Swift.max(dx.rows, 1))
        for i in 0..<dx.rows {
            for j in 0..<width {
                let target = labels[i] == j ? 1.0 : 0.0
                dx.pointer[i * width + j] += g * (probabilities.pointer[i * width + j] - target)
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

    private func clipped(_ p: Double) -> Double {
        Swift.min(Swift.max(p, Self.epsilon), 1 - Self.epsilon)
    }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        let x = inputs[0].pointer
        var total = 0.0
        for i in 0..<inputs[0].count {
            let p = clipped(x[i]), y = labels[i]
            total -= y * log(p) + (1 - y) * log(1 - p)
        }
        output.pointer[0] = total / Double(Swift.max(inputs[0].count, 1))
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let dx = inputGradients[0] else { return }
        let x = inputs[0].pointer
        let g = outputGradient.pointer[0] / Double(Swift.max(dx.count, 1))
        for i in 0..<dx.count {
            let p = clipped(x[i])
            dx.pointer[i] += g * (p - labels[i]) / (p * (1 - p))
        }
    }
}

extension Graph {
    /// Mean squared error between a node and fixed targets of the same shape, 1 × 1.
    public func meanSquaredError(_ prediction: Node, targets: Tensor) throws -> Node {
        let shape = try shape(of: prediction)
        guard shape == targets.shape else {
            throw EngineError.shapeMismatch(operation: "mse: outputs and targets", left: shape, right: targets.shape)
        }
        return try add(MeanSquaredErrorOperation(), inputs: [prediction, constant(targets)], rows: 1, columns: 1)
    }

    /// Softmax cross-entropy of logits (one row per sample) against class labels, 1 × 1.
    public func softmaxCrossEntropy(_ logits: Node, labels: [Int]) throws -> Node {
        let shape = try shape(of: logits)
        guard labels.count == shape.rows else {
            throw EngineError.shapeMismatch(operation: "crossEntropy: outputs and labels", left: shape, right: Shape(labels.count, 1))
        }
        if let bad = labels.first(where: { $0 < 0 || $0 >= shape.columns }) {
            throw EngineError.invalidArgument(
                "crossEntropy: label \(bad) is not a class of a network with \(shape.columns) outputs (0…\(shape.columns - 1))")
        }
        let operation = SoftmaxCrossEntropyOperation(labels: labels, probabilities: Buffer(rows: shape.rows, columns: shape.columns))
        return try add(operation, inputs: [logits], rows: 1, columns: 1)
    }

    /// Binary cross-entropy of probabilities (for example sigmoid outputs) against 0/1 labels, 1 × 1.
    public func binaryCrossEntropy(_ probabilities: Node, labels: [Int]) throws -> Node {
        let shape = try shape(of: probabilities)
        guard labels.count == shape.rows * shape.columns else {
            throw EngineError.shapeMismatch(
                operation: "binaryCrossEntropy: outputs and labels", left: shape, right: Shape(labels.count, 1))
        }
        if let bad = labels.first(where: { $0 != 0 && $0 != 1 }) {
            throw EngineError.invalidArgument("binaryCrossEntropy: labels must be 0 or 1, got \(bad)")
        }
        let operation = BinaryCrossEntropyOperation(labels: labels.map(Double.init))
        return try add(operation, inputs: [probabilities], rows: 1, columns: 1)
    }
}
