@testable import Engine
import Foundation
import XCTest

/// The Swift kernel for small products keeps its sums in registers; what it computes must stay
/// the textbook loop's bits, element for element, because training results (and the printed
/// numbers of every lesson) depend on them.
final class MatrixProductTests: XCTestCase {
    /// The definition, one element at a time: C ← start(C) + terms in the order of p, where the
    /// start is 0 for β = 0, C for β = 1, β·C otherwise.
    // swiftlint:disable:next function_parameter_count
    private func reference(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: [Double], lda: Int, b: [Double], ldb: Int, beta: Double, c: inout [Double], ldc: Int
    ) {
        for i in 0..<m {
            for j in 0..<n {
                let old = c[i * ldc + j]
                var value = beta == 0 ? 0 : beta == 1 ? old : beta * old
                if transposeB {
                    var sum = 0.0
                    for p in 0..<k { sum += (transposeA ? a[p * lda + i] : a[i * lda + p]) * b[j * ldb + p] }
                    value += alpha * sum
                } else {
                    for p in 0..<k { value += (alpha * (transposeA ? a[p * lda + i] : a[i * lda + p])) * b[p * ldb + j] }
                }
                c[i * ldc + j] = value
            }
        }
    }

    func testSmallProductsGiveTheDefinitionsBits() throws {
        var random = try RandomState(seed: 11)
        func pick(_ upTo: Int) -> Int { Int(random.interval(UInt64(upTo))) }
        var checked = 0
        for _ in 0..<600 {
            let m = pick(9) + 1, n = pick(11) + 1, k = pick(13)
            let transposeA = random.rand() < 0.5, transposeB = random.rand() < 0.5
            let alpha = [1, -0.5, 3][pick(2)], beta = [0, 1, 0.25][pick(2)]
            // Leading dimensions with room to spare, as when a product works on part of a matrix.
            let lda = (transposeA ? m : k) + pick(2), ldb = (transposeB ? k : n) + pick(2)
            let ldc = n + pick(2)
            let a = (0..<((transposeA ? k : m) * lda)).map { _ in random.randn() }
            let b = (0..<((transposeB ? n : k) * ldb)).map { _ in random.randn() }
            // C holds NaN where β = 0 must ignore it.
            let c = (0..<(m * ldc)).map { _ in beta == 0 ? Double.nan : random.randn() }
            var expected = c, actual = c
            reference(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                      a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: &expected, ldc: ldc)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    actual.withUnsafeMutableBufferPointer { c in
                        guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                        MatrixProduct.smallProduct(
                            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                            a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
                    }
                }
            }
            // Elements past column n of each row are not part of C and stay as they were.
            XCTAssertEqual(actual.map(\.bitPattern), expected.map(\.bitPattern),
                           "\(m)×\(k)·\(k)×\(n) transposeA \(transposeA) transposeB \(transposeB) α \(alpha) β \(beta)")
            checked += 1
        }
        XCTAssertEqual(checked, 600)
    }

    func testATinyProductHasExactValues() throws {
        // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]], and Aᵀ·B = [[26, 30], [38, 44]].
        let a = try Tensor([[1, 2], [3, 4]]), b = try Tensor([[5, 6], [7, 8]])
        XCTAssertEqual(try a.matmul(b).scalars, [19, 22, 43, 50])
        XCTAssertEqual(try a.T.matmul(b).scalars, [26, 30, 38, 44])
    }

    /// A large product's bits whatever the threads: its blocks are fixed by its shape.
    func testLargeProductsGiveTheSameBitsOnAnyNumberOfThreads() throws {
        let shapes = [(300, 100, 100), (1000, 500, 500), (100, 300, 2000), (37, 900, 61)]
        defer { EngineThreads.limit(to: EngineThreads.processors) }
        for (m, k, n) in shapes {
            let a = try Tensor.randn(m, k, seed: 1), b = try Tensor.randn(k, n, seed: 2)
            XCTAssertGreaterThan(MatrixProduct.parts(m: m, n: n, k: k), 1, "\(m)×\(k)·\(k)×\(n) is split")
            EngineThreads.limit(to: 1)
            XCTAssertEqual(EngineThreads.count, 1)
            let alone = try a.matmul(b).scalars.map(\.bitPattern)
            EngineThreads.limit(to: EngineThreads.processors)
            let shared = try a.matmul(b).scalars.map(\.bitPattern)
            XCTAssertEqual(alone, shared, "\(m)×\(k)·\(k)×\(n)")
            // And the values are the product's: one element checked against its dot product.
            let i = m / 2, j = n - 1
            let dot = (0..<k).reduce(0.0) { $0 + a.scalars[i * k + $1] * b.scalars[$1 * n + j] }
            XCTAssertEqual(Double(bitPattern: shared[i * n + j]), dot, accuracy: 1e-9 * Double(k))
        }
    }

    /// Callers on several threads at once share the pool (a busy pool runs a caller's parts on
    /// the caller's thread) and every one gets its own product, bit for bit.
    func testProductsFromManyThreadsAtOnce() throws {
        let a = try Tensor.randn(300, 100, seed: 3), b = try Tensor.randn(100, 100, seed: 4)
        let expected = try a.matmul(b).scalars.map(\.bitPattern)
        let results = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { caller in
            var same = true
            for _ in 0..<50 { same = same && (try? a.matmul(b).scalars.map(\.bitPattern)) == expected }
            results.set(caller, same)
        }
        XCTAssertEqual(results.values, Array(repeating: true, count: 8))
    }
}

/// Results written by the threads of a test, one slot each.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Bool]
    init(count: Int) { slots = Array(repeating: false, count: count) }
    func set(_ index: Int, _ value: Bool) { lock.lock(); slots[index] = value; lock.unlock() }
    var values: [Bool] { lock.lock(); defer { lock.unlock() }; return slots }
}
