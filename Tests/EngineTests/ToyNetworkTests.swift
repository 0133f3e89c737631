@testable import Engine
import XCTest

/// The classic 2-2-2-1 identity network with the output as the objective.
final class ToyNetworkTests: XCTestCase {
    func makeToy(_ a: Double) throws -> Network {
        let net = try Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)
        try net.initialize(.constant(a))
        return net
    }

    func testNamingFollowsTheDerivation() throws {
        let net = try makeToy(0.5)
        XCTAssertEqual(net.weightNames, (1...10).map { "w\($0)" })
        XCTAssertEqual(net.unitNames, [["y1", "y2"], ["y3", "y4"], ["y"]])
        let edges = net.connections.map { "\($0.name): \($0.source)→\($0.target)" }
        XCTAssertEqual(edges, [
            "w1: x1→y1", "w2: x1→y2", "w3: x2→y1", "w4: x2→y2", "w5: y1→y3",
            "w6: y1→y4", "w7: y2→y3", "w8: y2→y4", "w9: y3→y", "w10: y4→y",
        ])
        try net.setParameter("w7", to: 0.3)
        XCTAssertEqual(net["w7"], 0.3)
        XCTAssertEqual(try net.weightMatrix(layer: 2).scalars, [0.5, 0.5, 0.3, 0.5])
        XCTAssertNil(net["w11"])
        XCTAssertNil(net["b1"])
        XCTAssertThrowsError(try net.parameter("w0"))
        XCTAssertThrowsError(try net.setParameter("w011", to: 1))
    }

    func testGradientAtTheStart() throws {
        let net = try makeToy(0.5)
        let gradients = try net.gradients(input: [1, 2], loss: .output)
        XCTAssertEqual(gradients.values, [0.5, 0.5, 1, 1, 0.75, 0.75, 0.75, 0.75, 1.5, 1.5])
        XCTAssertEqual(try net.output([1, 2]), 1.5 * 0.5 * 2)
    }

    func testTenStepsMatchTheExactValues() throws {
        let net = try makeToy(0.5)
        let run = try net.train(inputs: [[1, 2]], loss: .output, learningRate: 0.01, steps: 10)
        let expected: [String: Double] = [
            "w1": 0.45872410739931307, "w2": 0.45872410739931307,
            "w3": 0.41744821479862614, "w4": 0.41744821479862614,
            "w5": 0.43851705624551647, "w6": 0.43851705624551647,
            "w7": 0.43851705624551647, "w8": 0.43851705624551647,
            "w9": 0.36820384121249839, "w10": 0.36820384121249839,
        ]
        let weights = try run.weights(at: 10)
        for (name, value) in expected {
            let actual = try weights.value(name)
            XCTAssertLessThanOrEqual(abs(actual - value) / value, 1e-14, name)
            XCTAssertEqual(net[name], actual)
        }
        XCTAssertEqual(try run.weights(at: 0).values, [Double](repeating: 0.5, count: 10))
        XCTAssertEqual(run.loss.count, 11)
        XCTAssertEqual(run.loss[0], 1.5)
        let table = try run.table(steps: [0, 1, 10])
        XCTAssertEqual(table.columns, net.weightNames)
        XCTAssertEqual(table.rows[2], weights.values)
        XCTAssertThrowsError(try run.weights(at: 11))
        XCTAssertThrowsError(try run.table(steps: [-1]))
    }

    func testZeroWeightsNeverMove() throws {
        let net = try makeToy(0)
        XCTAssertEqual(try net.gradients(input: [1, 2], loss: .output).values, [Double](repeating: 0, count: 10))
        let run = try net.train(inputs: [[1, 2]], loss: .output, learningRate: 0.01, steps: 50)
        for step in 0...50 {
            XCTAssertEqual(try run.weights(at: step).values, [Double](repeating: 0, count: 10))
        }
    }

    func testTiedGroupsStayExactlyEqualForAHundredSteps() throws {
        let net = try makeToy(0.5)
        let run = try net.train(inputs: [[1, 2]], loss: .output, learningRate: 0.01, steps: 100)
        for step in 1...100 {
            let w = try run.weights(at: step)
            XCTAssertEqual(w["w1"], w["w2"])
            XCTAssertEqual(w["w3"], w["w4"])
            XCTAssertEqual(w["w5"], w["w6"])
            XCTAssertEqual(w["w6"], w["w7"])
            XCTAssertEqual(w["w7"], w["w8"])
            XCTAssertEqual(w["w9"], w["w10"])
        }
        XCTAssertEqual(net.symmetry.layers, [[["w1", "w2"], ["w3", "w4"]], [["w5", "w6", "w7", "w8"]], [["w9", "w10"]]])
        XCTAssertEqual(try run.symmetry(at: 0).layers, [[["w1", "w2", "w3", "w4"]], [["w5", "w6", "w7", "w8"]], [["w9", "w10"]]])
    }

    func testOutputObjectiveRunsAway() throws {
        let net = try makeToy(0.5)
        let run = try net.train(inputs: [[1, 2]], loss: .output, learningRate: 0.01, steps: 200)
        XCTAssertFalse(try run.weights(at: 200).values.allSatisfy(\.isFinite))
        XCTAssertTrue(try run.weights(at: 150).values.allSatisfy(\.isFinite))
    }
}

/// The layer-by-layer forward pass gives exactly what the whole network's graph gives.
final class LayerByLayerTests: XCTestCase {
    func testActivationsEqualTheWholeGraphsBitForBit() throws {
        for (activation, bias) in [(Activation.tanh, false), (.relu, true), (.sigmoid, true), (.identity, false)] {
            let net = try Network(inputs: 30, layers: [40, 25, 25, 3], activation: activation, bias: bias)
            try net.initialize(.xavier, seed: 3)
            let inputs = try Tensor.randn(64, 30, seed: 5)
            let compiled = try net.compile(inputs: inputs, loss: nil)
            compiled.graph.forward()
            let whole = try compiled.layerOutputs.map(compiled.graph.value(of:))
            let layered = try net.activations(inputs)
            XCTAssertEqual(layered.count, whole.count)
            for (a, b) in zip(layered, whole) {
                XCTAssertEqual(a.shape, b.shape)
                XCTAssertTrue(zip(a.scalars, b.scalars).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(activation) bias \(bias)")
            }
            XCTAssertEqual(try net.forward(inputs).scalars.map(\.bitPattern), whole.last?.scalars.map(\.bitPattern))
        }
    }
}
