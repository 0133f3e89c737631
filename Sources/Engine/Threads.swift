import CKernels

/// The threads the engine's large kernels run on: the calling thread and a few helpers.
///
/// A large matrix product is split by its shape alone into blocks of its result
/// (`MatrixProduct.parts`), and a large tanh into ranges; the parts run on the caller's thread
/// and on helper threads (one per other processor, started on first use, sleeping when idle).
/// Which thread computes a part never changes its bits, so results are the same whatever
/// the limit.
public enum EngineThreads {
    /// How many threads a job may use from now on, the caller included (at least 1). A program
    /// that runs several computations side by side, each on its own thread, gives each one
    /// its share of the processors, so that helpers do not compete with the other callers.
    public static func limit(to count: Int) {
        weave_pool_allow(Int32(clamping: Swift.max(count, 1) - 1))
    }

    /// How many threads a job runs on now: the caller plus the helpers it may use.
    public static var count: Int { Int(weave_pool_threads()) }

    /// The processors online (at least one).
    public static let processors = HyperbolicTangent.processors
}
