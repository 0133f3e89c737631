/// The budgets a cell runs under; going past one is a located error, never a hang or a crash.
public struct Limits: Sendable, Equatable {
    /// The steps one cell may take: every statement, loop iteration, call and element
    /// visited by a builtin costs one.
    public var steps: Int
    /// How deep calls of cell functions and closures may nest.
    public var callDepth: Int
    /// The elements one tensor, array or string made by a builtin may hold.
    public var tensorElements: Int

    /// The defaults: 20 million steps (well under a second of work), depth 1,000,
    /// 16 million elements (128 MB of doubles).
    /// Values above the ceiling are lowered to it.
    public init(steps: Int = 20_000_000, callDepth: Int = 1_000, tensorElements: Int = 16_000_000) {
        self.steps = min(max(steps, 0), Limits.ceiling.steps)
        self.callDepth = min(max(callDepth, 0), Limits.ceiling.callDepth)
        self.tensorElements = min(max(tensorElements, 0), Limits.ceiling.tensorElements)
    }

    /// The most any limit may be set to (front matter refuses more, and so does `init`):
    /// about 100 s of work per cell; calls as deep as the interpreter's stack holds with
    /// room to spare; 800 MB of doubles.
    public static let ceiling = (steps: 2_000_000_000, callDepth: 10_000, tensorElements: 100_000_000)
}
