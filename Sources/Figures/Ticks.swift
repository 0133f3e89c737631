import Foundation

/// One labelled mark on an axis.
struct Tick: Equatable, Sendable {
    /// The data value (for a log axis, the value itself, not its logarithm).
    var value: Double
    /// The label, written exactly (`0.3`, never `0.30000000000000004`).
    var label: String
}

/// An axis: its domain, nice ticks and how values map into it.
struct Axis: Equatable, Sendable {
    /// The lower end of the domain, in scale space (log10 of the value for a log axis).
    var lower: Double
    /// The upper end of the domain, in scale space.
    var upper: Double
    /// Whether the axis is logarithmic.
    var logarithmic: Bool
    /// The ticks inside the domain, in increasing order.
    var ticks: [Tick]

    /// The value in scale space, or nil when it cannot be placed (not finite, or ≤ 0 on a log axis).
    func scaled(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if logarithmic {
            guard value > 0 else { return nil }
            return log10(value)
        }
        return value
    }

    /// Where `value` falls between `start` and `end` (pixels); nil when it cannot be placed.
    func position(_ value: Double, from start: Double, to end: Double) -> Double? {
        guard let scaled = scaled(value) else { return nil }
        let span = upper - lower
        guard span > 0, span.isFinite else { return (start + end) / 2 }
        return start + (scaled - lower) / span * (end - start)
    }
}

/// Tick generation: steps of 1, 2 or 5 times a power of ten, labels from exact decimals.
enum Ticks {
    /// A linear axis covering `lower…upper`, widened to whole steps, with about `target` ticks.
    /// Equal ends are widened around the value; non-finite ends give the axis 0…1.
    static func linear(_ lower: Double, _ upper: Double, target: Int = 5) -> Axis {
        var low = min(lower, upper)
        var high = max(lower, upper)
        guard low.isFinite, high.isFinite else { return linear(0, 1, target: target) }
        if low == high {
            let pad = low == 0 ? 1 : low.magnitude / 10
            low -= pad
            high += pad
        }
        // Halve first so that spans near the largest Double do not overflow.
        let span = high / 2 - low / 2
        let raw = span * 2 / Double(max(1, target))
        guard raw > 0, raw.isFinite else { return plain(low, high) }
        var power = Int(log10(raw).rounded(.down))
        let fraction = raw / powerOfTen(power)
        var multiple: Int
        switch fraction {
        // Thresholds at the geometric means of neighbouring steps (√2, √10, √50), as d3 does.
        case ..<1.4142135623730951: multiple = 1
        case ..<3.1622776601683795: multiple = 2
        case ..<7.0710678118654755: multiple = 5
        default:
            multiple = 1
            power += 1
        }
        let step = Double(multiple) * powerOfTen(power)
        guard step > 0, step.isFinite, (low / step).magnitude < 1e15, (high / step).magnitude < 1e15 else {
            return plain(low, high)
        }
        // A little slack so that 0.30000000000000004 counts as the tick 0.3.
        let first = Int((low / step + 1e-9).rounded(.down))
        let last = Int((high / step - 1e-9).rounded(.up))
        let ticks = (first...max(first, last)).map { k -> Tick in
            let exact = ExactDecimal(integer: k * multiple, exponent: power)
            return Tick(value: Double(k) * step, label: label(exact, power: power))
        }
        return Axis(lower: Double(first) * step, upper: Double(max(first, last)) * step, logarithmic: false, ticks: ticks)
    }

    /// A logarithmic axis over whole decades covering `lower…upper` (both > 0): ticks at powers
    /// of ten, with 2 and 5 between them when the axis spans two decades or fewer.
    static func logarithmic(_ lower: Double, _ upper: Double) -> Axis {
        var low = min(lower, upper)
        var high = max(lower, upper)
        if !(low > 0) || !low.isFinite { low = min(1, high.isFinite && high > 0 ? high : 1) }
        if !(high > 0) || !high.isFinite { high = max(low, 1) }
        var first = Int(log10(low).rounded(.down))
        var last = Int(log10(high).rounded(.up))
        if last <= first {
            first = min(first, last)
            last = first + 1
        }
        let decades = last - first
        let every = max(1, (decades + 5) / 6)
        var ticks: [Tick] = []
        for power in first...last where (power - first) % every == 0 {
            ticks.append(Tick(value: powerOfTen(power), label: logLabel(1, power: power)))
            if decades <= 2, power < last {
                for multiple in [2, 5] {
                    ticks.append(Tick(value: Double(multiple) * powerOfTen(power), label: logLabel(multiple, power: power)))
                }
            }
        }
        return Axis(lower: Double(first), upper: Double(last), logarithmic: true, ticks: ticks)
    }

    /// Ticks at just the two ends, for ranges no step can divide sensibly.
    private static func plain(_ low: Double, _ high: Double) -> Axis {
        Axis(lower: low, upper: high, logarithmic: false, ticks: [
            Tick(value: low, label: NumberFormat.short(low, minus: NumberFormat.typographicMinus)),
            Tick(value: high, label: NumberFormat.short(high, minus: NumberFormat.typographicMinus)),
        ])
    }

    /// A tick label: fixed-point with the step's decimals for everyday magnitudes, else scientific.
    static func label(_ value: ExactDecimal, power: Int) -> String {
        let minus = NumberFormat.typographicMinus
        if value.isZero { return "0" }
        if power < -4 || value.magnitude > 5 || power > 5 {
            return value.scientific(significant: 15, minus: minus)
        }
        return value.fixed(decimals: max(0, -power), minus: minus)
    }

    /// A log-axis label: plain for 0.001…10000 (`0.02`, `500`), else a power of ten (`10⁻⁸`, `2×10⁶`).
    static func logLabel(_ multiple: Int, power: Int) -> String {
        if power >= -3, power <= 3 {
            return ExactDecimal(integer: multiple, exponent: power).fixed(decimals: max(0, -power))
        }
        return (multiple == 1 ? "" : "\(multiple)×") + "10" + superscript(power)
    }

    /// An integer in superscript digits, with a superscript minus.
    static func superscript(_ value: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let text = String(value.magnitude).map { digits[Int($0.asciiValue ?? 48) - 48] }
        return (value < 0 ? "⁻" : "") + String(text)
    }

    /// 10^power as a Double, computed without `pow` so that every platform agrees.
    static func powerOfTen(_ power: Int) -> Double {
        if power >= 0 {
            var result = 1.0
            for _ in 0..<min(power, 400) { result *= 10 }
            return result
        }
        var result = 1.0
        for _ in 0..<min(-power, 400) { result *= 10 }
        return 1 / result
    }
}

extension Ticks {
    /// An axis whose domain is exactly `lower…upper` (a heatmap's extent), with the nice
    /// ticks of `linear` that fall inside it.
    static func exact(_ lower: Double, _ upper: Double, target: Int = 5) -> Axis {
        guard lower.isFinite, upper.isFinite, lower < upper else {
            return linear(lower, upper, target: target)
        }
        let nice = linear(lower, upper, target: target)
        let slack = (upper - lower) * 1e-9
        let ticks = nice.ticks.filter { $0.value >= lower - slack && $0.value <= upper + slack }
        return Axis(lower: lower, upper: upper, logarithmic: false, ticks: ticks)
    }
}
