/// How figures and tables write numbers: deterministic, free of binary noise, and consistent
/// within a column or an axis.
public enum NumberFormat {
    /// The minus sign figures draw (U+2212, as typeset mathematics writes it).
    static let typographicMinus = "\u{2212}"

    /// A number for a label: up to `significant` significant digits, trailing zeros dropped,
    /// scientific notation outside 0.001…999999 (`0.412`, `-1.25`, `1.2e-5`), `NaN`, `∞`, `-∞`.
    public static func short(_ value: Double, significant: Int = 3, minus: String = "-") -> String {
        guard let decimal = ExactDecimal(value) else { return nonFinite(value, minus: minus) }
        let rounded = decimal.rounded(significant: significant)
        if rounded.isZero { return "0" }
        let magnitude = rounded.magnitude
        if magnitude < -3 || magnitude > 5 {
            return rounded.scientific(significant: significant, minus: minus)
        }
        return rounded.fixed(decimals: rounded.decimalsNeeded, minus: minus)
    }

    /// `NaN`, `∞` or `-∞`.
    static func nonFinite(_ value: Double, minus: String = "-") -> String {
        if value.isNaN { return "NaN" }
        return value < 0 ? minus + "∞" : "∞"
    }

    /// One number column of a table written consistently: the same count of decimals for
    /// every value (enough for four significant digits of the largest, no more than the values
    /// need), or scientific notation when the magnitudes span too far to share decimals.
    public static func column(_ values: [Double]) -> [String] {
        let decimals = values.compactMap { ExactDecimal($0) }.filter { !$0.isZero }
        guard let largest = decimals.map(\.magnitude).max(), let smallest = decimals.map(\.magnitude).min() else {
            return values.map { $0.isFinite ? "0" : nonFinite($0) }
        }
        let scientific = largest >= 9 || largest < -4 || largest - smallest > 6
        if scientific {
            return values.map { value in
                guard let decimal = ExactDecimal(value) else { return nonFinite(value) }
                return decimal.isZero ? "0" : decimal.scientific(significant: 4)
            }
        }
        let allowed = min(10, max(0, 3 - largest))
        let needed = decimals.map(\.decimalsNeeded).max() ?? 0
        let places = min(allowed, needed)
        return values.map { value in
            guard let decimal = ExactDecimal(value) else { return nonFinite(value) }
            return decimal.fixed(decimals: places)
        }
    }

    /// An SVG coordinate: rounded to `decimals` places (1 or 2), without trailing zeros.
    static func coordinate(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1_000_000), 1_000_000)
        let scale = decimals >= 2 ? 100.0 : 10.0
        let scaled = Int((clamped * scale).rounded())
        let places = decimals >= 2 ? 2 : 1
        return ExactDecimal(integer: scaled, exponent: -places).fixedTrimmed
    }
}

extension ExactDecimal {
    /// The exact value with as many decimals as it needs (`2`, `2.5`, `-0.05`).
    var fixedTrimmed: String { fixed(decimals: decimalsNeeded) }
}
