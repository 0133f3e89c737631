import CBLAS
import CKernels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// tanh for single values and whole tensors.
///
/// The C library's `tanh` is a scalar call per element; on the activation-statistics pass
/// (5 million elements) it cost more than the matrix products. This version is branch-free:
/// tanh|x| = m / (m + 2) with m = expm1(2|x|), and expm1(y) = 2ⁿ(p + 1) − 1, where
/// y = n·ln2 + r, |r| ≤ ln2/2, and p = expm1(r) is a degree-13 Taylor polynomial (error
/// below 2⁻⁵³ on that interval). Results agree with the C library within a few ulp.
///
/// Swift compiles for generic x86-64, which gives this loop two lanes; whole tensors
/// therefore go through the same formula in `CKernels`, built for AVX2 and AVX-512 as well
/// and chosen from the CPU's feature bits. Every variant does the same IEEE operations in the
/// same order (no fused multiply-add), so all of them return exactly `value(_:)`'s bits.
enum HyperbolicTangent {
    private static let ln2High = 0.693_147_180_369_123_816_49
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let log2e = 1.442_695_040_888_963_407_4
    /// 1.5·2⁵²: adding and subtracting it rounds a double to the nearest integer.
    private static let roundingShift = 6_755_399_441_055_744.0

    @inline(__always)
    static func value(_ x: Double) -> Double {
        let magnitude = x.isNaN ? 0 : Swift.min(abs(x), 20)
        let y = 2 * magnitude
        let shifted = y * log2e + roundingShift
        let n = shifted - roundingShift
        let r = (y - n * ln2High) - n * ln2Low
        var p = 1.0 / 6_227_020_800
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = (p * r) * r + r
        // The low bits of `shifted` hold n: 2ⁿ is (n + 1023) in the exponent field (no trapping conversion).
        let scale = Double(bitPattern: (shifted.bitPattern &+ 1023) << 52)
        let m = scale * p + (scale - 1)
        let t = m / (m + 2)
        let result = x.isNaN ? x : t
        return x < 0 ? -result : result
    }

    /// A whole-array kernel: `weave_tanh_sse2`, `_avx2` or `_avx512` (same bits, wider vectors).
    typealias Kernel = @convention(c) (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void

    /// The widest kernel this CPU (and its operating system) can run, chosen once.
    static let kernel: Kernel = kernel(forFeatures: weave_cpu_features())

    /// The widest kernel a set of `weave_cpu_features()` bits allows; SSE2 is every x86-64 CPU's.
    static func kernel(forFeatures features: UInt32) -> Kernel {
        if features & UInt32(WEAVE_CPU_AVX512) != 0 { return weave_tanh_avx512 }
        if features & UInt32(WEAVE_CPU_AVX2) != 0 { return weave_tanh_avx2 }
        return weave_tanh_sse2
    }

    /// Large tensors are split across the processors; below this many elements one thread does it.
    static let parallelThreshold = 1 << 16
    /// The processors online (at least one).
    static let processors = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// One tensor's tanh split into ranges, handed to the threads of `weave_pool_run`.
    private struct Job {
        let kernel: Kernel
        let input: UnsafePointer<Double>
        let output: UnsafeMutablePointer<Double>
        let count: Int, size: Int
    }

    /// Writes tanh(input[i]) to output[i] (the two may be the same), in parallel for large counts.
    static func apply(_ input: UnsafePointer<Double>, to output: UnsafeMutablePointer<Double>, count: Int) {
        let kernel = Self.kernel
        // A few parts per processor, handed out as threads come free, so that a core busy with
        // something else (another process, a BLAS thread still spinning) does not hold the rest up.
        let parts = count >= parallelThreshold ? Swift.min(processors * 4, 64) : 1
        guard parts > 1 else { return kernel(input, output, count) }
        // Whole vectors of 8 per part, so only the last part has a tail.
        var job = Job(kernel: kernel, input: input, output: output, count: count,
                      size: ((count + parts - 1) / parts + 7) & ~7)
        withUnsafeMutablePointer(to: &job) { job in
            weave_pool_run(parts, { context, part in
                guard let job = context?.assumingMemoryBound(to: Job.self).pointee else { return }
                let start = part &* job.size, end = Swift.min(job.count, start &+ job.size)
                if start < end { job.kernel(job.input + start, job.output + start, end &- start) }
            }, job)
        }
    }
}
