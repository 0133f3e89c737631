import Engine
import XCTest

/// Tensors: arithmetic, broadcasting, statistics, slicing, products, and errors instead of traps.
final class TensorTests: XCTestCase {
    func testArithmeticAndRowBroadcasting() throws {
        let a = try Tensor([[1, 2], [3, 4]])
        let row = Tensor([10, 20])
        XCTAssertEqual(try (a + row).array, [[11, 22], [13, 24]])
        XCTAssertEqual(try (row - a).array, [[9, 18], [7, 16]])
        XCTAssertEqual(try (a * a).array, [[1, 4], [9, 16]])
        XCTAssertEqual(try (a / Tensor(scalar: 2)).array, [[0.5, 1], [1.5, 2]])
        XCTAssertEqual((2 * a - 1).array, [[1, 3], [5, 7]])
        XCTAssertEqual((-a).scalars, [-1, -2, -3, -4])
        XCTAssertThrowsError(try a + Tensor([1, 2, 3])) { error in
            XCTAssertEqual("\(error)", "'+': shapes (2, 2) and (1, 3) do not fit")
        }
    }

    func testStatisticsAreNumpys() throws {
        let a = try Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(a.sum(), 21)
        XCTAssertEqual(a.mean(), 3.5)
        XCTAssertEqual(a.std(), (17.5 / 6).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(try a.min(), 1)
        XCTAssertEqual(try a.max(), 6)
        XCTAssertEqual(try a.sum(axis: 0).array, [[5, 7, 9]])
        XCTAssertEqual(try a.mean(axis: 1).array, [[2], [5]])
        XCTAssertThrowsError(try a.sum(axis: 2))
        XCTAssertThrowsError(try Tensor.zeros(0, 3).max())
        XCTAssertEqual(a.argmaxPerRow(), [2, 2])
    }

    func testIndexingSlicingAndTranspose() throws {
        var a = try Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(try a[1, 2], 6)
        try a.set(0, 0, to: 9)
        XCTAssertEqual(a.T.array, [[9, 4], [2, 5], [3, 6]])
        XCTAssertEqual(try a.row(1).array, [[4, 5, 6]])
        XCTAssertEqual(try a.column(1).array, [[2], [5]])
        XCTAssertEqual(try a.slice(rows: 0..<2, columns: 1..<3).array, [[2, 3], [5, 6]])
        XCTAssertEqual(try a.rows(at: [1, 0]).array, [[4, 5, 6], [9, 2, 3]])
        XCTAssertThrowsError(try a[2, 0]) { error in
            XCTAssertEqual("\(error)", "index [2, 0] is outside a tensor of shape (2, 3)")
        }
        XCTAssertThrowsError(try a.row(Int.max))
        XCTAssertThrowsError(try a.slice(rows: 0..<3, columns: 0..<1))
        XCTAssertThrowsError(try Tensor([[1, 2], [3]]))
        XCTAssertThrowsError(try Tensor.zeros(-1, 2))
        XCTAssertThrowsError(try Tensor.zeros(Int.max, 2))
        XCTAssertThrowsError(try Tensor.randn(1 << 20, 1 << 20, seed: 0))
    }

    func testMatmulSmallAndThroughBLASAgreeWithTheDefinition() throws {
        for (m, k, n) in [(2, 3, 2), (64, 48, 40)] {
            let a = try Tensor.randn(m, k, seed: 1), b = try Tensor.randn(k, n, seed: 2)
            let product = try a.matmul(b)
            XCTAssertEqual(product.shape, Shape(m, n))
            for (i, j) in [(0, 0), (m - 1, n - 1), (m / 2, n / 3)] {
                var expected = 0.0
                for p in 0..<k { expected += try a[i, p] * b[p, j] }
                XCTAssertEqual(try product[i, j], expected, accuracy: 1e-12)
            }
        }
        XCTAssertThrowsError(try Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3))) { error in
            XCTAssertEqual("\(error)", "matmul: shapes (2, 3) and (2, 3) do not fit")
        }
        XCTAssertNotNil(Tensor.blas.library, "\(Tensor.blas)")
    }

    func testNetworkInputErrorsNameBothShapes() throws {
        let net = try Network(inputs: 2, layers: [2, 1])
        XCTAssertThrowsError(try net.forward([1, 2, 3]))
        XCTAssertThrowsError(try net.gradients(input: [1, 2], loss: .mse(targets: [[1, 2]])))
        XCTAssertThrowsError(try net.gradients(input: [1, 2], loss: .crossEntropy(labels: [1])))
        XCTAssertThrowsError(try net.initialize(.uniform(1, -1)))
        XCTAssertThrowsError(try net.initialize(.normal(std: -1)))
        XCTAssertThrowsError(try Network(inputs: 0, layers: [1]))
        XCTAssertThrowsError(try Network(inputs: 2, layers: [0]))
        XCTAssertThrowsError(try net.train(inputs: [[1, 2]], loss: .output, learningRate: 0.1, steps: -1))
        XCTAssertEqual(try net.gradients(input: [1, 2], loss: .mse(targets: [0.5])).count, 9)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The vectorised tanh agrees with the C library's.
final class HyperbolicTangentTests: XCTestCase {
    func testAgreesWithTheCLibraryWithinAFewUlp() throws {
        var stream = try RandomState(seed: 9)
        var inputs = stream.uniform(-25, 25, count: 20_000) + stream.uniform(-1, 1, count: 20_000)
        inputs += stream.uniform(-1e-3, 1e-3, count: 5_000) + [0, -0.0, 1e-300, 19.9, 20, 21, 700, -700, .infinity, -.infinity]
        for x in inputs {
            let expected = tanh(x), actual = Activation.tanh.value(x)
            XCTAssertLessThanOrEqual(abs(actual - expected), 4 * expected.ulp, "tanh(\(x))")
        }
        XCTAssertTrue(Activation.tanh.value(.nan).isNaN)
        XCTAssertEqual(Tensor([0.5, -2]).applying(.tanh).scalars, [Activation.tanh.value(0.5), Activation.tanh.value(-2)])
    }
}

/// The product log's replay: the products a course build recorded, run again alone.
final class ProductLogTests: XCTestCase {
    func testReplayCountsTheProductsAndTheirOperations() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("products-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("300 6 2 0 0\n6 3 300 1 0\n300 6 3 0 1\nnot a product\n0 5 5 0 0\n".utf8).write(to: file)
        let replay = try ProductLog.replay(file.path, repeats: 1)
        XCTAssertEqual(replay.products, 3)
        XCTAssertEqual(replay.flops, 2 * (300 * 6 * 2 + 6 * 3 * 300 + 300 * 6 * 3))
        XCTAssertGreaterThanOrEqual(replay.seconds, 0)
    }
}
