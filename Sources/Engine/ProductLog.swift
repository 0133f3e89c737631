import Foundation

/// When `WEAVE_RECORD_PRODUCTS` names a file, every matrix product the engine computes is
/// recorded there as `m n k transA transB`, one per line, written when the process exits:
/// `make bench` replays them (`EngineBench floor FILE`) to time the matrix work of the whole
/// course through the same kernel, the floor under the course's build time.
public enum ProductLog {
    /// The file products are recorded in, read once; nil (the usual case) records nothing.
    static let path: String? = ProcessInfo.processInfo.environment["WEAVE_RECORD_PRODUCTS"]

    private static let log = Log()

    /// Records one product's shape.
    static func record(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) {
        log.append("\(m) \(n) \(k) \(transposeA ? 1 : 0) \(transposeB ? 1 : 0)\n")
    }

    /// The recorded lines, guarded by a lock (notebooks run on several threads), written at exit.
    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        private var registered = false

        func append(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            text += line
            if !registered {
                registered = true
                atexit { ProductLog.flush() }
            }
        }

        func contents() -> String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    fileprivate static func flush() {
        guard let path else { return }
        try? Data(log.contents().utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Replays the products recorded in `file` through the engine's product kernel on
    /// buffers of their shapes: how many, their floating-point operations (2mnk each), and
    /// the seconds of the replay (the best of `repeats`).
    public static func replay(_ file: String, repeats: Int = 3) throws -> (products: Int, flops: Double, seconds: Double) {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let shapes = text.split(separator: "\n").compactMap { line -> (Int, Int, Int, Bool, Bool)? in
            let fields = line.split(separator: " ").compactMap { Int($0) }
            guard fields.count == 5, fields[0] > 0, fields[1] > 0, fields[2] > 0 else { return nil }
            return (fields[0], fields[1], fields[2], fields[3] == 1, fields[4] == 1)
        }
        let largest = shapes.reduce(1) { Swift.max($0, $1.0 * $1.2, $1.2 * $1.1, $1.0 * $1.1) }
        let a = UnsafeMutablePointer<Double>.allocate(capacity: largest), b = UnsafeMutablePointer<Double>.allocate(capacity: largest)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: largest)
        defer { a.deallocate(); b.deallocate(); c.deallocate() }
        a.initialize(repeating: 0.5, count: largest)
        b.initialize(repeating: 0.25, count: largest)
        c.initialize(repeating: 0, count: largest)
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            for (m, n, k, transposeA, transposeB) in shapes {
                MatrixProduct.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1,
                                   a: a, lda: transposeA ? m : k, b: b, ldb: transposeB ? k : n, beta: 0, c: c, ldc: n)
            }
            let elapsed = ContinuousClock.now - start
            best = Swift.min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let flops = shapes.reduce(0.0) { $0 + 2 * Double($1.0) * Double($1.1) * Double($1.2) }
        return (shapes.count, flops, best)
    }
}
