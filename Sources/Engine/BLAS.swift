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
    /// The kernel the engine asked for, chosen from the CPU's feature bits (nil: left to the library).
    public let requestedKernel: String?
    /// The kernel the library reports it runs.
    public let kernel: String?
    /// How many threads the library runs each call on: 1, since the engine splits large
    /// products itself (`EngineThreads`).
    public let threads: Int

    /// One line, e.g. `libopenblas.so.0, kernel SkylakeX (asked SkylakeX), 1 thread per call`.
    public var description: String {
        guard let library else { return "no BLAS library found: matrix products run in Swift" }
        let asked = requestedKernel.map { " (asked \($0))" } ?? ""
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
/// An inherited `OPENBLAS_CORETYPE` is overridden: it may name a kernel this CPU cannot run.
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

    private static func load() -> Handle {
        let requested = kernel(forFeatures: weave_cpu_features())
        // The library runs every call on the caller's thread; the engine splits large products
        // itself (`MatrixProduct.parts`), so no library thread ever spins waiting for work.
        var settings = ["OPENBLAS_NUM_THREADS": "1"]
        if let requested { settings["OPENBLAS_CORETYPE"] = requested }
        let inherited = settings.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (variable, value) in settings { setenv(variable, value, 1) }
        defer {
            for (variable, value) in inherited {
                if let value { setenv(variable, value, 1) } else { unsetenv(variable) }
            }
        }
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"] {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL),
                  let dgemm = dlsym(library, "cblas_dgemm") else { continue }
            var kernel: String?
            if let symbol = dlsym(library, "openblas_get_corename"),
               let name = unsafeBitCast(symbol, to: weave_openblas_get_corename_fn.self)() {
                kernel = String(cString: name)
            }
            var threads = 1
            if let symbol = dlsym(library, "openblas_get_num_threads") {
                threads = Int(unsafeBitCast(symbol, to: weave_openblas_get_num_threads_fn.self)())
            }
            let info = BLASInfo(library: name, requestedKernel: requested, kernel: kernel, threads: threads)
            return Handle(dgemm: unsafeBitCast(dgemm, to: weave_cblas_dgemm_fn.self), info: info)
        }
        return Handle(dgemm: nil, info: BLASInfo(library: nil, requestedKernel: requested, kernel: nil, threads: 1))
    }
}

extension Tensor {
    /// The BLAS library and kernel this process uses for matrix products.
    public static var blas: BLASInfo { BLAS.handle.info }
}
