import Outputs
import Markup

/// Draws a histogram grid: one panel per layer on shared axes, each titled with its layer,
/// mean and standard deviation (the activation-statistics figure), preceded by the per-layer
/// mean and standard deviation as a line plot when there are several layers.
struct HistogramRenderer {
    /// The extent of a grid's data: value range and the tallest bin.
    struct DataRange: Equatable {
        var values: ClosedRange<Double>?
        var tallest: Int

        /// The smallest range holding both.
        func union(_ other: DataRange) -> DataRange {
            let values: ClosedRange<Double>?
            switch (self.values, other.values) {
            case let (a?, b?): values = min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
            case let (a, b): values = a ?? b
            }
            return DataRange(values: values, tallest: max(tallest, other.tallest))
        }
    }

    let grid: Display.HistogramGrid
    let ids: FigureIDs
    let context: FigureContext
    /// Scales shared with other grids (small multiples).
    var shared: DataRange?

    static let width = 480.0
    static let panelHeight = 78.0

    /// The value range of every panel's finite edges and the largest count.
    static func dataRange(_ grid: Display.HistogramGrid) -> DataRange {
        var low = Double.infinity, high = -Double.infinity
        var tallest = 0
        for panel in grid.panels {
            for edge in panel.edges where edge.isFinite {
                low = min(low, edge); high = max(high, edge)
            }
            tallest = max(tallest, panel.counts.max() ?? 0)
        }
        return DataRange(values: low <= high ? low...high : nil, tallest: tallest)
    }

    /// The summary plot (when there are several layers) and the grid, as SVG elements.
    func svg() -> String {
        var markup = ""
        if grid.panels.count >= 2 {
            var statistics = LinePlotRenderer(plot: Self.statisticsPlot(grid), ids: FigureIDs(prefix: ids.id("stats")),
                                              context: FigureContext(idPrefix: ids.id("stats")))
            statistics.plotHeight = 120
            markup += statistics.svg()
        }
        return markup + panels()
    }

    /// The per-layer mean and standard deviation as a line plot (x = layer number).
    static func statisticsPlot(_ grid: Display.HistogramGrid) -> Display.LinePlot {
        let mean = grid.panels.enumerated().map { Display.LinePlot.Point(x: Double($0.offset + 1), y: $0.element.mean) }
        let std = grid.panels.enumerated().map { Display.LinePlot.Point(x: Double($0.offset + 1), y: $0.element.std) }
        return Display.LinePlot(
            series: [.init(name: "mean", points: mean), .init(name: "std", points: std)],
            title: "Mean and standard deviation by layer", xLabel: "layer", yLabel: nil
        )
    }

    /// The grid of panels.
    func panels() -> String {
        let count = grid.panels.count
        var range = Self.dataRange(grid)
        if let shared { range = range.union(shared) }
        let xAxis = Ticks.linear(range.values?.lowerBound ?? 0, range.values?.upperBound ?? 1, target: 2)
        let yAxis = Ticks.linear(0, Double(max(1, range.tallest)), target: 2)

        let columns = count <= 5 ? max(1, count) : (count + (count + 4) / 5 - 1) / ((count + 4) / 5)
        let rows = (count + columns - 1) / max(1, columns)
        let left = PlotFrame.labelWidth(yAxis, size: 9.5) + 10
        let gap = 22.0
        let panelWidth = max(20, (Self.width - left - 8 - gap * Double(columns - 1)) / Double(columns))
        let twoLines = grid.panels.contains { panel in
            let (mean, std) = Self.statistics(panel)
            return SVG.textWidth(mean + "  " + std, size: 10) * 1.1 >= panelWidth
        }
        let titleBlock = twoLines ? 40.0 : 28.0
        let rowHeight = titleBlock + Self.panelHeight + 22
        var top = 8.0
        var body = ""
        if let title = grid.title {
            body += SVG.text(title, x: Self.width / 2, y: 20, class: "tt", anchor: "middle")
            top = 32
        }
        for (index, panel) in grid.panels.enumerated() {
            let row = index / columns
            let column = index % columns
            let x = left + Double(column) * (panelWidth + gap)
            let y = top + Double(row) * rowHeight
            let frame = PlotFrame(left: x, top: y + titleBlock, width: panelWidth, height: Self.panelHeight, x: xAxis, y: yAxis)
            body += SVG.text(panel.title, x: x + panelWidth / 2, y: y + 10, class: "sm", anchor: "middle")
            let (mean, std) = Self.statistics(panel)
            if !twoLines {
                body += SVG.text(mean + "  " + std, x: x + panelWidth / 2, y: y + 22, class: "sm mu", anchor: "middle")
            } else {
                body += SVG.text(mean, x: x + panelWidth / 2, y: y + 22, class: "sm mu", anchor: "middle")
                body += SVG.text(std, x: x + panelWidth / 2, y: y + 33, class: "sm mu", anchor: "middle")
            }
            body += frame.horizontalGrid()
            body += Self.bars(panel, frame: frame)
            body += frame.axes(xLabels: true, yLabels: column == 0, small: true)
        }
        if count == 0 {
            body += SVG.text("No histograms", x: Self.width / 2, y: top + 20, class: "nt", anchor: "middle")
        }
        let height = count == 0 ? top + 40 : top + Double(rows) * rowHeight
        return SVG.document(width: Self.width, height: height, ids: ids,
                            title: grid.title ?? context.caption ?? "Histograms of \(count) layer\(count == 1 ? "" : "s")",
                            description: context.alt ?? describe(range), body: body)
    }

    /// A panel's mean and standard deviation as drawn: `μ 0.0012`, `σ 0.21`.
    static func statistics(_ panel: Display.HistogramGrid.Panel) -> (String, String) {
        ("μ " + NumberFormat.short(panel.mean, significant: 2, minus: NumberFormat.typographicMinus),
         "σ " + NumberFormat.short(panel.std, significant: 2, minus: NumberFormat.typographicMinus))
    }

    /// The bars of one panel as a single outline path, one step per bin.
    static func bars(_ panel: Display.HistogramGrid.Panel, frame: PlotFrame) -> String {
        let bins = min(panel.counts.count, max(0, panel.edges.count - 1))
        guard bins > 0, let base = frame.py(0) else { return "" }
        var d = ""
        var open = false
        for bin in 0..<bins {
            guard let x0 = frame.px(panel.edges[bin]), let x1 = frame.px(panel.edges[bin + 1]),
                  let top = frame.py(Double(max(0, panel.counts[bin]))) else {
                if open { d += "V\(SVG.n(base))Z"; open = false }
                continue
            }
            if !open {
                d += "M\(SVG.n(x0)) \(SVG.n(base))"
                open = true
            }
            d += "V\(SVG.n(top))H\(SVG.n(x1))"
        }
        if open { d += "V\(SVG.n(base))Z" }
        return d.isEmpty ? "" : SVG.empty("path", ["class": "bar f0", "d": d])
    }

    /// "Histograms of 10 layers, 30 bins each, values from −1 to 1. layer 1: mean 0.001, std 0.63; …"
    func describe(_ range: DataRange) -> String {
        let count = grid.panels.count
        guard count > 0 else { return "No histograms." }
        var text = "Histograms of \(count) layer\(count == 1 ? "" : "s")"
        if let bins = grid.panels.first?.counts.count { text += ", \(bins) bins each" }
        if let values = range.values {
            text += ", values from \(NumberFormat.short(values.lowerBound)) to \(NumberFormat.short(values.upperBound))"
        }
        text += ", shared axes. "
        text += grid.panels.map {
            "\($0.title): mean \(NumberFormat.short($0.mean)), std \(NumberFormat.short($0.std))"
        }.joined(separator: "; ")
        return text + "."
    }
}
