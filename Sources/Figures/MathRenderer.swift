import Outputs
import Markup

/// Display math the way the pages write prose math: a `<span class="math display">` holding
/// the escaped TeX, which KaTeX typesets in the browser (and which reads as TeX without it).
/// A derivation of several lines becomes an `aligned` environment.
enum MathRenderer {
    /// The span, inside a `<figure>` when there is a caption; nothing for math without lines.
    static func html(_ math: Display.Math, caption: String?) -> String {
        let lines = math.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        guard !lines.isEmpty else { return "" }
        let tex = Display.Math(lines: lines).latex
        let span = HTML.element("span", ["class": "math display"], content: HTML.escape(tex))
        guard let caption else { return span }
        return HTML.element("figure", ["class": "fig fig-math"], content:
            span + HTML.element("figcaption", [:], content: HTML.escape(caption)))
    }
}
