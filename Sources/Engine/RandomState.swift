#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A random stream identical to numpy's legacy `np.random.RandomState(seed)`.
///
/// MT19937 seeded as numpy seeds an integer; `rand` is numpy's `random_sample` (53 bits
/// from two 32-bit draws); `randn` is the legacy polar Gaussian, which draws a pair and
/// caches the second value for the next call, even across interleaved `rand` calls.
/// The same seed and the same calls give the same numbers as numpy, bit for bit.
public struct RandomState: Sendable {
    private static let stateSize = 624
    private var key: [UInt32]
    private var position: Int
    private var cachedGaussian: Double?

    /// A stream seeded like `RandomState(seed)`; numpy accepts seeds 0 … 2³² − 1.
    public init(seed: Int) throws {
        guard seed >= 0, seed <= Int(UInt32.max) else {
            throw EngineError.invalidArgument("seed must be between 0 and 2**32 - 1, got \(seed)")
        }
        self.init(seed: UInt32(seed))
    }

    /// A stream seeded like `RandomState(seed)`.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateSize)
        var value = seed
        for index in 0..<Self.stateSize {
            key[index] = value
            value = 1_812_433_253 &* (value ^ (value >> 30)) &+ UInt32(index + 1)
        }
        self.key = key
        position = Self.stateSize
        cachedGaussian = nil
    }

    /// The next 32 raw bits of MT19937.
    public mutating func nextUInt32() -> UInt32 {
        if position >= Self.stateSize { twist() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Regenerates the 624 words of state (the MT19937 recurrence), in the three stretches
    /// where i + 1 and i + 397 wrap or not, so no index needs a remainder, and with the
    /// twist's conditional xor as a mask.
    private mutating func twist() {
        key.withUnsafeMutableBufferPointer { buffer in
            guard let mt = buffer.baseAddress, buffer.count == Self.stateSize else { return }
            @inline(__always) func word(_ i: Int, _ next: Int, _ far: Int) {
                let y = (mt[i] & 0x8000_0000) | (mt[next] & 0x7FFF_FFFF)
                mt[i] = mt[far] ^ (y >> 1) ^ ((0 &- (y & 1)) & 0x9908_B0DF)
            }
            let n = Self.stateSize, m = 397
            var i = 0
            while i < n &- m { word(i, i &+ 1, i &+ m); i &+= 1 }
            while i < n &- 1 { word(i, i &+ 1, i &+ m &- n); i &+= 1 }
            word(n &- 1, 0, m &- 1)
        }
        position = 0
    }

    /// A uniform double in [0, 1): numpy's `random_sample`, 53 bits from two draws.
    public mutating func rand() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `count` uniform doubles in [0, 1).
    public mutating func rand(_ count: Int) -> [Double] {
        (0..<max(0, count)).map { _ in rand() }
    }

    /// A standard normal draw: numpy's legacy polar method with its cached second value.
    public mutating func randn() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        let (x1, x2, r2) = polarPoint()
        let f = sqrt(-2.0 * log(r2) / r2)
        cachedGaussian = f * x1
        return f * x2
    }

    /// The polar method's next point: two uniform draws in (−1, 1) until they fall strictly
    /// inside the unit circle, away from its centre; with their squared radius.
    @inline(__always)
    private mutating func polarPoint() -> (Double, Double, Double) {
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * rand() - 1.0
            x2 = 2.0 * rand() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        return (x1, x2, r2)
    }

    /// `count` standard normal draws: the values of `count` calls of `randn()`, the cached
    /// second value included. The points are drawn in the stream's order, a block at a time,
    /// and then turned into values together, so the divisions and square roots of different
    /// pairs overlap instead of waiting for each other.
    public mutating func randn(_ count: Int) -> [Double] {
        let count = max(0, count)
        return [Double](unsafeUninitializedCapacity: count) { out, initialized in
            var i = 0
            if count > 0, let cached = cachedGaussian {
                out[0] = cached
                cachedGaussian = nil
                i = 1
            }
            let block = 64
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * block) { scratch in
                guard let x1s = scratch.baseAddress else { return }
                let x2s = x1s + block, r2s = x2s + block
                while i < count {
                    let pairs = Swift.min(block, (count &- i &+ 1) / 2)
                    var q = 0
                    while q < pairs {
                        (x1s[q], x2s[q], r2s[q]) = polarPoint()
                        q &+= 1
                    }
                    q = 0
                    while q < pairs {
                        let f = sqrt(-2.0 * log(r2s[q]) / r2s[q])
                        out[i] = f * x2s[q]
                        if i &+ 1 < count { out[i &+ 1] = f * x1s[q] } else { cachedGaussian = f * x1s[q] }
                        i &+= 2
                        q &+= 1
                    }
                }
            }
            initialized = count
        }
    }

    /// A uniform double in [low, high): numpy's `low + (high − low)·random_sample`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * rand()
    }

    /// `count` uniform doubles in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double, count: Int) -> [Double] {
        (0..<max(0, count)).map { _ in uniform(low, high) }
    }

    /// A normal draw with the given mean and standard deviation: `mean + std·randn()`.
    public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        mean + std * randn()
    }

    /// `count` normal draws.
    public mutating func normal(mean: Double = 0, std: Double = 1, count: Int) -> [Double] {
        (0..<max(0, count)).map { _ in normal(mean: mean, std: std) }
    }

    /// A uniform integer in 0 … `upperBound` (inclusive): numpy's masked rejection `random_interval`.
    public mutating func interval(_ upperBound: UInt64) -> UInt64 {
        if upperBound == 0 { return 0 }
        var mask = upperBound
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        if upperBound <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= upperBound { return value }
            }
        }
        while true {
            let high = UInt64(nextUInt32())
            let value = (high << 32 | UInt64(nextUInt32())) & mask
            if value <= upperBound { return value }
        }
    }

    /// Shuffles in place exactly as numpy's `RandomState.shuffle` of a 1-D array.
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        var i = elements.count - 1
        while i >= 1 {
            let j = Int(interval(UInt64(i)))
            elements.swapAt(i, j)
            i -= 1
        }
    }

    /// A permutation of 0 ..< n, as numpy's `RandomState.permutation(n)`.
    public mutating func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<max(0, n))
        shuffle(&values)
        return values
    }
}
