@testable import Engine
import XCTest

/// `Network.train` runs on `DenseTrainer`; the autodiff graph is the reference it must match bit for bit.
final class TrainingPathTests: XCTestCase {
    /// Trains two copies of one network, one on each path, and compares every recorded number's bits.
    func assertPathsAgree(
        inputs: Int, layers: [Dense], bias: Bool, initializer: Initializer, batch: Tensor, loss: Loss,
        learningRate: Double, steps: Int, l2: Double = 0, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        func make() throws -> Network {
            let net = try Network(inputs: inputs, layers: layers, bias: bias)
            try net.initialize(initializer, seed: 3)
            return net
        }
        let fast = try make(), reference = try make()
        let run = try fast.train(
            inputs: batch, loss: loss, learningRate: learningRate, steps: steps, l2: l2, recordGradients: true)
        let expected = try reference.trainOnGraph(
            inputs: batch, loss: loss, learningRate: learningRate, steps: steps, l2: l2, recordGradients: true)
        func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
        func sameParameters(_ step: Int) -> Bool {
            (try? run.parameters(at: step).values).map(bits) == (try? expected.parameters(at: step).values).map(bits)
        }
        func sameGradients(_ step: Int) -> Bool {
            (try? run.gradients(at: step).values).map(bits) == (try? expected.gradients(at: step).values).map(bits)
        }
        // Only the first difference is reported: every later one follows from it.
        if let step = (0...steps).first(where: { !sameParameters($0) }) {
            XCTFail("parameters differ from step \(step) on", file: file, line: line)
        }
        if let step = (0..<steps).first(where: { !sameGradients($0) }) {
            XCTFail("gradients differ from step \(step) on", file: file, line: line)
        }
        XCTAssertEqual(bits(run.loss), bits(expected.loss), "loss", file: file, line: line)
        XCTAssertEqual(bits(fast.parameters.values), bits(reference.parameters.values), "final network", file: file, line: line)
    }

    func testToyNetworkAgreesUntilItRunsAway() throws {
        // 200 steps at η = 0.01 reach infinities and NaNs; those must agree too.
        try assertPathsAgree(
            inputs: 2, layers: [Dense(2), Dense(2), Dense(1)], bias: false, initializer: .constant(0.5),
            batch: Tensor([1, 2]), loss: .output, learningRate: 0.01, steps: 200)
    }

    func testEveryActivationAndLossAgrees() throws {
        let batch = try Tensor.randn(7, 3, seed: 5)
        let activations: [Activation] = [.identity, .relu, .leakyReLU(0.1), .leakyReLU(-0.5), .tanh, .sigmoid]
        for activation in activations {
            for bias in [false, true] {
                let layers = [Dense(4, activation), Dense(5, .tanh), Dense(3, activation)]
                try assertPathsAgree(
                    inputs: 3, layers: layers, bias: bias, initializer: .xavier, batch: batch,
                    loss: .crossEntropy(labels: [0, 2, 1, 1, 0, 2, 2]), learningRate: 0.5, steps: 20, l2: 1e-3)
                try assertPathsAgree(
                    inputs: 3, layers: layers, bias: bias, initializer: .he, batch: batch,
                    loss: .mse(targets: try Tensor.rand(7, 3, seed: 6)), learningRate: 0.1, steps: 20)
                try assertPathsAgree(
                    inputs: 3, layers: layers, bias: bias, initializer: .glorot, batch: batch,
                    loss: .output, learningRate: 0.01, steps: 20, l2: 0.5)
            }
            try assertPathsAgree(
                inputs: 3, layers: [Dense(6, activation), Dense(1, .sigmoid)], bias: true, initializer: .normal(std: 0.5),
                batch: batch, loss: .binaryCrossEntropy(labels: [0, 1, 1, 0, 1, 0, 0]), learningRate: 0.3, steps: 20)
        }
    }

    /// The trainer reuses its buffers from step to step and overwrites them in place without
    /// clearing them first; nothing of one step may leak into the next. So many steps in one
    /// run must give the bits of the same steps taken one run at a time, each run laying out
    /// fresh buffers.
    func testReusedBuffersGiveTheBitsOfFreshOnes() throws {
        let data = try Dataset.spiral(pointsPerClass: 20, classes: 3, seed: 1)
        let cases: [([Dense], Bool, Loss, Double)] = [
            ([Dense(20, .relu), Dense(3)], true, .crossEntropy(labels: data.labels), 1e-3),
            ([Dense(5, .relu), Dense(4, .tanh), Dense(3, .sigmoid)], true, .mse(targets: try Tensor.rand(60, 3, seed: 2)), 0),
            ([Dense(6, .leakyReLU(-0.5)), Dense(1, .sigmoid)], true, .binaryCrossEntropy(labels: data.labels.map { $0 % 2 }), 0.1),
            ([Dense(4, .relu), Dense(2)], false, .output, 0),
        ]
        func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
        for (layers, bias, loss, l2) in cases {
            func make() throws -> Network {
                let net = try Network(inputs: 2, layers: layers, bias: bias)
                try net.initialize(.he, seed: 4)
                return net
            }
            let once = try make(), stepwise = try make()
            let run = try once.train(inputs: data.inputs, loss: loss, learningRate: 0.2, steps: 40, l2: l2)
            var losses: [Double] = []
            for _ in 0..<40 {
                losses.append(try stepwise.train(inputs: data.inputs, loss: loss, learningRate: 0.2, steps: 1, l2: l2).loss[0])
            }
            XCTAssertEqual(bits(Array(run.loss.dropLast())), bits(losses), "\(layers)")
            XCTAssertEqual(bits(once.parameters.values), bits(stepwise.parameters.values), "\(layers)")
        }
    }

    func testLargeProductsThroughBLASAgree() throws {
        // 300 × 2 · 2 × 100 and its gradients pass the threshold where products go to BLAS.
        let data = try Dataset.spiral(pointsPerClass: 100, classes: 3, seed: 0)
        try assertPathsAgree(
            inputs: 2, layers: [Dense(100, .relu), Dense(3)], bias: true, initializer: .normal(std: 0.01),
            batch: data.inputs, loss: .crossEntropy(labels: data.labels), learningRate: 1, steps: 10, l2: 1e-3)
    }

    func testBothPathsRejectBadArgumentsAlike() throws {
        let net = try Network(inputs: 2, layers: [Dense(3), Dense(2)])
        let cases: [(Tensor, Loss)] = [
            (try Tensor.zeros(4, 3), .output),
            (try Tensor.zeros(4, 2), .crossEntropy(labels: [0, 1, 2, 0])),
            (try Tensor.zeros(4, 2), .crossEntropy(labels: [0, 1])),
            (try Tensor.zeros(4, 2), .binaryCrossEntropy(labels: [0, 1, 1, 0])),
            (try Tensor.zeros(4, 2), .mse(targets: [[1, 2], [3]])),
            (try Tensor.zeros(4, 2), .mse(targets: [1, 2, 3, 4])),
        ]
        for (inputs, loss) in cases {
            var fastError: EngineError?, graphError: EngineError?
            XCTAssertThrowsError(try net.train(inputs: inputs, loss: loss, learningRate: 0.1, steps: 1)) { fastError = $0 as? EngineError }
            XCTAssertThrowsError(try net.trainOnGraph(inputs: inputs, loss: loss, learningRate: 0.1, steps: 1)) {
                graphError = $0 as? EngineError
            }
            XCTAssertNotNil(fastError)
            XCTAssertEqual(fastError, graphError, "\(loss)")
        }
        // An empty batch trains without trapping on either path.
        let empty = try Tensor.zeros(0, 2)
        XCTAssertEqual(try net.train(inputs: empty, loss: .output, learningRate: 0.1, steps: 2).loss.map(\.bitPattern),
                       try net.trainOnGraph(inputs: empty, loss: .output, learningRate: 0.1, steps: 2).loss.map(\.bitPattern))
    }
}
