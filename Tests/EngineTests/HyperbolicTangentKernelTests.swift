import CBLAS
@testable import Engine
import XCTest

/// The C kernels for whole tensors return exactly the bits of the scalar Swift tanh.
final class HyperbolicTangentKernelTests: XCTestCase {
    /// The kernels this CPU can run, by name; never one it lacks the instructions for.
    func runnableKernels() -> [(String, HyperbolicTangent.Kernel)] {
        let features = weave_cpu_features()
        var kernels: [(String, HyperbolicTangent.Kernel)] = [("sse2", HyperbolicTangent.kernel(forFeatures: 0))]
        if features & UInt32(WEAVE_CPU_AVX2) != 0 {
            kernels.append(("avx2", HyperbolicTangent.kernel(forFeatures: UInt32(WEAVE_CPU_AVX2))))
        }
        if features & UInt32(WEAVE_CPU_AVX512) != 0 {
            kernels.append(("avx512", HyperbolicTangent.kernel(forFeatures: UInt32(WEAVE_CPU_AVX512 | WEAVE_CPU_AVX2))))
        }
        return kernels
    }

    func testEveryVariantReturnsTheScalarBits() throws {
        var stream = try RandomState(seed: 11)
        var inputs = stream.uniform(-25, 25, count: 3_000) + stream.uniform(-1e-3, 1e-3, count: 500)
        inputs += [0, -0.0, 1e-300, -1e-300, 19.9, 20, 21, -21, 700, -700, .infinity, -.infinity, .nan, -.nan]
        inputs += [Double.leastNonzeroMagnitude, -Double.greatestFiniteMagnitude, 0.5, -2]
        let expected = inputs.map { Activation.tanh.value($0).bitPattern }
        for (name, kernel) in runnableKernels() {
            // Every length up to 17 exercises each variant's tail as well as its full vectors.
            for count in [0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, inputs.count] {
                var output = [Double](repeating: 1, count: count)
                inputs.withUnsafeBufferPointer { input in
                    output.withUnsafeMutableBufferPointer { output in kernel(input.baseAddress, output.baseAddress, count) }
                }
                XCTAssertEqual(output.map(\.bitPattern), Array(expected.prefix(count)), "\(name), \(count) elements")
            }
            var inPlace = inputs
            inPlace.withUnsafeMutableBufferPointer { buffer in kernel(buffer.baseAddress, buffer.baseAddress, buffer.count) }
            XCTAssertEqual(inPlace.map(\.bitPattern), expected, "\(name), in place")
        }
    }

    func testLargeTensorsSplitAcrossThreadsKeepTheBits() throws {
        let count = HyperbolicTangent.parallelThreshold * 3 + 5
        let x = try Tensor.randn(1, count, seed: 4) * 3
        let y = x.applying(.tanh)
        XCTAssertEqual(y.scalars.map(\.bitPattern), x.scalars.map { Activation.tanh.value($0).bitPattern })
    }
}
