import Engine
import XCTest

/// The numbers numpy 2.4 prints for the same seeds and calls.
final class RandomStateTests: XCTestCase {
    func testRandnMatchesNumpySeed0() throws {
        var stream = try RandomState(seed: 0)
        XCTAssertEqual(stream.randn(6), [
            1.764052345967664, 0.4001572083672233, 0.9787379841057392,
            2.240893199201458, 1.8675579901499675, -0.977277879876411,
        ])
    }

    func testRandMatchesNumpySeed42() throws {
        var stream = try RandomState(seed: 42)
        XCTAssertEqual(stream.rand(4), [0.3745401188473625, 0.9507143064099162, 0.7319939418114051, 0.5986584841970366])
    }

    func testUniformMatchesNumpySeed7() throws {
        var stream = try RandomState(seed: 7)
        XCTAssertEqual(stream.uniform(-1, 1, count: 3), [-0.8473834212520857, 0.5598375844802292, -0.123181537118213])
    }

    func testCachedGaussianSurvivesInterleavedRand() throws {
        var stream = try RandomState(seed: 3)
        XCTAssertEqual(stream.randn(3), [1.7886284734303186, 0.43650985051198943, 0.09649746807200862])
        XCTAssertEqual(stream.rand(2), [0.8929469543476547, 0.8962930889334381])
        XCTAssertEqual(stream.randn(2), [-1.8634927033644908, -0.27738820251439905])
    }

    func testRandnTensorFillsRowByRow() throws {
        let tensor = try Tensor.randn(2, 3, seed: 0)
        XCTAssertEqual(tensor.shape, Shape(2, 3))
        XCTAssertEqual(try tensor[0, 0], 1.764052345967664)
        XCTAssertEqual(try tensor[0, 2], 0.9787379841057392)
        XCTAssertEqual(try tensor[1, 0], 2.240893199201458)
        XCTAssertEqual(try tensor[1, 2], -0.977277879876411)
    }

    func testNormalPermutationShuffleAndLargestSeedMatchNumpy() throws {
        var normal = try RandomState(seed: 5)
        XCTAssertEqual(normal.normal(mean: 2, std: 3, count: 2), [3.3236824606551245, 1.007389544317737])
        var permutation = try RandomState(seed: 0)
        XCTAssertEqual(permutation.permutation(10), [2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
        var shuffle = try RandomState(seed: 1)
        var values = Array(0..<7)
        shuffle.shuffle(&values)
        XCTAssertEqual(values, [6, 2, 1, 0, 4, 3, 5])
        XCTAssertEqual(shuffle.rand(), 0.9990405153241447)
        var largest = try RandomState(seed: 4_294_967_295)
        XCTAssertEqual(largest.rand(2), [0.0976320289940138, 0.9123828453026218])
    }

    func testLongStreamsMatchNumpyAcrossManyTwists() throws {
        // Far past the first 624 words, where the state has been regenerated many times:
        // np.random.RandomState(0).randn(100001)[[999, 99999, 100000]], and so on.
        var normal = try RandomState(seed: 0)
        let values = normal.randn(100_001)
        XCTAssertEqual([values[999], values[99_999], values[100_000]],
                       [-0.35811407547985674, -1.2852076475754735, -0.48379749195754734])
        var uniform = try RandomState(seed: 12_345)
        let draws = uniform.rand(5000)
        XCTAssertEqual([draws[623], draws[4999]], [0.7987383509494473, 0.6972174742914411])
        var largest = try RandomState(seed: 4_294_967_295)
        XCTAssertEqual(largest.randn(3000)[2999], -0.07889745613450078)
        // One at a time gives what a block gives, the cached second value included.
        var single = try RandomState(seed: 0)
        XCTAssertEqual((0..<1001).map { _ in single.randn() }, Array(values[0...1000]))
    }

    func testSeedsNumpyRejectsThrow() {
        XCTAssertThrowsError(try RandomState(seed: -1))
        XCTAssertThrowsError(try RandomState(seed: 4_294_967_296))
    }

    func testInitializerDrawsLikeNumpyRandnTimesStd() throws {
        // rs = RandomState(0); rs.randn(2, 3) * 0.5
        let net = try Network(inputs: 2, layers: [3], activation: .identity, bias: true)
        try net.initialize(.normal(std: 0.5), seed: 0)
        XCTAssertEqual(net.weights.values, [
            0.882026172983832, 0.20007860418361165, 0.4893689920528696,
            1.120446599600729, 0.9337789950749837, -0.4886389399382055,
        ])
        XCTAssertEqual(net.biases.values, [0, 0, 0])
    }

    func testInitializationContinuesOneStreamAcrossLayers() throws {
        let net = try Network(inputs: 3, layers: [4, 2], activation: .tanh, bias: false)
        try net.initialize(.xavier, seed: 11)
        var stream = try RandomState(seed: 11)
        let first = try Tensor.randn(3, 4, using: &stream) * (1 / 3.0.squareRoot())
        let second = try Tensor.randn(4, 2, using: &stream) * (1 / 4.0.squareRoot())
        XCTAssertEqual(try net.weightMatrix(layer: 1), first)
        XCTAssertEqual(try net.weightMatrix(layer: 2), second)
        try net.initialize(.glorot, seed: 11)
        var uniform = try RandomState(seed: 11)
        let limit = (6 / 7.0).squareRoot()
        XCTAssertEqual(try net.weightMatrix(layer: 1), try Tensor.uniform(3, 4, low: -limit, high: limit, using: &uniform))
    }
}
