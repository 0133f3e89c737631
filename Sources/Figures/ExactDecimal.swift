/// A finite number as decimal digits and a power of ten, so figures can round and print
/// numbers without binary noise (`0.30000000000000004`) and identically on every run.
///
/// The value is `significand × 10^exponent`, where `significand` is a string of decimal digits
/// without leading or trailing zeros (empty for zero).
struct ExactDecimal: Equatable, Sendable {
    /// Whether the number is below zero.
    var negative: Bool
    /// The digits, most significant first, each 0…9; no leading or trailing zeros.
    var digits: [UInt8]
    /// The power of ten of the last digit.
    var exponent: Int

    /// Zero.
    static let zero = ExactDecimal(negative: false, digits: [], exponent: 0)

    /// A number from raw digits, normalised (leading and trailing zeros removed).
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.count
        digits.removeFirst(firstNonZero)
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.negative = negative && !digits.isEmpty
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// `integer × 10^exponent`, exactly.
    init(integer: Int, exponent: Int) {
        let magnitude = integer.magnitude
        let digits = String(magnitude).utf8.map { $0 - 48 }
        self.init(negative: integer < 0, digits: digits, exponent: exponent)
    }

    /// The shortest decimal that reads back as `value` (Swift's own printing); nil for NaN and ±∞.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 {
            self = .zero
            return
        }
        // Swift prints the shortest round-tripping digits: "0.1", "1e-05", "1.2345e+20".
        let text = String(describing: value.magnitude)
        var digits: [UInt8] = []
        var exponent = 0
        var afterPoint = 0
        var seenPoint = false
        var exponentText = ""
        var inExponent = false
        for character in text.utf8 {
            if inExponent {
                exponentText.unicodeScalars.append(Unicode.Scalar(character))
            } else if character == UInt8(ascii: "e") || character == UInt8(ascii: "E") {
                inExponent = true
            } else if character == UInt8(ascii: ".") {
                seenPoint = true
            } else if character >= 48, character <= 57 {
                digits.append(character - 48)
                if seenPoint { afterPoint += 1 }
            }
        }
        if !exponentText.isEmpty {
            exponent = Int(exponentText) ?? 0
        }
        self.init(negative: value < 0, digits: digits, exponent: exponent - afterPoint)
    }

    /// Whether the number is zero.
    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the leading digit: 2 for 345, -3 for 0.00123; 0 for zero.
    var magnitude: Int { digits.isEmpty ? 0 : exponent + digits.count - 1 }

    /// The number rounded, half away from zero, to a multiple of `10^-decimals`.
    func rounded(decimals: Int) -> ExactDecimal {
        rounded(toExponent: -decimals)
    }

    /// The number rounded, half away from zero, to `count` significant digits (at least 1).
    func rounded(significant count: Int) -> ExactDecimal {
        guard !digits.isEmpty else { return self }
        return rounded(toExponent: magnitude - max(1, count) + 1)
    }

    /// The number rounded, half away from zero, to a multiple of `10^target`.
    private func rounded(toExponent target: Int) -> ExactDecimal {
        guard !digits.isEmpty, exponent < target else { return self }
        let drop = target - exponent
        if drop > digits.count {
            return .zero
        }
        var kept = Array(digits[0..<(digits.count - drop)])
        let roundUp = digits[digits.count - drop] >= 5
        if roundUp {
            var index = kept.count - 1
            var carry = true
            while carry, index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    carry = false
                }
            }
            if carry { kept.insert(1, at: 0) }
        }
        return ExactDecimal(negative: negative, digits: kept, exponent: target)
    }

    /// The number of digits after the decimal point needed to write it exactly.
    var decimalsNeeded: Int { digits.isEmpty ? 0 : max(0, -exponent) }

    /// Fixed-point text with exactly `decimals` digits after the point (rounding first).
    func fixed(decimals: Int, minus: String = "-") -> String {
        let decimals = max(0, decimals)
        let value = rounded(decimals: decimals)
        // Digits of |value| × 10^decimals as an integer string.
        var integerDigits = value.digits
        let shift = value.exponent + decimals
        if !integerDigits.isEmpty, shift > 0 {
            integerDigits += Array(repeating: 0, count: shift)
        }
        var text = String(decoding: integerDigits.map { $0 + 48 }, as: UTF8.self)
        if text.count <= decimals {
            text = String(repeating: "0", count: decimals - text.count + 1) + text
        }
        if decimals > 0 {
            let split = text.index(text.endIndex, offsetBy: -decimals)
            text = text[..<split] + "." + text[split...]
        }
        return (value.negative ? minus : "") + text
    }

    /// Scientific text `1.5e-7` with at most `significant` digits, trailing zeros dropped.
    func scientific(significant: Int, minus: String = "-") -> String {
        let value = rounded(significant: significant)
        guard let first = value.digits.first else { return "0" }
        var text = String(first)
        if value.digits.count > 1 {
            text += "." + String(decoding: value.digits.dropFirst().map { $0 + 48 }, as: UTF8.self)
        }
        let power = value.magnitude
        text += "e" + (power < 0 ? minus + String(-power) : String(power))
        return (value.negative ? minus : "") + text
    }
}
