/// Values counted in equal bins, as numpy's `histogram`, with the mean and population
/// standard deviation of the finite values.
public struct Histogram: Sendable {
    /// The `bins + 1` bin edges, from the low end of the range to the high end.
    public let edges: [Double]
    /// How many finite values fall in each bin.
    public let counts: [Int]
    /// The mean of the finite values (NaN when there are none).
    public let mean: Double
    /// The population standard deviation of the finite values (NaN when there are none).
    public let std: Double

    /// Bins `data` into `bins` equal bins over `range` (default: the finite values' min…max,
    /// widened by ½ each way when they are all equal). The last bin is closed; NaN, infinities
    /// and values outside the range are not counted. Throws unless `bins ≥ 1` and the range is
    /// finite with low < high.
    public init(_ data: [Double], bins: Int, range: (low: Double, high: Double)? = nil) throws {
        guard bins >= 1 else { throw EngineError.invalidArgument("histogram: bins must be at least 1, got \(bins)") }
        if let range, !(range.low < range.high && range.low.isFinite && range.high.isFinite) {
            throw EngineError.invalidArgument("histogram: range must be finite with low < high")
        }
        let finite = data.filter(\.isFinite)
        var low = range?.low ?? finite.min() ?? 0, high = range?.high ?? finite.max() ?? 1
        if low == high {
            low -= 0.5
            high += 0.5
        }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { $0 == bins ? high : low + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for value in finite where value >= low && value <= high {
            var position = (value - low) / width
            if !position.isFinite {
                // high − low overflowed: the same position, computed on halves.
                position = (value / 2 - low / 2) / ((high / 2 - low / 2) / Double(bins))
            }
            counts[Swift.min(bins - 1, Swift.max(0, Int(position.isFinite ? position : 0)))] += 1
        }
        self.counts = counts
        let average = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        let variance = finite.isEmpty ? .nan : finite.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(finite.count)
        mean = average
        std = variance.squareRoot()
    }
}
