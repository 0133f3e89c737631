import CBLAS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How this process computes large matrix products: which BLAS library it loaded and
/// which kernel that library runs.
public struct BLASInfo: Sendable, CustomStringConvertible {
    /// The shared library loaded, or nil when none was found (products then run in Swift).
    public let library: String?
    /// The kernel the engine asked for, chosen from the CPU's feature bits (nil: left to the
    /// library, or to an inherited `OPENBLAS_CORETYPE`).
    public let requestedKernel: String?
    /// The `OPENBLAS_CORETYPE` this process was started with, which the engine respects.
    public let inheritedKernel: String?
    /// The kernel the library reports it runs.
    public let kernel: String?
    /// How many threads the library runs each call on: 1, since the engine splits large
    /// products itself (`EngineThreads`).
    public let threads: Int
    /// Set when the library's products disagreed with the definition on the check made at
    /// load: the library is then not used, and products run in Swift.
    public let rejected: String?

    /// One line, e.g. `libopenblas.so.0, kernel SkylakeX (asked SkylakeX), 1 thread per call`.
    public var description: String {
        guard let library else { return "no BLAS library found: matrix products run in Swift" }
        if let rejected { return "\(library) not used (\(rejected)): matrix products run in Swift" }
        let asked = requestedKernel.map { " (asked \($0))" } ?? inheritedKernel.map { " (OPENBLAS_CORETYPE=\($0))" } ?? ""
        return "\(library), kernel \(kernel ?? "unknown")\(asked), \(threads) thread per call"
    }
}

/// Loads Debian's OpenBLAS once, choosing its kernel first, and calls its `cblas_dgemm`.
///
/// Debian's OpenBLAS 0.3.21 picks its kernel when it loads: from the CPU model it knows, or
/// from `OPENBLAS_CORETYPE`. A CPU newer than the library gets the generic Prescott kernel at
/// a fraction of the speed. So the engine reads the CPU's vector features itself (with the
/// operating system's consent, XCR0), names the best kernel those features can run, sets
/// `OPENBLAS_CORETYPE` only for the moment of loading, and restores the environment after.
/// An inherited `OPENBLAS_CORETYPE` is respected: it is set on purpose where some OpenBLAS
/// builds compute wrong results or crash with the kernel they would pick. Whichever kernel
/// loads, a few small and odd-sized products are checked against the definition once; on a
/// mismatch the library is not used and products run in Swift.
enum BLAS {
    /// The loaded entry points; C function pointers are immutable, so sharing them is safe.
    struct Handle: @unchecked Sendable {
        let dgemm: weave_cblas_dgemm_fn?
        let info: BLASInfo
    }

    /// Loaded on first use (Swift initialises globals exactly once, thread-safely).
    static let handle: Handle = load()

    /// The OpenBLAS kernel name for a set of `weave_cpu_features()` bits.
    static func kernel(forFeatures features: UInt32) -> String? {
        func has(_ flag: Int) -> Bool { features & UInt32(flag) != 0 }
        if has(WEAVE_CPU_AVX512) && has(WEAVE_CPU_AVX2) && has(WEAVE_CPU_FMA) { return "SkylakeX" }
        if has(WEAVE_CPU_AVX2) && has(WEAVE_CPU_FMA) { return "Haswell" }
        if has(WEAVE_CPU_AVX) { return "Sandybridge" }
        return nil
    }

    /// What to set while loading: one thread per call, and the kernel for `features` unless
    /// the environment already names one (`inherited`).
    static func plan(features: UInt32, inherited: String?) -> (settings: [String: String], requested: String?) {
        var settings = ["OPENBLAS_NUM_THREADS": "1"]
        if let inherited, !inherited.isEmpty { return (settings, nil) }
        let requested = kernel(forFeatures: features)
        if let requested { settings["OPENBLAS_CORETYPE"] = requested }
        return (settings, requested)
    }

    private static func load() -> Handle {
        let inherited = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let (settings, requested) = plan(features: weave_cpu_features(), inherited: inherited)
        // The library runs every call on the caller's thread; the engine splits large products
        // itself (`MatrixProduct.parts`), so no library thread ever spins waiting for work.
        let saved = settings.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (variable, value) in settings { setenv(variable, value, 1) }
        defer {
            for (variable, value) in saved {
                if let value { setenv(variable, value, 1) } else { unsetenv(variable) }
            }
        }
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"] {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL),
                  let symbol = dlsym(library, "cblas_dgemm") else { continue }
            let dgemm = unsafeBitCast(symbol, to: weave_cblas_dgemm_fn.self)
            var kernel: String?
            if let symbol = dlsym(library, "openblas_get_corename"),
               let name = unsafeBitCast(symbol, to: weave_openblas_get_corename_fn.self)() {
                kernel = String(cString: name)
            }
            var threads = 1
            if let symbol = dlsym(library, "openblas_get_num_threads") {
                threads = Int(unsafeBitCast(symbol, to: weave_openblas_get_num_threads_fn.self)())
            }
            let rejected = check(dgemm).map { "kernel \(kernel ?? "unknown") \($0)" }
            let info = BLASInfo(library: name, requestedKernel: requested, inheritedKernel: inherited, kernel: kernel,
                                threads: threads, rejected: rejected)
            return Handle(dgemm: rejected == nil ? dgemm : nil, info: info)
        }
        return Handle(dgemm: nil, info: BLASInfo(library: nil, requestedKernel: requested, inheritedKernel: inherited,
                                                 kernel: nil, threads: 1, rejected: nil))
    }

    /// Products of small and odd sizes (every transpose, α and β not 1) through `dgemm`,
    /// against the definition: nil when all agree to within rounding, else what differed.
    /// Run once at load, before the library computes anything the engine keeps.
    static func check(_ dgemm: weave_cblas_dgemm_fn) -> String? {
        let shapes = [(1, 1, 1), (2, 3, 4), (5, 7, 3), (17, 13, 11), (33, 9, 65), (64, 64, 64), (67, 31, 129)]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Double {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return Double(seed % 2001) / 1000 - 1
        }
        for (index, (m, n, k)) in shapes.enumerated() {
            let transposeA = index % 2 == 1, transposeB = index % 3 == 1
            let alpha = 1.5, beta = index % 2 == 0 ? 0.0 : -0.5
            let a = (0..<(m * k)).map { _ in next() }, b = (0..<(k * n)).map { _ in next() }
            var c = (0..<(m * n)).map { _ in next() }
            var expected = c
            let lda = transposeA ? m : k, ldb = transposeB ? k : n
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k {
                        sum += (transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j])
                    }
                    expected[i * n + j] = alpha * sum + beta * c[i * n + j]
                }
            }
            dgemm(101, transposeA ? 112 : 111, transposeB ? 112 : 111, Int32(m), Int32(n), Int32(k), alpha,
                  a, Int32(lda), b, Int32(ldb), beta, &c, Int32(n))
            for position in 0..<(m * n) {
                let error = abs(c[position] - expected[position])
                guard error <= 1e-9 * max(1, abs(expected[position])) else {
                    return "computed \(c[position]) for \(expected[position]) in a \(m)×\(k) by \(k)×\(n) product"
                }
            }
        }
        return nil
    }
}

extension Tensor {
    /// The BLAS library and kernel this process uses for matrix products.
    public static var blas: BLASInfo { BLAS.handle.info }
}
