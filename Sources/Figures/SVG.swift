import Markup

/// Small builders for SVG markup. Attribute values and text go through `HTML` (the one place
/// that escapes); numbers go through `NumberFormat.coordinate`, so output is compact and stable.
enum SVG {
    /// A coordinate with one decimal (`12.5`, `300`).
    static func n(_ value: Double) -> String { NumberFormat.coordinate(value) }

    /// An empty element such as `<path …/>`, with escaped attribute values in the given order,
    /// then a line break: one element per line keeps golden-file diffs readable.
    static func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        "<\(name)\(HTML.attributeList(attributes))/>\n"
    }

    /// A horizontal or vertical line as a path (shorter than `<line>`).
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class className: String) -> String {
        empty("path", ["class": className, "d": "M\(n(x1)) \(n(y1))L\(n(x2)) \(n(y2))"])
    }

    /// Text at (x, y) in a class, anchored `start`, `middle` or `end`.
    static func text(_ content: String, x: Double, y: Double, class className: String, anchor: String = "start") -> String {
        if className.isEmpty, anchor == "start" {
            return HTML.element("text", ["x": n(x), "y": n(y)], content: HTML.escape(content)) + "\n"
        }
        if anchor == "start" {
            return HTML.element("text", ["x": n(x), "y": n(y), "class": className], content: HTML.escape(content)) + "\n"
        }
        return HTML.element("text", ["x": n(x), "y": n(y), "class": className, "text-anchor": anchor], content: HTML.escape(content)) + "\n"
    }

    /// Text rotated a quarter turn counter-clockwise around (x, y), for a y-axis label.
    static func verticalText(_ content: String, x: Double, y: Double, class className: String) -> String {
        HTML.element("text", [
            "transform": "translate(\(n(x)) \(n(y)))rotate(-90)", "class": className, "text-anchor": "middle",
        ], content: HTML.escape(content)) + "\n"
    }

    /// A rectangle in a class.
    static func rect(x: Double, y: Double, width: Double, height: Double, class className: String) -> String {
        empty("rect", ["x": n(x), "y": n(y), "width": n(max(0, width)), "height": n(max(0, height)), "class": className])
    }

    /// A whole `<svg>`: viewBox, no fixed size, `<title>` and `<desc>` referenced for assistive
    /// technology, then the body.
    static func document(width: Double, height: Double, ids: FigureIDs, title: String, description: String, body: String) -> String {
        let open = "<svg xmlns=\"http://www.w3.org/2000/svg\""
            + HTML.attributeList([
                "viewBox": "0 0 \(n(width)) \(n(height))", "class": "fig-svg", "role": "img",
                "aria-labelledby": "\(ids.title) \(ids.description)",
            ]) + ">\n"
        return open
            + HTML.element("title", ["id": ids.title], content: HTML.escape(title)) + "\n"
            + HTML.element("desc", ["id": ids.description], content: HTML.escape(description)) + "\n"
            + body + "</svg>"
    }

    /// An estimate of the width of `text` at `size` user units in a sans-serif font.
    static func textWidth(_ text: String, size: Double) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "|", "!", "'", " ", "1", "(", ")", "[", "]":
                units += 0.36
            case "m", "w", "M", "W", "∞", "—", "→":
                units += 0.9
            case "A"..."Z", "=", "+", "\u{2212}", "<", ">", "≤", "σ", "μ", "×":
                units += 0.66
            default:
                units += 0.56
            }
        }
        return units * size
    }
}

/// The ids of one SVG, all derived from the caller's prefix so that a page's ids are unique
/// (distinct prefixes) and stable (the same prefix every build).
struct FigureIDs: Sendable {
    /// The prefix every id starts with, reduced to characters valid in an XML name.
    let prefix: String

    /// Ids under `prefix`, which is cleaned to letters, digits, `-` and `_` (starting with a letter).
    init(prefix: String) {
        var cleaned = ""
        for scalar in prefix.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                cleaned.unicodeScalars.append(scalar)
            } else {
                cleaned += "-"
            }
        }
        if let first = cleaned.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            self.prefix = cleaned
        } else {
            self.prefix = "fig" + (cleaned.isEmpty ? "" : "-" + cleaned)
        }
    }

    /// The `<title>` id.
    var title: String { prefix + "-title" }
    /// The `<desc>` id.
    var description: String { prefix + "-desc" }
    /// Any further id, e.g. a shared path.
    func id(_ suffix: String) -> String { prefix + "-" + suffix }
    /// The ids of a sub-figure (a panel of small multiples).
    func child(_ index: Int) -> FigureIDs { FigureIDs(prefix: prefix + "-\(index + 1)") }
}
