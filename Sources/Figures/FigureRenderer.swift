import Outputs
import Markup

/// Turns the values cells display into HTML: figures as inline SVG, tables, math and text.
/// Pure and deterministic: the same value and context give the same bytes.
public enum FigureRenderer {
    /// HTML for one display value (a <figure> with inline <svg>, a <table>, a math span, or <pre> for text).
    public static func html(for display: Display, context: FigureContext) -> String {
        let ids = FigureIDs(prefix: context.idPrefix)
        switch display {
        case let .text(text):
            return HTML.element("pre", ["class": "fig-text"], content: HTML.escape(text))
        case let .table(table):
            return TableRenderer(table: table, caption: context.caption).html()
        case let .math(math):
            return MathRenderer.html(math, caption: context.caption)
        case let .linePlot(plot):
            let svg = LinePlotRenderer(plot: plot, ids: ids, context: context).svg()
            return figure(kind: "line", svg: svg, caption: context.caption)
        case let .histograms(grid):
            let svg = HistogramRenderer(grid: grid, ids: ids, context: context).svg()
            return figure(kind: "histograms", svg: svg, caption: context.caption)
        case let .heatmap(map):
            let svg = HeatmapRenderer(map: map, ids: ids, context: context).svg()
            return figure(kind: "heatmap", svg: svg, caption: context.caption)
        case let .network(diagram):
            let svg = NetworkRenderer(diagram: diagram, ids: ids, context: context).svg()
            if let frames = diagram.frames, !frames.steps.isEmpty, !diagram.edges.isEmpty {
                let panel = StepThroughRenderer(diagram: diagram, frames: frames, ids: ids).html()
                return figure(kind: "network fig-steps", svg: svg + panel, caption: context.caption)
            }
            return figure(kind: "network", svg: svg, caption: context.caption)
        case let .group(group):
            return GroupRenderer(group: group, ids: ids, context: context).html()
        }
    }

    /// HTML for an expectation line.
    public static func html(for expectation: Expectation) -> String {
        if expectation.passed {
            let content = HTML.element("span", ["class": "fig-mark", "aria-hidden": "true"], content: "✓")
                + " " + HTML.element("span", ["class": "fig-sr"], content: "Passed: ")
                + HTML.escape(expectation.message)
            // A labelled claim (`label: "clm-…"`) is the target of its cross-references.
            if let label = expectation.label {
                return HTML.element("p", ["class": "fig-expect fig-pass", "id": label], content: content)
            }
            return HTML.element("p", ["class": "fig-expect fig-pass"], content: content)
        }
        let detail = expectation.detail.map { HTML.escape($0) } ?? "the condition was false"
        let message = expectation.message.isEmpty ? "expectation failed" : expectation.message
        return HTML.element("div", ["class": "fig-expect fig-fail", "role": "alert"], content:
            HTML.element("p", [:], content:
                HTML.element("span", ["class": "fig-mark", "aria-hidden": "true"], content: "✗")
                + " " + HTML.element("span", ["class": "fig-sr"], content: "Failed: ")
                + HTML.escape(message))
            + HTML.element("p", ["class": "fig-detail"], content: detail
                + " " + HTML.element("span", ["class": "fig-where"],
                                     content: "(line \(expectation.line), column \(expectation.column))")))
    }

    /// The CSS for figures, tables and expectations (light and dark), appended to the site stylesheet.
    public static let stylesheet: String = FigureStylesheet.css

    /// The same CSS for outputs shown by a Jupyter front end, which marks its dark theme itself.
    public static let notebookStylesheet: String = FigureStylesheet.notebookCSS

    /// A `<figure>` around one SVG, with the caption underneath when there is one.
    static func figure(kind: String, svg: String, caption: String?) -> String {
        let captionHTML = caption.map { HTML.element("figcaption", [:], content: HTML.escape($0)) } ?? ""
        return HTML.element("figure", ["class": "fig fig-\(kind)"], content: svg + captionHTML)
    }
}
