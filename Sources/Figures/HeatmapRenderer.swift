import Outputs
import Markup

/// Draws a heatmap: the matrix as colored cells (runs of equal color merged into one path per
/// color, so a 100 × 100 grid stays small), with a color bar — diverging around zero for
/// signed data, sequential otherwise — or, for class labels, one region color per class and
/// the labelled points on top with a shape and color per class.
struct HeatmapRenderer {
    let map: Display.Heatmap
    let ids: FigureIDs
    let context: FigureContext
    /// A value range shared with other heatmaps (small multiples).
    var shared: ClosedRange<Double>?

    static let width = 480.0
    static let plotSize = 300.0
    /// Points drawn before the rest are thinned out evenly.
    static let pointLimit = 4000

    /// How values become colors.
    enum Scale: Equatable {
        /// Class labels: one color per class.
        case categorical
        /// Signed values: symmetric around zero, from −limit to +limit.
        case diverging(limit: Double)
        /// Values from low to high.
        case sequential(low: Double, high: Double)
        /// No finite value.
        case empty
    }

    /// The finite values' range.
    static func valueRange(_ map: Display.Heatmap) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for row in map.values {
            for value in row where value.isFinite {
                low = min(low, value); high = max(high, value)
            }
        }
        return low <= high ? low...high : nil
    }

    /// The color scale for a value range.
    func scale(_ range: ClosedRange<Double>?) -> Scale {
        if map.categorical { return .categorical }
        guard let range else { return .empty }
        if range.lowerBound < 0, range.upperBound > 0 {
            return .diverging(limit: max(-range.lowerBound, range.upperBound))
        }
        return .sequential(low: range.lowerBound, high: range.upperBound)
    }

    /// The CSS class of a cell's color; nil for a value that has none (NaN).
    static func colorClass(_ value: Double, scale: Scale) -> String? {
        guard value.isFinite else { return value.isNaN ? "nan" : nil }
        switch scale {
        case .categorical:
            let label = Int(max(-1e9, min(1e9, value.rounded())))
            return "f\(((label % 10) + 10) % 10) rg"
        case let .diverging(limit):
            let half = Double(FigureStylesheet.divergingSteps / 2)
            let level = Int((max(-1, min(1, value / limit)) * half).rounded()) + Int(half)
            return "d\(level)"
        case let .sequential(low, high):
            let steps = FigureStylesheet.sequential.count
            guard high > low else { return "q\(steps / 2)" }
            let level = Int(((value - low) / (high - low) * Double(steps)).rounded(.down))
            return "q\(max(0, min(steps - 1, level)))"
        case .empty:
            return nil
        }
    }

    /// The most cells drawn along each axis: continuous values vary cell to cell, class
    /// labels come in long runs, so they can afford a finer grid.
    var cellLimit: Int { map.categorical ? 150 : 64 }

    /// The matrix as drawn: a bigger matrix is sampled, one cell from the middle of each
    /// block of rows and columns, so that the colors keep the spread of the values (averages
    /// of random weights would all look like zero). Also the block height and width.
    func drawnValues() -> (values: [[Double]], blockRows: Int, blockColumns: Int) {
        let rows = map.values.count
        let columns = map.values.map(\.count).max() ?? 0
        guard rows > cellLimit || columns > cellLimit else { return (map.values, 1, 1) }
        let blockRows = (rows + cellLimit - 1) / cellLimit
        let blockColumns = (columns + cellLimit - 1) / cellLimit
        let values = Swift.stride(from: 0, to: rows, by: blockRows).map { top in
            let row = map.values[min(rows - 1, top + blockRows / 2)]
            return Swift.stride(from: 0, to: columns, by: blockColumns).map { left -> Double in
                let column = left + blockColumns / 2
                return column < row.count ? row[column] : .nan
            }
        }
        return (values, blockRows, blockColumns)
    }

    /// The whole `<svg>`.
    func svg() -> String {
        let (values, blockRows, blockColumns) = drawnValues()
        let rows = values.count
        let columns = values.map(\.count).max() ?? 0
        var range = Self.valueRange(map)
        if let shared, let own = range {
            range = min(shared.lowerBound, own.lowerBound)...max(shared.upperBound, own.upperBound)
        } else if let shared {
            range = shared
        }
        let scale = scale(range)

        let xAxis = Ticks.exact(map.xRange.lowerBound, map.xRange.upperBound, target: 5)
        let yAxis = Ticks.exact(map.yRange.lowerBound, map.yRange.upperBound, target: 5)
        let top = map.title == nil ? 12.0 : 32.0
        let left = PlotFrame.labelWidth(yAxis) + 12
        let frame = PlotFrame(left: left, top: top, width: Self.plotSize, height: Self.plotSize, x: xAxis, y: yAxis)

        var body = ""
        if let title = map.title {
            body += SVG.text(title, x: Self.width / 2, y: 20, class: "tt", anchor: "middle")
        }
        body += cells(values, columns: columns, scale: scale, frame: frame)
        let labels = Array(Set(map.points.map(\.label))).sorted()
        body += points(labels: labels, frame: frame)
        body += frame.axes()
        let side = frame.right + 20
        switch scale {
        case .categorical:
            body += classLegend(labels: Array(Set(labels + observedClasses())).sorted(), x: side, y: frame.top, regions: true)
        case .diverging, .sequential:
            body += colorBar(scale, x: side, frame: frame)
            if !labels.isEmpty {
                body += classLegend(labels: labels, x: side + 60, y: frame.top, regions: false)
            }
        case .empty:
            if !labels.isEmpty { body += classLegend(labels: labels, x: side, y: frame.top, regions: false) }
        }
        var cursor = frame.bottom + 28
        var notes: [String] = []
        if (rows == 0 || columns == 0) && map.points.isEmpty { notes.append("The matrix is empty.") }
        if blockRows > 1 || blockColumns > 1 {
            let size = "\(map.values.count) × \(map.values.map(\.count).max() ?? 0)"
            notes.append("The \(size) matrix is sampled: one cell of every \(blockRows) × \(blockColumns) block is drawn.")
        }
        let missing = map.values.reduce(0) { $0 + $1.filter { !$0.isFinite }.count }
        if missing > 0 { notes.append("\(missing) value\(missing == 1 ? " is" : "s are") NaN or infinite (shown blank).") }
        if map.points.count > Self.pointLimit {
            notes.append("Every \(stride)th of \(map.points.count) points shown.")
        }
        for note in notes {
            cursor += 14
            body += SVG.text(note, x: frame.left, y: cursor, class: "nt")
        }
        return SVG.document(width: Self.width, height: cursor + 10, ids: ids,
                            title: map.title ?? context.caption ?? (rows == 0 && !map.points.isEmpty ? "Scatter plot" : (map.categorical ? "Decision regions" : "Heatmap")),
                            description: context.alt ?? describe(rows: map.values.count, columns: map.values.map(\.count).max() ?? 0, scale: scale), body: body)
    }

    /// The class labels present in a categorical matrix.
    private func observedClasses() -> [Int] {
        guard map.categorical else { return [] }
        var seen: Set<Int> = []
        for row in map.values {
            for value in row where value.isFinite {
                seen.insert(Int(max(-1e9, min(1e9, value.rounded()))))
                if seen.count > 10 { return seen.sorted() }
            }
        }
        return seen.sorted()
    }

    /// The cells, merged into runs of one color per row, one path per color.
    func cells(_ matrix: [[Double]], columns: Int, scale: Scale, frame: PlotFrame) -> String {
        let rows = matrix.count
        guard rows > 0, columns > 0 else { return "" }
        // Cell edges in tenths of a unit, so that neighbouring cells share their edge exactly.
        func edge(_ index: Int, _ count: Int, _ start: Double, _ length: Double) -> Int {
            Int(((start + length * Double(index) / Double(count)) * 10).rounded())
        }
        // Continuous colors change from cell to cell, so each run is drawn as a short thick
        // stroke along its row (`M x y h w`), about half the bytes of a filled rectangle.
        let strokes = scale != .categorical
        let rowHeight = (0..<rows).map { edge($0 + 1, rows, frame.top, frame.height) - edge($0, rows, frame.top, frame.height) }.max() ?? 1
        var paths: [String: String] = [:]
        var order: [String] = []
        for row in 0..<rows {
            let values = matrix[row]
            // Row 0 is the bottom of the plot.
            let y1 = edge(rows - row, rows, frame.top, frame.height)
            let y0 = edge(rows - row - 1, rows, frame.top, frame.height)
            var start = 0
            while start < values.count {
                let colorClass = Self.colorClass(values[start], scale: scale)
                var end = start + 1
                while end < values.count, Self.colorClass(values[end], scale: scale) == colorClass { end += 1 }
                if let colorClass {
                    let x0 = edge(start, columns, frame.left, frame.width)
                    let x1 = edge(end, columns, frame.left, frame.width)
                    if paths[colorClass] == nil { order.append(colorClass) }
                    if strokes {
                        paths[colorClass, default: ""] += "M\(tenths(x0)) \(tenths((y0 + y1) / 2))h\(tenths(x1 - x0))"
                    } else {
                        paths[colorClass, default: ""] += "M\(tenths(x0)) \(tenths(y0))h\(tenths(x1 - x0))v\(tenths(y1 - y0))h\(tenths(x0 - x1))z"
                    }
                }
                start = end
            }
        }
        let width = tenths(rowHeight + 1)
        let markup = order.sorted().compactMap { name in
            paths[name].map { strokes ? SVG.empty("path", ["class": name + " hm", "stroke-width": width, "d": $0]) : SVG.empty("path", ["class": name, "d": $0]) }
        }.joined()
        return "<g shape-rendering=\"crispEdges\">" + markup + "</g>"
    }

    /// A number of tenths as text (`125` → `12.5`).
    private func tenths(_ value: Int) -> String {
        ExactDecimal(integer: value, exponent: -1).fixedTrimmed
    }

    /// Every `stride`th point is drawn when there are too many.
    private var stride: Int { max(1, (map.points.count + Self.pointLimit - 1) / Self.pointLimit) }

    /// The labelled points, one path (or group of circles) per class.
    func points(labels: [Int], frame: PlotFrame) -> String {
        guard !map.points.isEmpty else { return "" }
        var byLabel: [Int: [Int]] = [:]
        for (index, point) in map.points.enumerated() where index % stride == 0 {
            byLabel[point.label, default: []].append(index)
        }
        var markup = ""
        for label in labels {
            let color = "f\(((label % 10) + 10) % 10)"
            var shapes = ""
            for index in byLabel[label] ?? [] {
                let point = map.points[index]
                guard let x = frame.px(point.x), let y = frame.py(point.y),
                      x >= frame.left - 0.5, x <= frame.right + 0.5, y >= frame.top - 0.5, y <= frame.bottom + 0.5 else { continue }
                shapes += Self.marker(label, x: x, y: y)
            }
            guard !shapes.isEmpty else { continue }
            if Self.shape(label) == 0 {
                markup += HTML.element("g", ["class": "pt \(color)"], content: shapes)
            } else {
                markup += SVG.empty("path", ["class": "pt \(color)", "d": shapes])
            }
        }
        return markup
    }

    /// 0 circle, 1 square, 2 triangle: a second cue besides color.
    static func shape(_ label: Int) -> Int { ((label % 3) + 3) % 3 }

    /// One marker: a `<circle>` for shape 0, path data for the others.
    static func marker(_ label: Int, x: Double, y: Double) -> String {
        switch shape(label) {
        case 0: return SVG.empty("circle", ["cx": SVG.n(x), "cy": SVG.n(y), "r": "3.2"])
        case 1: return "M\(SVG.n(x - 2.8)) \(SVG.n(y - 2.8))h5.6v5.6h-5.6z"
        default: return "M\(SVG.n(x)) \(SVG.n(y - 3.8))l3.4 6h-6.8z"
        }
    }

    /// The classes at the side: marker and, for decision regions, the region color.
    func classLegend(labels: [Int], x: Double, y: Double, regions: Bool) -> String {
        var markup = ""
        for (row, label) in labels.prefix(12).enumerated() {
            let color = "f\(((label % 10) + 10) % 10)"
            let cy = y + 8 + Double(row) * 18
            if regions {
                markup += SVG.rect(x: x, y: cy - 7, width: 14, height: 14, class: "\(color) rg")
            }
            let shape = Self.marker(label, x: x + 7, y: cy)
            markup += Self.shape(label) == 0
                ? HTML.element("g", ["class": "pt \(color)"], content: shape)
                : SVG.empty("path", ["class": "pt \(color)", "d": shape])
            markup += SVG.text("class \(label)", x: x + 20, y: cy + 4, class: "")
        }
        return markup
    }

    /// A vertical color bar with ticks for a continuous scale.
    func colorBar(_ scale: Scale, x: Double, frame: PlotFrame) -> String {
        let (low, high, classes): (Double, Double, [String])
        switch scale {
        case let .diverging(limit):
            (low, high, classes) = (-limit, limit, (0..<FigureStylesheet.divergingSteps).map { "d\($0)" })
        case let .sequential(lowValue, highValue):
            (low, high, classes) = (lowValue, highValue, FigureStylesheet.sequential.indices.map { "q\($0)" })
        default:
            return ""
        }
        let barTop = frame.top + 10
        let barHeight = frame.height - 20
        var markup = ""
        let step = barHeight / Double(classes.count)
        for (index, name) in classes.enumerated() {
            markup += SVG.rect(x: x, y: barTop + barHeight - Double(index + 1) * step, width: 12, height: step + 0.3, class: name)
        }
        let axis = high > low ? Ticks.exact(low, high, target: 4) : Ticks.linear(low, high, target: 4)
        var d = ""
        for tick in axis.ticks {
            guard let y = axis.position(tick.value, from: barTop + barHeight, to: barTop) else { continue }
            d += "M\(SVG.n(x + 12)) \(SVG.n(y))h3"
            markup += SVG.text(tick.label, x: x + 18, y: y + 3.8, class: "mu")
        }
        return markup + SVG.empty("path", ["class": "ax", "d": d + "M\(SVG.n(x)) \(SVG.n(barTop))h12v\(SVG.n(barHeight))h-12z"])
    }

    /// "Decision regions of 3 classes on a 100 × 100 grid over x from −1 to 1 and y from −1 to 1; 300 points …"
    func describe(rows: Int, columns: Int, scale: Scale) -> String {
        let extent = "over x from \(NumberFormat.short(map.xRange.lowerBound)) to \(NumberFormat.short(map.xRange.upperBound))"
            + " and y from \(NumberFormat.short(map.yRange.lowerBound)) to \(NumberFormat.short(map.yRange.upperBound))"
        var text: String
        switch scale {
        case .categorical where rows == 0 || columns == 0:
            text = "Scatter plot \(extent)"
        case .categorical:
            let classes = observedClasses()
            text = "Decision regions of \(classes.count) class\(classes.count == 1 ? "" : "es") on a \(columns) × \(rows) grid \(extent)"
        case let .diverging(limit):
            text = "Heatmap of \(rows) × \(columns) values \(extent); diverging colors from \(NumberFormat.short(-limit)) to \(NumberFormat.short(limit))"
        case let .sequential(low, high):
            text = "Heatmap of \(rows) × \(columns) values \(extent); colors from \(NumberFormat.short(low)) to \(NumberFormat.short(high))"
        case .empty:
            text = "Heatmap of \(rows) × \(columns) values with no finite value"
        }
        if !map.points.isEmpty {
            var counts: [Int: Int] = [:]
            for point in map.points { counts[point.label, default: 0] += 1 }
            let listed = counts.keys.sorted().prefix(12).map { "\(counts[$0] ?? 0) of class \($0)" }
            text += "; \(map.points.count) data points (" + listed.joined(separator: ", ")
                + (counts.count > 12 ? ", …" : "") + ")"
        }
        return text + "."
    }
}
