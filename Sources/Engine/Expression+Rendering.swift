#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Expression: CustomStringConvertible {
    /// Plain text in the derivation's style: `w5(w1x1 + w3x2)`, `2a²(x1 + x2)`, `f′(w9y3 + w10y4)y3`.
    public var description: String { render(latex: false) }

    /// LaTeX: `w_5(w_1x_1 + w_3x_2)`, `2a^2(x_1 + x_2)`, `w_{10}`.
    public var latex: String { render(latex: true) }

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    func render(latex: Bool) -> String {
        switch self {
        case let .number(value):
            return Self.format(value)
        case let .symbol(symbol):
            return latex ? symbol.latex : symbol.description
        case let .sum(terms):
            var text = ""
            for (index, term) in terms.enumerated() {
                let rendered = term.render(latex: latex)
                if index == 0 {
                    text = rendered
                } else if rendered.hasPrefix("-") {
                    text += " - " + rendered.dropFirst()
                } else {
                    text += " + " + rendered
                }
            }
            return text
        case let .product(factors):
            var text = ""
            for (index, factor) in factors.enumerated() {
                var rendered = factor.render(latex: latex)
                if case .sum = factor { rendered = "(" + rendered + ")" }
                if index > 0, case .number = factor {
                    text += latex ? " \\cdot " : "·"
                } else if index == 0, case .number(-1) = factor, factors.count > 1 {
                    text = "-"
                    continue
                }
                text += rendered
            }
            return text
        case let .power(base, exponent):
            var rendered = base.render(latex: latex)
            switch base {
            case .symbol, .function: break
            case let .number(value) where value >= 0: break
            default: rendered = "(" + rendered + ")"
            }
            if latex {
                return rendered + (exponent >= 0 && exponent < 10 ? "^\(exponent)" : "^{\(exponent)}")
            }
            return rendered + String(String(exponent).compactMap { Self.superscripts[$0] })
        case let .function(name, _, derivative, argument):
            let prime = derivative ? (latex ? "'" : "′") : ""
            return name + prime + "(" + argument.render(latex: latex) + ")"
        }
    }

    /// Whole numbers without a decimal point (`2`, not `2.0`).
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
