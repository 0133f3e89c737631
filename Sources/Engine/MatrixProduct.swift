import CBLAS
import CKernels

/// The matrix-product kernel every product in the engine goes through:
/// C ← α·op(A)·op(B) + β·C, row-major, where op transposes when asked.
///
/// Large products go to BLAS; tiny ones (the toy networks of the lessons) stay in a Swift
/// loop, where a library call would cost more than the arithmetic.
enum MatrixProduct {
    /// Below this many multiply-adds a product runs in Swift.
    static let blasThreshold = 4096

    // swiftlint:disable:next function_parameter_count
    @inline(__always)
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        // The tiny products of the toy networks take the shortest way to the Swift kernel.
        if m &* n &* k < blasThreshold, m > 0, n > 0, ProductLog.path == nil {
            return smallProduct(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
        gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
             a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc) { _, _ in }
    }

    /// Whether a product of this shape is computed in bands of rows on several threads, so
    /// work handed to `gemm(…, rowsDone:)` runs on those threads (otherwise it runs once, for
    /// all rows, after the product, and may as well follow it directly).
    @inline(__always)
    static func splitsRows(m: Int, n: Int, k: Int) -> Bool {
        m >= n && m &* n &* k >= blasThreshold && BLAS.handle.dgemm != nil && parts(m: m, n: n, k: k) > 1
    }

    /// The product, then `rowsDone(start, end)` for every band of rows of C once computed:
    /// elementwise work on those rows (a bias, an activation) runs on the thread that computed
    /// them, while they are in its cache, and side by side with the other bands. Each row is
    /// handed over exactly once; the work must touch only rows `start ..< end`.
    // swiftlint:disable:next function_parameter_count
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int, rowsDone: (Int, Int) -> Void
    ) {
        if m == 0 || n == 0 { return }
        if ProductLog.path != nil { ProductLog.record(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB) }
        guard m &* n &* k >= blasThreshold, let dgemm = BLAS.handle.dgemm else {
            smallProduct(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            rowsDone(0, m)
            return
        }
        // Large products are split into blocks of C (bands of rows, or of columns when C is
        // wider than tall), each one single-threaded library call, run side by side. The
        // split depends on the shape alone, so the bits do not depend on the threads free.
        let parts = parts(m: m, n: n, k: k)
        let splitRows = m >= n
        withoutActuallyEscaping(rowsDone) { rowsDone in
            var job = ProductJob(
                dgemm: dgemm, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, parts: parts,
                rowsDone: splitRows ? rowsDone : nil)
            if parts == 1 {
                job.run(part: 0)
            } else {
                withUnsafeMutablePointer(to: &job) { job in
                    weave_pool_run(parts, { context, part in
                        context?.assumingMemoryBound(to: ProductJob.self).pointee.run(part: part)
                    }, job)
                }
            }
            // Bands of columns: the rows are whole only when every band is done.
            if !splitRows { rowsDone(0, m) }
        }
    }

    /// From this many multiply-adds on, a product is split in two (OpenBLAS's own threshold for
    /// using threads is 65536 × 4); from `64 × parallelThreshold` on, in four.
    static let parallelThreshold = 1 << 18

    /// How many blocks a product of this shape is computed in: by its size alone, never by the
    /// processors free, so its bits are the same on every run.
    static func parts(m: Int, n: Int, k: Int) -> Int {
        let work = m &* n &* k, extent = Swift.max(m, n)
        if work < parallelThreshold || extent < 32 { return 1 }
        return work >= 64 &* parallelThreshold && extent >= 64 ? 4 : 2
    }

    /// One product split into blocks of C, handed to the threads of `weave_pool_run`.
    private struct ProductJob {
        let dgemm: weave_cblas_dgemm_fn
        let transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double
        let a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int
        let beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int, parts: Int
        /// Called with each band of rows once computed (bands of rows only).
        let rowsDone: ((Int, Int) -> Void)?

        /// Computes block `part`: a band of rows of C, or of columns when C is wider than tall,
        /// the bands a multiple of 8 wide (the last one narrower).
        func run(part: Int) {
            let splitRows = m >= n, extent = splitRows ? m : n
            let size = ((extent + parts - 1) / parts + 7) & ~7
            let start = part &* size, end = Swift.min(extent, start &+ size)
            guard start < end else { return }
            var a = self.a, b = self.b, c = self.c, rows = m, columns = n
            if splitRows {
                a += transposeA ? start : start &* lda
                c += start &* ldc
                rows = end &- start
            } else {
                b += transposeB ? start &* ldb : start
                c += start
                columns = end &- start
            }
            dgemm(
                Int32(WEAVE_CBLAS_ROW_MAJOR),
                Int32(transposeA ? WEAVE_CBLAS_TRANS : WEAVE_CBLAS_NO_TRANS),
                Int32(transposeB ? WEAVE_CBLAS_TRANS : WEAVE_CBLAS_NO_TRANS),
                Int32(rows), Int32(columns), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            if splitRows { rowsDone?(start, end) }
        }
    }

    /// The Swift kernel. Each element of C starts from β·C (exactly 0 when β = 0, so NaNs in C
    /// do not survive, as in BLAS; C itself when β = 1) and takes its terms in the order of p:
    /// with `transposeB`, α times the dot product Σp A(i, p)·B[j, p] summed from 0; otherwise
    /// (α·A(i, p))·B[p, j] added one by one. The sums run in registers, four elements of a row at
    /// a time, so four independent chains overlap and no partial sum goes through memory.
    // Inlined into each caller, where the transposes are constants, as the first loop was.
    // swiftlint:disable:next function_parameter_count function_body_length
    @inline(__always)
    static func smallProduct(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        // A(i, p) = a[i·aRow + p·aStep], B(p, j) = b[p·bStep + j·bColumn].
        let (aRow, aStep) = transposeA ? (1, lda) : (lda, 1)
        let (bStep, bColumn) = transposeB ? (1, ldb) : (ldb, 1)
        @inline(__always) func start(_ value: Double) -> Double { beta == 0 ? 0 : beta == 1 ? value : beta * value }
        if m &* n &* k <= 64 {
            // Tiny (the 2-2-2-1 network): the definition itself, with the least setting up.
            for i in 0..<m {
                for j in 0..<n {
                    var p = 0
                    if transposeB {
                        var sum = 0.0
                        while p < k { sum += a[i &* aRow &+ p &* aStep] * b[j &* ldb &+ p]; p &+= 1 }
                        c[i &* ldc &+ j] = start(c[i &* ldc &+ j]) + alpha * sum
                    } else {
                        var sum = start(c[i &* ldc &+ j])
                        while p < k { sum += alpha * a[i &* aRow &+ p &* aStep] * b[p &* ldb &+ j]; p &+= 1 }
                        c[i &* ldc &+ j] = sum
                    }
                }
            }
            return
        }
        var i = 0
        while i < m {
            let aI = a + i &* aRow, cRow = c + i &* ldc
            var j = 0
            while j &+ 4 <= n {
                let b0 = b + j &* bColumn, b1 = b0 + bColumn, b2 = b1 + bColumn, b3 = b2 + bColumn
                var p = 0
                if transposeB {
                    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                    while p < k {
                        let x = aI[p &* aStep], o = p &* bStep
                        s0 += x * b0[o]; s1 += x * b1[o]; s2 += x * b2[o]; s3 += x * b3[o]
                        p &+= 1
                    }
                    cRow[j] = start(cRow[j]) + alpha * s0
                    cRow[j &+ 1] = start(cRow[j &+ 1]) + alpha * s1
                    cRow[j &+ 2] = start(cRow[j &+ 2]) + alpha * s2
                    cRow[j &+ 3] = start(cRow[j &+ 3]) + alpha * s3
                } else {
                    var s0 = start(cRow[j]), s1 = start(cRow[j &+ 1]), s2 = start(cRow[j &+ 2]), s3 = start(cRow[j &+ 3])
                    while p < k {
                        let x = alpha * aI[p &* aStep], o = p &* bStep
                        s0 += x * b0[o]; s1 += x * b1[o]; s2 += x * b2[o]; s3 += x * b3[o]
                        p &+= 1
                    }
                    cRow[j] = s0; cRow[j &+ 1] = s1; cRow[j &+ 2] = s2; cRow[j &+ 3] = s3
                }
                j &+= 4
            }
            i &+= 1
        }
        // The columns past the last block of four (all of them when n < 4, as in a layer with
        // one output) go four rows at a time: four independent sums again. Rows past m are
        // computed on the last row and not stored.
        let tail = n & ~3
        guard tail < n else { return }
        i = 0
        // Short sums (tiny products) need no overlap: one row at a time, no repeated rows.
        if m < 4 && k < 16 {
            while i < m {
                let aI = a + i &* aRow, cRow = c + i &* ldc
                var j = tail
                while j < n {
                    let bJ = b + j &* bColumn
                    var p = 0
                    if transposeB {
                        var sum = 0.0
                        while p < k { sum += aI[p &* aStep] * bJ[p &* bStep]; p &+= 1 }
                        cRow[j] = start(cRow[j]) + alpha * sum
                    } else {
                        var sum = start(cRow[j])
                        while p < k { sum += alpha * aI[p &* aStep] * bJ[p &* bStep]; p &+= 1 }
                        cRow[j] = sum
                    }
                    j &+= 1
                }
                i &+= 1
            }
            return
        }
        while i < m {
            let last = m &- 1
            let r0 = i, r1 = Swift.min(i &+ 1, last), r2 = Swift.min(i &+ 2, last), r3 = Swift.min(i &+ 3, last)
            let a0 = a + r0 &* aRow, a1 = a + r1 &* aRow, a2 = a + r2 &* aRow, a3 = a + r3 &* aRow
            var j = tail
            while j < n {
                let bJ = b + j &* bColumn
                var p = 0
                var s0: Double, s1: Double, s2: Double, s3: Double
                if transposeB {
                    (s0, s1, s2, s3) = (0, 0, 0, 0)
                    while p < k {
                        let y = bJ[p &* bStep], o = p &* aStep
                        s0 += a0[o] * y; s1 += a1[o] * y; s2 += a2[o] * y; s3 += a3[o] * y
                        p &+= 1
                    }
                    (s0, s1, s2, s3) = (start(c[r0 &* ldc &+ j]) + alpha * s0, start(c[r1 &* ldc &+ j]) + alpha * s1,
                                        start(c[r2 &* ldc &+ j]) + alpha * s2, start(c[r3 &* ldc &+ j]) + alpha * s3)
                } else {
                    (s0, s1, s2, s3) = (start(c[r0 &* ldc &+ j]), start(c[r1 &* ldc &+ j]),
                                        start(c[r2 &* ldc &+ j]), start(c[r3 &* ldc &+ j]))
                    while p < k {
                        let y = bJ[p &* bStep], o = p &* aStep
                        s0 += alpha * a0[o] * y; s1 += alpha * a1[o] * y; s2 += alpha * a2[o] * y; s3 += alpha * a3[o] * y
                        p &+= 1
                    }
                }
                c[r0 &* ldc &+ j] = s0
                if i &+ 1 <= last { c[r1 &* ldc &+ j] = s1 }
                if i &+ 2 <= last { c[r2 &* ldc &+ j] = s2 }
                if i &+ 3 <= last { c[r3 &* ldc &+ j] = s3 }
                j &+= 1
            }
            i &+= 4
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
