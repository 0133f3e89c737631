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
        // No copy of the data: one pass for the count, the sum and (without a range) the
        // extremes, binning in the same pass when the range is given; a second for the
        // variance (and the bins, when the extremes had to be found first). The sums take the
        // finite values in order, as a filtered copy's `reduce` did, so the bits are the same.
        var finiteCount = 0, total = 0.0
        var smallest = Double.infinity, largest = -Double.infinity
        var counts = [Int](repeating: 0, count: bins)
        var low = range?.low ?? 0, high = range?.high ?? 1, width = (high - low) / Double(bins)
        data.withUnsafeBufferPointer { values in
            for value in values where value.isFinite {
                finiteCount &+= 1
                total += value
                if range == nil {
                    // Strict comparisons keep the first of equal values, as `min()` and `max()` do (±0).
                    if value < smallest { smallest = value }
                    if value > largest { largest = value }
                } else {
                    Self.count(value, low: low, high: high, width: width, bins: bins, into: &counts)
                }
            }
        }
        if range == nil, finiteCount > 0 {
            low = smallest
            high = largest
        }
        if low == high {
            low -= 0.5
            high += 0.5
        }
        width = (high - low) / Double(bins)
        edges = (0...bins).map { $0 == bins ? high : low + Double($0) * width }
        let average = finiteCount == 0 ? .nan : total / Double(finiteCount)
        var squares = 0.0
        data.withUnsafeBufferPointer { values in
            for value in values where value.isFinite {
                squares += (value - average) * (value - average)
                if range == nil { Self.count(value, low: low, high: high, width: width, bins: bins, into: &counts) }
            }
        }
        self.counts = counts
        mean = average
        std = (finiteCount == 0 ? .nan : squares / Double(finiteCount)).squareRoot()
    }

    /// Adds a finite value inside [low, high] to its bin (the last bin is closed).
    @inline(__always)
    private static func count(_ value: Double, low: Double, high: Double, width: Double, bins: Int, into counts: inout [Int]) {
        guard value >= low && value <= high else { return }
        var position = (value - low) / width
        if !position.isFinite {
            // high − low overflowed: the same position, computed on halves.
            position = (value / 2 - low / 2) / ((high / 2 - low / 2) / Double(bins))
        }
        counts[Swift.min(bins - 1, Swift.max(0, Int(position.isFinite ? position : 0)))] += 1
    }
}
