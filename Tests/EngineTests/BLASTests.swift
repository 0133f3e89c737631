import CBLAS
import Foundation
import XCTest
@testable import Engine

/// How OpenBLAS is loaded: an inherited OPENBLAS_CORETYPE is respected, weave's own choice
/// follows the CPU's features, and the kernel that loads is checked against the definition.
final class BLASTests: XCTestCase {
    func testTheKernelComesFromTheFeaturesUnlessTheEnvironmentNamesOne() {
        let all = UInt32(WEAVE_CPU_AVX512 | WEAVE_CPU_AVX2 | WEAVE_CPU_FMA | WEAVE_CPU_AVX)
        let chosen = BLAS.plan(features: all, inherited: nil)
        XCTAssertEqual(chosen.requested, "SkylakeX")
        XCTAssertEqual(chosen.settings, ["OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "SkylakeX"])
        let respected = BLAS.plan(features: all, inherited: "Prescott")
        XCTAssertNil(respected.requested)
        XCTAssertEqual(respected.settings, ["OPENBLAS_NUM_THREADS": "1"])
        XCTAssertEqual(BLAS.plan(features: all, inherited: "").requested, "SkylakeX")
        XCTAssertEqual(BLAS.plan(features: UInt32(WEAVE_CPU_AVX2 | WEAVE_CPU_FMA | WEAVE_CPU_AVX), inherited: nil).requested, "Haswell")
        XCTAssertNil(BLAS.plan(features: 0, inherited: nil).requested)
    }

    func testTheLoadedKernelPassesItsCheck() throws {
        let info = Tensor.blas
        try XCTSkipIf(info.library == nil, "no OpenBLAS on this machine")
        XCTAssertNil(info.rejected, "\(info)")
        let dgemm = try XCTUnwrap(BLAS.handle.dgemm)
        XCTAssertNil(BLAS.check(dgemm))
    }

    /// A kernel that computes wrong products (here: one that forgets β·C) is caught by the
    /// check, which names the first wrong element.
    func testAWrongKernelIsCaught() {
        let wrong: weave_cblas_dgemm_fn = { _, transA, transB, m, n, k, alpha, a, lda, b, ldb, _, c, ldc in
            BLASTests.product(transA, transB, m, n, k, alpha, a, lda, b, ldb, 0, c, ldc)
        }
        let message = BLAS.check(wrong)
        XCTAssertNotNil(message)
        XCTAssertTrue(message?.contains("in a 2×4 by 4×3 product") ?? false, message ?? "")
        let right: weave_cblas_dgemm_fn = { _, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc in
            BLASTests.product(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        }
        XCTAssertNil(BLAS.check(right))
    }

    /// C ← α·op(A)·op(B) + β·C by the definition, row-major, for the callbacks above.
    // swiftlint:disable:next function_parameter_count
    static func product(_ transA: Int32, _ transB: Int32, _ m: Int32, _ n: Int32, _ k: Int32, _ alpha: Double,
                        _ a: UnsafePointer<Double>?, _ lda: Int32, _ b: UnsafePointer<Double>?, _ ldb: Int32,
                        _ beta: Double, _ c: UnsafeMutablePointer<Double>?, _ ldc: Int32) {
        guard let a, let b, let c else { return }
        for i in 0..<Int(m) {
            for j in 0..<Int(n) {
                var sum = 0.0
                for p in 0..<Int(k) {
                    sum += (transA == 112 ? a[p * Int(lda) + i] : a[i * Int(lda) + p]) * (transB == 112 ? b[j * Int(ldb) + p] : b[p * Int(ldb) + j])
                }
                c[i * Int(ldc) + j] = alpha * sum + beta * c[i * Int(ldc) + j]
            }
        }
    }

    /// Run in a child process started with OPENBLAS_CORETYPE=Haswell: the library loads
    /// that kernel, and the environment still names it afterwards.
    func testAnInheritedCoreTypeIsRespected() throws {
        let environment = ProcessInfo.processInfo.environment
        if environment["WEAVE_BLAS_CHILD"] == "1" {
            XCTAssertEqual(Tensor.blas.inheritedKernel, "Haswell")
            XCTAssertNil(Tensor.blas.requestedKernel)
            XCTAssertEqual(Tensor.blas.kernel, "Haswell", "\(Tensor.blas)")
            XCTAssertEqual(String(cString: getenv("OPENBLAS_CORETYPE")), "Haswell")
            return
        }
        try XCTSkipIf(Tensor.blas.library == nil, "no OpenBLAS on this machine")
        try XCTSkipIf(weave_cpu_features() & UInt32(WEAVE_CPU_AVX2) == 0, "the Haswell kernel needs AVX2")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = ["EngineTests.BLASTests/testAnInheritedCoreTypeIsRespected"]
        child.environment = environment.merging(["WEAVE_BLAS_CHILD": "1", "OPENBLAS_CORETYPE": "Haswell"]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = output
        try child.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("Executed 1 test, with 0 failures"), text)
    }
}
