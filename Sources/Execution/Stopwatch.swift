/// Wall-clock time since it was made, in seconds: what the build's progress lines report.
public struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    /// A stopwatch started now.
    public init() {}

    /// Seconds since the stopwatch was made.
    public var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
