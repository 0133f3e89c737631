import Outputs
import XCTest
@testable import Site

/// Text in both themes reaches WCAG's 4.5:1 contrast against what it is drawn on.
final class ContrastTests: XCTestCase {
    /// `--name: #rrggbb` declarations of the light (first) and dark (second) `:root` blocks.
    static func themes() -> [[String: String]] {
        let css = Stylesheet.css
        let blocks = css.components(separatedBy: ":root {").dropFirst().map { $0.components(separatedBy: "}").first ?? "" }
        return blocks.map { block in
            var variables: [String: String] = [:]
            for declaration in block.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#") { variables[parts[0]] = parts[1] }
            }
            return variables
        }
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    func testLuminanceFormula() {
        XCTAssertEqual(Self.contrast("#000000", "#ffffff"), 21, accuracy: 1e-9)
        XCTAssertEqual(Self.contrast("#777777", "#ffffff"), 4.48, accuracy: 0.01)
    }

    func testEveryTextColorInBothThemes() {
        let themes = Self.themes()
        XCTAssertEqual(themes.count, 2, "a light and a dark :root block")
        let pairs = [("--text", "--background"), ("--muted", "--background"), ("--muted", "--surface"),
                     ("--link", "--background"), ("--text", "--code-background"), ("--text", "--surface"),
                     ("--hl-keyword", "--code-background"), ("--hl-type", "--code-background"),
                     ("--hl-string", "--code-background"), ("--hl-number", "--code-background"),
                     ("--hl-comment", "--code-background"), ("--hl-attribute", "--code-background"),
                     // Callout titles, on the callout's surface.
                     ("--note", "--surface"), ("--tip", "--surface"), ("--important", "--surface"),
                     ("--warning", "--surface"), ("--caution", "--surface")]
        for (index, theme) in themes.enumerated() {
            for (foreground, background) in pairs {
                guard let a = theme[foreground], let b = theme[background] else {
                    XCTFail("theme \(index) lacks \(foreground) or \(background)")
                    continue
                }
                XCTAssertGreaterThanOrEqual(Self.contrast(a, b), 4.5, "\(foreground) on \(background) in theme \(index)")
            }
        }
    }
}
