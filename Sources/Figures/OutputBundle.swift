import Markup
import Notebook
import Outputs

/// One output of a cell, rendered once for every renderer, in the manner of Jupyter's MIME
/// bundle: the same output as plain text, as HTML (SVG inside), as LaTeX where it is math,
/// with the figure's title and alt text. The page and the exporters read these fields; none of
/// them looks at display values again.
public struct OutputBundle: Sendable, Equatable {
    /// What kind of output this is, as a notebook format tells outputs apart.
    public enum Kind: Sendable, Equatable {
        /// Text the cell printed.
        case stream
        /// A value shown as its text (`[1, 2]`, `0.5`).
        case value
        /// A table.
        case table
        /// Display math.
        case math
        /// A figure: plot, histograms, heatmap, network diagram, or a group of them.
        case figure
        /// A claim checked with `expect`.
        case expectation
        /// The error the cell stopped with; `message` is the error's own text.
        case error(message: String)
    }

    /// What kind of output this is.
    public var kind: Kind
    /// `text/plain`: the output as text.
    public var plain: String
    /// `text/html`: the output as the page shows it.
    public var html: String
    /// Whether `html` shows by itself (no page script needed) and says more than `plain`: what a
    /// Jupyter front end should be given as HTML.
    public var htmlStandsAlone: Bool
    /// `text/latex`: the TeX of math, delimited for display.
    public var latex: String?
    /// The figure's or table's title, when it has one (or the cell's caption).
    public var title: String?
    /// The cell's description of the figure for readers who cannot see it.
    public var alt: String?

    /// Whether the output is a displayed value (not printed text, a claim or an error).
    public var isDisplay: Bool {
        switch kind {
        case .value, .table, .math, .figure: true
        case .stream, .expectation, .error: false
        }
    }

    /// A bundle of the given fields.
    public init(kind: Kind, plain: String, html: String, htmlStandsAlone: Bool, latex: String? = nil,
                title: String? = nil, alt: String? = nil) {
        self.kind = kind
        self.plain = plain
        self.html = html
        self.htmlStandsAlone = htmlStandsAlone
        self.latex = latex
        self.title = title
        self.alt = alt
    }

    /// The bundles of what `cell` produced: its outputs in order, then its error. The cell's id
    /// starts every id of its figures; its caption and alt text go with them.
    public static func bundles(for cell: Cell, outputs: [Output], error: CellError?) -> [OutputBundle] {
        let (idPrefix, caption, alt) = (cell.id, cell.options.caption, cell.options.alt)
        var bundles: [OutputBundle] = []
        for (number, output) in outputs.enumerated() {
            switch output {
            case .text(let text):
                bundles.append(OutputBundle(kind: .stream, plain: text,
                                            html: HTML.element("pre", ["class": "output-stream"], content: HTML.escape(text)),
                                            htmlStandsAlone: false))
            case .display(let display):
                let context = FigureContext(idPrefix: "\(idPrefix)-out\(number + 1)", caption: caption, alt: alt)
                bundles.append(bundle(for: display, context: context))
            case .expectation(let expectation):
                var text = (expectation.passed ? "✓ " : "✗ ") + expectation.message
                if !expectation.passed, let detail = expectation.detail { text += "\n" + detail }
                bundles.append(OutputBundle(kind: .expectation, plain: text, html: FigureRenderer.html(for: expectation),
                                            htmlStandsAlone: true))
            }
        }
        if let error {
            bundles.append(OutputBundle(kind: .error(message: error.message), plain: error.text,
                                        html: HTML.element("pre", ["class": "output-error", "role": "note"], content: HTML.escape(error.text)),
                                        htmlStandsAlone: false))
        }
        return bundles
    }

    /// The bundle of one displayed value.
    static func bundle(for display: Display, context: FigureContext) -> OutputBundle {
        let html = FigureRenderer.html(for: display, context: context)
        let title = display.title ?? context.caption
        switch display {
        case .text:
            // A plain value reads best as Jupyter shows any value: its text.
            return OutputBundle(kind: .value, plain: display.plainText, html: html, htmlStandsAlone: false)
        case .math(let math):
            // The page's math HTML waits for KaTeX, which a notebook front end does not load.
            return OutputBundle(kind: .math, plain: display.plainText, html: html, htmlStandsAlone: false,
                                latex: "$$" + math.latex + "$$", title: title, alt: context.alt)
        case .table:
            return OutputBundle(kind: .table, plain: display.plainText, html: html, htmlStandsAlone: !html.isEmpty,
                                title: title, alt: context.alt)
        case .linePlot, .histograms, .heatmap, .network, .group:
            return OutputBundle(kind: .figure, plain: display.plainText, html: html, htmlStandsAlone: !html.isEmpty,
                                title: title, alt: context.alt)
        }
    }
}
