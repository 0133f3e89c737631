/// A rich value a cell shows: typed data that `Figures` draws and a page lays out.
///
/// Every case carries plain data (numbers stay numbers); `description` gives the one-line
/// summary a page shows until a figure is drawn, and `plainText` a text rendering
/// (for text-only outputs such as the ipynb `text/plain` fallback).
public indirect enum Display: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A plain value's Swift-like description (`[1, 2]`, `0.5`, `"text"`).
    case text(String)
    /// A table: headers, rows of cells, an optional caption.
    case table(Table)
    /// LaTeX math: one line, or a derivation as aligned lines.
    case math(Math)
    /// Named series of (x, y) points.
    case linePlot(LinePlot)
    /// One histogram panel per layer.
    case histograms(HistogramGrid)
    /// A matrix of values over a plane, with optional class-labelled points (decision regions).
    case heatmap(Heatmap)
    /// A network's units and weighted edges.
    case network(NetworkDiagram)
    /// Small multiples: several displays shown side by side.
    case group(Group)

    /// A one-line summary of the content, e.g. "line plot: 10 series × 101 points".
    public var description: String {
        switch self {
        case let .text(text): return text
        case let .table(table): return table.description
        case let .math(math): return math.description
        case let .linePlot(plot): return plot.description
        case let .histograms(grid): return grid.description
        case let .heatmap(map): return map.description
        case let .network(diagram): return diagram.description
        case let .group(group): return group.description
        }
    }

    /// A text rendering: the value itself for text, tables as aligned columns, math as its
    /// LaTeX lines, figures as their one-line description.
    public var plainText: String {
        switch self {
        case let .text(text): return text
        case let .table(table): return table.plainText
        case let .math(math): return math.lines.joined(separator: "\n")
        case let .group(group): return group.items.map(\.plainText).joined(separator: "\n")
        case let .network(diagram): return diagram.plainText
        default: return description
        }
    }

    /// The title the value gives itself (a plot's, a table's caption), if any.
    public var title: String? {
        switch self {
        case let .table(table): return table.caption
        case let .linePlot(plot): return plot.title
        case let .histograms(grid): return grid.title
        case let .heatmap(map): return map.title
        case let .group(group): return group.title
        case .text, .math, .network: return nil
        }
    }
}
