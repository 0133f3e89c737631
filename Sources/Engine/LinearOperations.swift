/// C = A·B. Backward: dA += dC·Bᵀ, dB += Aᵀ·dC.
final class MatMulOperation: Operation {
    var name: String { "matmul" }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        let a = inputs[0], b = inputs[1]
        MatrixProduct.gemm(
            transposeA: false, transposeB: false, m: a.rows, n: b.columns, k: a.columns, alpha: 1,
            a: a.pointer, lda: a.columns, b: b.pointer, ldb: b.columns, beta: 0, c: output.pointer, ldc: output.columns)
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        let a = inputs[0], b = inputs[1], dc = outputGradient
        if let da = inputGradients[0] {
            MatrixProduct.gemm(
                transposeA: false, transposeB: true, m: a.rows, n: a.columns, k: b.columns, alpha: 1,
                a: dc.pointer, lda: dc.columns, b: b.pointer, ldb: b.columns, beta: 1, c: da.pointer, ldc: da.columns)
        }
        if let db = inputGradients[1] {
            MatrixProduct.gemm(
                transposeA: true, transposeB: false, m: b.rows, n: b.columns, k: a.rows, alpha: 1,
                a: a.pointer, lda: a.columns, b: dc.pointer, ldb: dc.columns, beta: 1, c: db.pointer, ldc: db.columns)
        }
    }
}

/// C = A ∘ B elementwise (+, −, ×), where B has A's shape or is a 1 × n row broadcast over A's rows.
/// Backward: the rule of each operation, with a broadcast row collecting the sum over rows.
final class ElementwiseOperationNode: Operation {
    let operation: ElementwiseOperation
    var name: String { "'\(operation.rawValue)'" }

    init(operation: ElementwiseOperation) { self.operation = operation }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        let a = inputs[0].pointer, b = inputs[1].pointer, c = output.pointer
        let width = inputs[1].count, count = output.count
        var start = 0
        while start < count {
            let x = a + start, z = c + start
            var j = 0
            switch operation {
            case .add: while j < width { z[j] = x[j] + b[j]; j &+= 1 }
            case .subtract: while j < width { z[j] = x[j] - b[j]; j &+= 1 }
            case .multiply: while j < width { z[j] = x[j] * b[j]; j &+= 1 }
            case .divide: while j < width { z[j] = x[j] / b[j]; j &+= 1 }
            }
            start &+= width
        }
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        let a = inputs[0].pointer, b = inputs[1].pointer, dc = outputGradient.pointer
        let width = inputs[1].count, count = output.count
        let da = inputGradients[0]?.pointer, db = inputGradients[1]?.pointer
        var start = 0
        while start < count {
            let x = a + start, g = dc + start
            var j = 0
            switch operation {
            case .add, .subtract:
                let sign = operation == .add ? 1.0 : -1.0
                if let da { let d = da + start; while j < width { d[j] += g[j]; j &+= 1 } }
                j = 0
                if let db { while j < width { db[j] += sign * g[j]; j &+= 1 } }
            case .multiply:
                if let da { let d = da + start; while j < width { d[j] += g[j] * b[j]; j &+= 1 } }
                j = 0
                if let db { while j < width { db[j] += g[j] * x[j]; j &+= 1 } }
            case .divide:
                if let da { let d = da + start; while j < width { d[j] += g[j] / b[j]; j &+= 1 } }
                j = 0
                if let db { while j < width { db[j] -= g[j] * x[j] / (b[j] * b[j]); j &+= 1 } }
            }
            start &+= width
        }
    }
}

/// C = c·A. Backward: dA += c·dC.
final class ScaleOperation: Operation {
    let factor: Double
    var name: String { "scale" }

    init(factor: Double) { self.factor = factor }

    func forward(_ inputs: [Buffer], _ output: Buffer) {
        let a = inputs[0].pointer
        for i in 0..<output.count { output.pointer[i] = factor * a[i] }
    }

    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?]) {
        guard let da = inputGradients[0] else { return }
        for i in 0..<output.count { da.pointer[i] += factor * outputGradient.pointer[i] }
    }
}

extension Graph {
    /// The matrix product a·b; throws unless a's columns equal b's rows.
    public func matmul(_ a: Node, _ b: Node) throws -> Node {
        let left = try shape(of: a), right = try shape(of: b)
        guard left.columns == right.rows else {
            throw EngineError.shapeMismatch(operation: "matmul", left: left, right: right)
        }
        return try add(MatMulOperation(), inputs: [a, b], rows: left.rows, columns: right.columns)
    }

    /// a + b, where b has a's shape or is a 1 × n row added to every row (a bias).
    public func add(_ a: Node, _ b: Node) throws -> Node { try elementwise(.add, a, b) }
    /// a − b, where b has a's shape or is a 1 × n row.
    public func subtract(_ a: Node, _ b: Node) throws -> Node { try elementwise(.subtract, a, b) }
    /// a ∘ b elementwise, where b has a's shape or is a 1 × n row.
    public func multiply(_ a: Node, _ b: Node) throws -> Node { try elementwise(.multiply, a, b) }
    /// a / b elementwise, where b has a's shape or is a 1 × n row.
    public func divide(_ a: Node, _ b: Node) throws -> Node { try elementwise(.divide, a, b) }

    private func elementwise(_ operation: ElementwiseOperation, _ a: Node, _ b: Node) throws -> Node {
        let left = try shape(of: a), right = try shape(of: b)
        guard left == right || (right.rows == 1 && right.columns == left.columns) else {
            throw EngineError.shapeMismatch(operation: "'\(operation.rawValue)'", left: left, right: right)
        }
        return try add(ElementwiseOperationNode(operation: operation), inputs: [a, b], rows: left.rows, columns: left.columns)
    }

    /// factor · a.
    public func scale(_ a: Node, by factor: Double) throws -> Node {
        let shape = try shape(of: a)
        return try add(ScaleOperation(factor: factor), inputs: [a], rows: shape.rows, columns: shape.columns)
    }
}
