import Engine
import XCTest

/// Central finite differences against the backward rule of every operation, activation and loss.
final class GradientCheckTests: XCTestCase {
    /// Builds a scalar loss from parameters and checks d(loss)/d(parameter) numerically.
    func check(
        _ parameters: [Tensor], file: StaticString = #filePath, line: UInt = #line,
        _ build: (Graph, [Graph.Node]) throws -> Graph.Node
    ) throws {
        let graph = Graph()
        let nodes = parameters.map(graph.parameter)
        let loss = try build(graph, nodes)
        graph.forward()
        try graph.backward(from: loss)
        for (index, node) in nodes.enumerated() {
            let analytic = try graph.gradient(of: node)
            var values = parameters[index]
            for k in 0..<values.count {
                let original = values.scalars[k]
                let h = 1e-6 * max(1, abs(original))
                try values.set(k / values.columns, k % values.columns, to: original + h)
                try graph.setValue(values, of: node)
                graph.forward()
                let plus = try graph.value(of: loss).scalars[0]
                try values.set(k / values.columns, k % values.columns, to: original - h)
                try graph.setValue(values, of: node)
                graph.forward()
                let minus = try graph.value(of: loss).scalars[0]
                try values.set(k / values.columns, k % values.columns, to: original)
                try graph.setValue(values, of: node)
                let numeric = (plus - minus) / (2 * h)
                XCTAssertEqual(analytic.scalars[k], numeric, accuracy: 1e-6 * max(1, abs(numeric)), "input \(index) element \(k)", file: file, line: line)
            }
        }
    }

    func random(_ rows: Int, _ columns: Int, seed: Int) throws -> Tensor {
        try Tensor.randn(rows, columns, seed: seed)
    }

    func testMatmulAddSubtractMultiplyDivideScale() throws {
        let a = try random(3, 4, seed: 1), b = try random(4, 2, seed: 2), row = try random(1, 2, seed: 3)
        try check([a, b, row]) { g, p in try g.sum(g.add(g.matmul(p[0], p[1]), p[2])) }
        try check([a, b, row]) { g, p in try g.sum(g.subtract(g.matmul(p[0], p[1]), p[2])) }
        try check([a, b, row]) { g, p in try g.sum(g.multiply(g.matmul(p[0], p[1]), p[2])) }
        let positive = try Tensor.rand(1, 2, seed: 4) + 1
        try check([a, b, positive]) { g, p in try g.sum(g.divide(g.matmul(p[0], p[1]), p[2])) }
        try check([a, a * 0.5]) { g, p in try g.mean(g.multiply(p[0], p[1])) }
        try check([a]) { g, p in try g.sum(g.scale(p[0], by: -2.5)) }
        try check([a]) { g, p in try g.sumOfSquares(p[0], factor: 0.5e-3) }
        // A value used twice collects both contributions.
        try check([a]) { g, p in try g.sum(g.multiply(p[0], p[0])) }
    }

    func testLargeMatmulThroughBLAS() throws {
        let a = try random(40, 30, seed: 5), b = try random(30, 20, seed: 6), weights = try random(40, 20, seed: 7)
        XCTAssertGreaterThanOrEqual(40 * 30 * 20, 4096, "large enough to go through BLAS")
        try check([a, b]) { g, p in try g.sum(g.multiply(g.matmul(p[0], p[1]), g.constant(weights))) }
    }

    func testEveryActivation() throws {
        // Keep clear of ReLU's kink at 0, where the two one-sided slopes differ.
        let x = try random(4, 5, seed: 7).map { abs($0) < 1e-3 ? 0.5 : $0 }
        for activation in [Activation.identity, .relu, .leakyReLU(0.05), .tanh, .sigmoid] {
            try check([x]) { g, p in try g.sumOfSquares(g.activation(p[0], activation)) }
        }
        XCTAssertEqual(Activation.relu.derivative(0), 0)
        XCTAssertEqual(Activation.leakyReLU(0.1).derivative(-1), 0.1)
    }

    func testEveryLoss() throws {
        let x = try random(6, 3, seed: 8)
        let targets = try random(6, 3, seed: 9)
        try check([x]) { g, p in try g.meanSquaredError(p[0], targets: targets) }
        try check([x]) { g, p in try g.softmaxCrossEntropy(p[0], labels: [0, 2, 1, 1, 0, 2]) }
        try check([x]) { g, p in try g.binaryCrossEntropy(g.activation(p[0], .sigmoid), labels: [0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0]) }
    }

    func testNetworkGradientsAgainstFiniteDifferences() throws {
        let data = try Dataset.spiral(pointsPerClass: 5, classes: 3, seed: 1)
        let net = try Network(inputs: 2, layers: [Dense(4, .tanh), Dense(3, .identity)], bias: true)
        try net.initialize(.normal(std: 0.5), seed: 3)
        for name in net.biasNames { try net.setParameter(name, to: 0.1) }
        let loss = Loss.crossEntropy(labels: data.labels)
        let gradients = try net.gradients(inputs: data.inputs, loss: loss, l2: 1e-2)
        for name in net.parameterNames {
            let original = try net.parameter(name)
            try net.setParameter(name, to: original + 1e-6)
            let plus = try net.loss(inputs: data.inputs, loss: loss, l2: 1e-2)
            try net.setParameter(name, to: original - 1e-6)
            let minus = try net.loss(inputs: data.inputs, loss: loss, l2: 1e-2)
            try net.setParameter(name, to: original)
            XCTAssertEqual(try gradients.value(name), (plus - minus) / 2e-6, accuracy: 1e-7, name)
        }
    }

    func testShapeErrorsNameBothShapes() throws {
        let graph = Graph()
        let a = graph.constant(try random(2, 3, seed: 1)), b = graph.constant(try random(2, 3, seed: 2))
        XCTAssertThrowsError(try graph.matmul(a, b)) { error in
            XCTAssertEqual("\(error)", "matmul: shapes (2, 3) and (2, 3) do not fit")
        }
        XCTAssertThrowsError(try graph.backward(from: a))
        XCTAssertThrowsError(try graph.softmaxCrossEntropy(a, labels: [0, 3]))
        let other = Graph()
        XCTAssertThrowsError(try other.sum(a))
    }
}
