import Outputs
import Markup

/// Draws small multiples: the group's displays side by side in a responsive grid, with the
/// scales of same-kind figures shared (line plots share x and y, histogram grids their value
/// range and bin height, heatmaps their color range), so that panels compare at a glance.
struct GroupRenderer {
    let group: Display.Group
    let ids: FigureIDs
    let context: FigureContext

    /// Scales shared across the group's items.
    struct SharedScales {
        var linear: LinePlotRenderer.DataRange?
        var logarithmic: LinePlotRenderer.DataRange?
        var histograms: HistogramRenderer.DataRange?
        var heatmap: ClosedRange<Double>?
    }

    /// The union of the ranges of every item (nested groups included).
    static func scales(_ items: [Display]) -> SharedScales {
        var scales = SharedScales()
        for item in items {
            switch item {
            case let .linePlot(plot):
                let range = LinePlotRenderer.dataRange(plot)
                if plot.logY {
                    scales.logarithmic = scales.logarithmic.map { $0.union(range) } ?? range
                } else {
                    scales.linear = scales.linear.map { $0.union(range) } ?? range
                }
            case let .histograms(grid):
                let range = HistogramRenderer.dataRange(grid)
                scales.histograms = scales.histograms.map { $0.union(range) } ?? range
            case let .heatmap(map) where !map.categorical:
                if let range = HeatmapRenderer.valueRange(map) {
                    scales.heatmap = scales.heatmap.map {
                        min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound)
                    } ?? range
                }
            case let .group(inner):
                let nested = Self.scales(inner.items)
                scales.linear = join(scales.linear, nested.linear)
                scales.logarithmic = join(scales.logarithmic, nested.logarithmic)
                if let histograms = nested.histograms {
                    scales.histograms = scales.histograms.map { $0.union(histograms) } ?? histograms
                }
                if let heat = nested.heatmap {
                    scales.heatmap = scales.heatmap.map { min($0.lowerBound, heat.lowerBound)...max($0.upperBound, heat.upperBound) } ?? heat
                }
            default:
                break
            }
        }
        return scales
    }

    private static func join(_ a: LinePlotRenderer.DataRange?, _ b: LinePlotRenderer.DataRange?) -> LinePlotRenderer.DataRange? {
        guard let a else { return b }
        guard let b else { return a }
        return a.union(b)
    }

    /// The `<figure>` holding the grid of items.
    func html() -> String {
        html(scales: Self.scales(group.items))
    }

    private func html(scales: SharedScales) -> String {
        var items = ""
        for (index, item) in group.items.enumerated() {
            let childIDs = ids.child(index)
            let childContext = FigureContext(idPrefix: childIDs.prefix)
            switch item {
            case let .linePlot(plot):
                var renderer = LinePlotRenderer(plot: plot, ids: childIDs, context: childContext)
                renderer.shared = plot.logY ? scales.logarithmic : scales.linear
                renderer.width = 340
                renderer.plotHeight = 150
                items += FigureRenderer.figure(kind: "line", svg: renderer.svg(), caption: nil)
            case let .histograms(grid):
                var renderer = HistogramRenderer(grid: grid, ids: childIDs, context: childContext)
                renderer.shared = scales.histograms
                items += FigureRenderer.figure(kind: "histograms", svg: renderer.svg(), caption: nil)
            case let .heatmap(map):
                var renderer = HeatmapRenderer(map: map, ids: childIDs, context: childContext)
                renderer.shared = scales.heatmap
                items += FigureRenderer.figure(kind: "heatmap", svg: renderer.svg(), caption: nil)
            case let .group(inner):
                items += GroupRenderer(group: inner, ids: childIDs, context: childContext).html(scales: scales)
            default:
                items += HTML.element("div", ["class": "fig"], content: FigureRenderer.html(for: item, context: childContext))
            }
        }
        var content = ""
        if let title = group.title {
            content += HTML.element("p", ["class": "fig-group-title"], content: HTML.escape(title))
        }
        content += HTML.element("div", ["class": "fig-grid"], content: items)
        // The cell's alt text describes the whole group; each panel keeps its own generated title.
        // It goes before the caption, which HTML wants first or last in a figure.
        var attributes: KeyValuePairs<String, String> = ["class": "fig fig-group"]
        if let alt = context.alt {
            let id = ids.prefix + "-alt"
            content += HTML.element("p", ["class": "fig-sr", "id": id], content: HTML.escape(alt))
            attributes = ["class": "fig fig-group", "aria-describedby": id]
        }
        if let caption = context.caption {
            content += HTML.element("figcaption", [:], content: HTML.escape(caption))
        }
        return HTML.element("figure", attributes, content: content)
    }
}
