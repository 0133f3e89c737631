import CBLAS

/// The matrix-product kernel every product in the engine goes through:
/// C ← α·op(A)·op(B) + β·C, row-major, where op transposes when asked.
///
/// Large products go to BLAS; tiny ones (the toy networks of the lessons) stay in a Swift
/// loop, where a library call would cost more than the arithmetic.
enum MatrixProduct {
    /// Below this many multiply-adds a product runs in Swift.
    static let blasThreshold = 4096

    // swiftlint:disable:next function_parameter_count
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        if ProductLog.path != nil { ProductLog.record(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB) }
        if m &* n &* k >= blasThreshold, let dgemm = BLAS.handle.dgemm {
            dgemm(
                Int32(WEAVE_CBLAS_ROW_MAJOR),
                Int32(transposeA ? WEAVE_CBLAS_TRANS : WEAVE_CBLAS_NO_TRANS),
                Int32(transposeB ? WEAVE_CBLAS_TRANS : WEAVE_CBLAS_NO_TRANS),
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        scale(c, m: m, n: n, ldc: ldc, by: beta)
        if transposeB {
            // C[i, j] += α Σp A(i, p) B[j, p]: dot products over contiguous rows of B.
            var i = 0
            while i < m {
                var j = 0
                while j < n {
                    var sum = 0.0
                    var p = 0
                    while p < k {
                        let aip = transposeA ? a[p &* lda &+ i] : a[i &* lda &+ p]
                        sum += aip * b[j &* ldb &+ p]
                        p &+= 1
                    }
                    c[i &* ldc &+ j] += alpha * sum
                    j &+= 1
                }
                i &+= 1
            }
        } else {
            // C[i, :] += α A(i, p) B[p, :]: the i-k-j order, rows of B and C contiguous.
            var i = 0
            while i < m {
                let cRow = c + i &* ldc
                var p = 0
                while p < k {
                    let aip = alpha * (transposeA ? a[p &* lda &+ i] : a[i &* lda &+ p])
                    let bRow = b + p &* ldb
                    var j = 0
                    while j < n {
                        cRow[j] += aip * bRow[j]
                        j &+= 1
                    }
                    p &+= 1
                }
                i &+= 1
            }
        }
    }

    /// C ← β·C, with β = 0 clearing (so NaNs in C do not survive, as in BLAS).
    private static func scale(_ c: UnsafeMutablePointer<Double>, m: Int, n: Int, ldc: Int, by beta: Double) {
        if beta == 1 { return }
        var i = 0
        while i < m {
            let row = c + i &* ldc
            var j = 0
            while j < n {
                row[j] = beta == 0 ? 0 : beta * row[j]
                j &+= 1
            }
            i &+= 1
        }
    }
}

extension Tensor {
    /// The matrix product `self · other`; throws unless `self.columns == other.rows`.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard columns == other.rows else {
            throw EngineError.shapeMismatch(operation: "matmul", left: shape, right: other.shape)
        }
        let count = try checkedCount(rows, other.columns, "matmul")
        // Every element is written by the product (β = 0), so the storage starts uninitialised.
        let result = [Double](unsafeUninitializedCapacity: count) { c, initialized in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    guard let c = c.baseAddress else { return }
                    guard let a = a.baseAddress, let b = b.baseAddress else {
                        c.initialize(repeating: 0, count: count)
                        return
                    }
                    MatrixProduct.gemm(
                        transposeA: false, transposeB: false, m: rows, n: other.columns, k: columns,
                        alpha: 1, a: a, lda: columns, b: b, ldb: other.columns, beta: 0, c: c, ldc: other.columns)
                }
            }
            initialized = count
        }
        return Tensor(unchecked: rows, other.columns, result)
    }
}
