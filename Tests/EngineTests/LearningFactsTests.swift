import Engine
import XCTest

/// The cs231n facts: spiral classifiers and activation statistics of deep tanh networks.
final class LearningFactsTests: XCTestCase {
    func testSpiralMatchesNumpyPoints() throws {
        let data = try Dataset.spiral(pointsPerClass: 100, classes: 3, seed: 0)
        XCTAssertEqual(data.inputs.shape, Shape(300, 2))
        XCTAssertEqual(data.labels.filter { $0 == 2 }.count, 100)
        // numpy: np.random.RandomState(0) with the cs231n loop; sin and cos may differ in the last bit.
        let expected: [(Int, Double, Double)] = [
            (1, 0.0012135812756681982, 0.010027842517114818),
            (150, -0.13793781591089843, 0.48584891848547046),
            (299, -0.47270638487404987, 0.8812199916588971),
        ]
        for (row, x, y) in expected {
            XCTAssertEqual(try data.inputs[row, 0], x, accuracy: 1e-15)
            XCTAssertEqual(try data.inputs[row, 1], y, accuracy: 1e-15)
        }
        XCTAssertEqual(data.inputs.sum(), -9.615827548938192, accuracy: 1e-12)
    }

    func testLinearSoftmaxClassifierReachesAboutHalf() throws {
        let data = try Dataset.spiral(pointsPerClass: 100, classes: 3, seed: 0)
        let net = try Network(inputs: 2, layers: [Dense(3, .identity)], bias: true)
        try net.initialize(.normal(std: 0.01), seed: 0)
        let run = try net.train(inputs: data.inputs, loss: .crossEntropy(labels: data.labels), learningRate: 1, steps: 200, l2: 1e-3)
        let accuracy = try net.accuracy(on: data)
        XCTAssertGreaterThanOrEqual(accuracy, 0.40)
        XCTAssertLessThanOrEqual(accuracy, 0.60)
        XCTAssertEqual(run.loss[0], 1.0986, accuracy: 0.001)
    }

    func testTwoLayerReLUNetworkLearnsTheSpiral() throws {
        let data = try Dataset.spiral(pointsPerClass: 100, classes: 3, seed: 0)
        let net = try Network(inputs: 2, layers: [Dense(100, .relu), Dense(3, .identity)], bias: true)
        try net.initialize(.normal(std: 0.01), seed: 0)
        let run = try net.train(
            inputs: data.inputs, loss: .crossEntropy(labels: data.labels), learningRate: 1, steps: 10_000, l2: 1e-3,
            recordWeights: false)
        XCTAssertGreaterThanOrEqual(try net.accuracy(on: data), 0.97)
        XCTAssertEqual(run.loss[0], 1.0986, accuracy: 0.001)
        XCTAssertLessThan(run.finalLoss, 0.3)
        XCTAssertEqual(try run.weights(at: 10_000), net.weights)
    }

    func layerStandardDeviations(_ initializer: Initializer) throws -> [Double] {
        let net = try Network(inputs: 500, layers: Array(repeating: 500, count: 10), activation: .tanh, bias: false)
        try net.initialize(initializer, seed: 1)
        return try net.activations(Tensor.randn(1000, 500, seed: 0)).map { $0.std() }
    }

    func testActivationStatisticsOfTenTanhLayers() throws {
        let small = try layerStandardDeviations(.normal(std: 0.01))
        XCTAssertLessThan(small[9], 0.01)
        let large = try layerStandardDeviations(.normal(std: 1))
        XCTAssertTrue(large.allSatisfy { $0 > 0.9 }, "\(large)")
        let xavier = try layerStandardDeviations(.xavier)
        XCTAssertTrue(xavier.allSatisfy { $0 > 0.2 && $0 < 0.8 }, "\(xavier)")
    }

    func testOtherDatasetsAreSeededAndLabelled() throws {
        for data in [try Dataset.moons(seed: 3), try Dataset.circles(seed: 3), try Dataset.xor(seed: 3), try Dataset.blobs(seed: 3)] {
            XCTAssertEqual(data.inputs.rows, data.count, data.name)
            XCTAssertEqual(data.inputs.columns, 2)
            XCTAssertEqual(Set(data.labels), Set(0..<data.classes), data.name)
            XCTAssertEqual(try data.points(ofClass: 0).rows, data.labels.filter { $0 == 0 }.count)
        }
        XCTAssertEqual(try Dataset.moons(seed: 3).inputs, try Dataset.moons(seed: 3).inputs)
        XCTAssertNotEqual(try Dataset.moons(seed: 3).inputs, try Dataset.moons(seed: 4).inputs)
        XCTAssertThrowsError(try Dataset.spiral(pointsPerClass: 0))
        XCTAssertThrowsError(try Dataset.circles(factor: 2))
    }

    func testSigmoidNetworkWithBinaryCrossEntropyLearnsCircles() throws {
        let data = try Dataset.circles(points: 200, noise: 0.05, seed: 0)
        let net = try Network(inputs: 2, layers: [Dense(6, .relu), Dense(3, .relu), Dense(1, .sigmoid)], bias: true)
        try net.initialize(.he, seed: 0)
        try net.train(on: data, learningRate: 0.5, steps: 2000)
        XCTAssertGreaterThanOrEqual(try net.accuracy(on: data), 0.9)
    }
}
