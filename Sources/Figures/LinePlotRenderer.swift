import Outputs
import Markup

/// Draws a line plot: axes with 1-2-5 ticks, one line per group of coinciding series (tied
/// weights share a line drawn in alternating dashes of every member's color), gaps for values
/// that cannot be drawn, and a legend that names the groups (`w5 = w6 = w7 = w8`).
struct LinePlotRenderer {
    /// The ranges of the data that can be drawn, for sharing scales between small multiples.
    struct DataRange: Equatable {
        var x: ClosedRange<Double>?
        var y: ClosedRange<Double>?

        /// The smallest range holding both.
        func union(_ other: DataRange) -> DataRange {
            DataRange(x: Self.join(x, other.x), y: Self.join(y, other.y))
        }

        private static func join(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
            guard let a else { return b }
            guard let b else { return a }
            return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
        }
    }

    let plot: Display.LinePlot
    let ids: FigureIDs
    let context: FigureContext
    /// Ranges the axes must cover besides this plot's own data (small multiples share scales).
    var shared: DataRange?
    /// The viewBox width: narrower for a panel of small multiples, so that its text stays
    /// readable when the panel is shown small.
    var width = 480.0
    /// The height of the plotting area.
    var plotHeight = 220.0
    /// Legend entries drawn before the rest is summarised in a note.
    static let legendLimit = 16
    /// The length of one dash when tied series share a line.
    static let dash = 7.0

    /// The drawable extent of a plot's data (finite values; positive y on a log axis).
    static func dataRange(_ plot: Display.LinePlot) -> DataRange {
        var xLow = Double.infinity, xHigh = -Double.infinity
        var yLow = Double.infinity, yHigh = -Double.infinity
        for series in plot.series {
            // x covers every point with finite coordinates, even one a log axis cannot show.
            for point in series.points where point.x.isFinite && point.y.isFinite {
                xLow = min(xLow, point.x); xHigh = max(xHigh, point.x)
                guard !plot.logY || point.y > 0 else { continue }
                yLow = min(yLow, point.y); yHigh = max(yHigh, point.y)
            }
        }
        return DataRange(x: xLow <= xHigh ? xLow...xHigh : nil, y: yLow <= yHigh ? yLow...yHigh : nil)
    }

    /// The whole `<svg>`.
    func svg() -> String {
        let groups = TieGroups.groups(plot.series)
        var range = Self.dataRange(plot)
        if let shared { range = range.union(shared) }
        let xAxis = Ticks.linear(range.x?.lowerBound ?? 0, range.x?.upperBound ?? 1, target: 6)
        let yAxis: Axis
        if plot.logY {
            yAxis = Ticks.logarithmic(range.y?.lowerBound ?? 1, range.y?.upperBound ?? 10)
        } else {
            yAxis = Ticks.linear(range.y?.lowerBound ?? 0, range.y?.upperBound ?? 1, target: 5)
        }

        let title = plot.title
        let top = title == nil ? 12.0 : 32.0
        let left = max(34, PlotFrame.labelWidth(yAxis) + 12) + (plot.yLabel == nil ? 0 : 16)
        let frame = PlotFrame(left: left, top: top, width: width - left - 14, height: plotHeight, x: xAxis, y: yAxis)

        var body = ""
        if let title {
            body += SVG.text(title, x: width / 2, y: 20, class: "tt", anchor: "middle")
        }
        body += frame.horizontalGrid()
        body += frame.axes()
        var cursor = frame.bottom + 30
        if let xLabel = plot.xLabel {
            body += SVG.text(xLabel, x: frame.left + frame.width / 2, y: cursor, class: "lb", anchor: "middle")
            cursor += 8
        }
        if let yLabel = plot.yLabel {
            body += SVG.verticalText(yLabel, x: 13, y: frame.top + frame.height / 2, class: "lb")
        }

        var drawn = 0
        var dotsOnly: Set<Int> = []
        for (order, group) in groups.enumerated() {
            let (lines, dots) = Self.geometry(plot.series[group[0]].points, frame: frame)
            if !lines.isEmpty || !dots.isEmpty { drawn += 1 }
            if lines.isEmpty, !dots.isEmpty { dotsOnly.insert(order) }
            body += Self.drawGroup(group, lines: lines, dots: dots, id: ids.id("l\(order + 1)"))
        }
        if drawn == 0 {
            body += SVG.text("No data to plot", x: frame.left + frame.width / 2, y: frame.top + frame.height / 2, class: "nt", anchor: "middle")
        }

        var legend = legendEntries(groups)
        for index in legend.indices where dotsOnly.contains(index) { legend[index].dot = true }
        // One series needs no legend when a title or axis label already says what it is.
        let singleExplained = plot.series.count == 1 && (plot.title != nil || plot.yLabel != nil)
        if plot.series.count > 1 || (plot.series.first.map({ !$0.name.isEmpty }) == true && !singleExplained) {
            let (markup, height) = Self.legend(legend, left: frame.left, top: cursor + 6, width: frame.width)
            body += markup
            cursor += 6 + height
        }
        for note in notes(groups) {
            cursor += 14
            body += SVG.text(note, x: frame.left, y: cursor, class: "nt")
        }
        let height = cursor + 10
        return SVG.document(width: width, height: height, ids: ids,
                            title: title ?? context.caption ?? generatedTitle(),
                            description: context.alt ?? describe(groups), body: body)
    }

    // MARK: Geometry

    /// The drawable runs of a series as path data (decimated to the pixel grid), and its
    /// isolated points (a run of one, or a run that rounds to one point) as dot path data.
    static func geometry(_ points: [Display.LinePlot.Point], frame: PlotFrame) -> (lines: String, dots: String) {
        var lines = ""
        var dots = ""
        var run: [Decimation.Point] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            var coordinates: [String] = []
            for point in Decimation.reduce(run, columnWidth: 1) {
                let text = "\(SVG.n(point.x)) \(SVG.n(point.y))"
                if text != coordinates.last { coordinates.append(text) }
            }
            if coordinates.count == 1 {
                dots += "M" + coordinates[0] + "h0"
            } else if coordinates.count > 1 {
                lines += "M" + coordinates.joined(separator: " ")
            }
        }
        for point in points {
            if let x = frame.px(point.x), let y = frame.py(point.y) {
                run.append(Decimation.Point(x: x, y: y))
            } else {
                flush()
            }
        }
        flush()
        return (lines, dots)
    }

    /// One group's line: a plain path for a single series; for tied series, the path once in
    /// `<defs>` and one `<use>` per member, dashed so that each member's color shows in turn.
    static func drawGroup(_ group: [Int], lines: String, dots: String, id: String) -> String {
        guard let first = group.first else { return "" }
        if group.count == 1 {
            var markup = ""
            if !lines.isEmpty {
                markup += stroke("path", ["class": "ln s\(first % 10)", "d": lines], member: first, position: 0, of: 1)
            }
            if !dots.isEmpty { markup += SVG.empty("path", ["class": "dt s\(first % 10)", "d": dots]) }
            return markup
        }
        var markup = ""
        if !lines.isEmpty {
            markup += "<defs>" + SVG.empty("path", ["id": id, "d": lines]) + "</defs>"
            for (position, member) in group.enumerated() {
                markup += stroke("use", ["href": "#" + id, "class": "ln tie s\(member % 10)"], member: member, position: position, of: group.count)
            }
        }
        if !dots.isEmpty {
            // A dot cannot be dashed: the first member's color stands for the group.
            markup += SVG.empty("path", ["class": "dt s\(first % 10)", "d": dots])
        }
        return markup
    }

    /// A legend swatch: a short line drawn exactly as the group's line is drawn.
    static func swatch(_ group: [Int], d: String) -> String {
        group.enumerated().map { position, member in
            stroke("path", ["class": group.count > 1 ? "ln tie s\(member % 10)" : "ln s\(member % 10)", "d": d],
                   member: member, position: position, of: group.count)
        }.joined()
    }

    /// An element with the dash pattern of member `position` of a group of `count`: for a group,
    /// one dash in every `count`, shifted per member; alone, dashed only when colors have cycled.
    private static func stroke(
        _ name: String, _ attributes: KeyValuePairs<String, String>, member: Int, position: Int, of count: Int
    ) -> String {
        var pairs = Array(attributes)
        if count > 1, position > 0 {
            pairs.append(("stroke-dasharray", "\(SVG.n(dash)) \(SVG.n(dash * Double(count - 1)))"))
            pairs.append(("stroke-dashoffset", SVG.n(-dash * Double(position))))
        } else if count == 1, (member / 10) % 2 == 1 {
            pairs.append(("stroke-dasharray", "8 4"))
        }
        return "<\(name)" + pairs.map { " \($0.0)=\"\(HTML.escape($0.1))\"" }.joined() + "/>\n"
    }

    // MARK: Legend

    /// One legend entry: the member indices and the label.
    struct LegendEntry {
        var members: [Int]
        var label: String
        /// Whether the group is drawn as dots only (single points), so its swatch is a dot.
        var dot = false
    }

    func legendEntries(_ groups: [[Int]]) -> [LegendEntry] {
        groups.prefix(Self.legendLimit).map { group in
            LegendEntry(members: group, label: group.map { name(of: $0) }.joined(separator: " = "))
        }
    }

    /// The legend below the plot: entries flow left to right and wrap; returns its height.
    static func legend(_ entries: [LegendEntry], left: Double, top: Double, width: Double) -> (String, Double) {
        var markup = ""
        var x = left
        var y = top + 8
        let rowHeight = 17.0
        for entry in entries {
            let swatchWidth = max(22, dash * Double(entry.members.count))
            let entryWidth = swatchWidth + 5 + SVG.textWidth(entry.label, size: 11) + 14
            if x > left, x + entryWidth > left + width {
                x = left
                y += rowHeight
            }
            if entry.dot, let first = entry.members.first {
                markup += SVG.empty("path", ["class": "dt s\(first % 10)", "d": "M\(SVG.n(x + swatchWidth / 2)) \(SVG.n(y))h0"])
            } else {
                markup += swatch(entry.members, d: "M\(SVG.n(x)) \(SVG.n(y))h\(SVG.n(swatchWidth))")
            }
            markup += SVG.text(entry.label, x: x + swatchWidth + 5, y: y + 4, class: "")
            x += entryWidth
        }
        return (markup, entries.isEmpty ? 0 : y - top + 8)
    }

    // MARK: Words

    /// The display name of series `index` (`series 3` when it has none).
    func name(of index: Int) -> String {
        let name = plot.series[index].name
        return name.isEmpty ? "series \(index + 1)" : name
    }

    /// Notes under the legend: ties, gaps, values a log axis cannot show, entries left out.
    func notes(_ groups: [[Int]]) -> [String] {
        var notes: [String] = []
        if groups.count > Self.legendLimit {
            let rest = groups.dropFirst(Self.legendLimit).reduce(0) { $0 + $1.count }
            notes.append("… and \(rest) more series not listed")
        }
        if groups.contains(where: { $0.count > 1 }) {
            notes.append("Equal series share one line, dashed in each member's color.")
        }
        var nonFinite = 0, nonPositive = 0
        var gapNames: [String] = []
        for (index, series) in plot.series.enumerated() {
            var gaps = false
            for point in series.points {
                if !point.x.isFinite || !point.y.isFinite {
                    nonFinite += 1; gaps = true
                } else if plot.logY, point.y <= 0 {
                    nonPositive += 1; gaps = true
                }
            }
            if gaps { gapNames.append(name(of: index)) }
        }
        let who = gapNames.count > 4 ? "\(gapNames.count) series" : gapNames.joined(separator: ", ")
        if nonFinite > 0 {
            notes.append("\(nonFinite) value\(nonFinite == 1 ? " is" : "s are") NaN or infinite (\(who)), shown as gaps.")
        }
        if nonPositive > 0 {
            notes.append("\(nonPositive) value\(nonPositive == 1 ? " is" : "s are") ≤ 0 and cannot be shown on the log scale (\(who)).")
        }
        return notes
    }

    /// A title from the data: "Line plot of 10 weights".
    func generatedTitle() -> String {
        "Line plot of " + noun(plot.series.count)
    }

    /// "10 weights", "1 series".
    private func noun(_ count: Int) -> String {
        let weights = !plot.series.isEmpty && plot.series.allSatisfy { $0.name.isWeightName }
        if weights { return "\(count) weight" + (count == 1 ? "" : "s") }
        return "\(count) series"
    }

    /// "10 weights over 100 steps; 4 distinct trajectories (w1 = w2, …); values from −0.2 to 0.5."
    func describe(_ groups: [[Int]]) -> String {
        guard !plot.series.isEmpty else { return "An empty line plot." }
        var text = noun(plot.series.count)
        let range = Self.dataRange(plot)
        if let x = range.x {
            let label = plot.xLabel?.lowercased() ?? "x"
            if label == "step" || label == "steps", x.lowerBound == 0, x.upperBound >= 1, x.upperBound == x.upperBound.rounded() {
                text += " over \(NumberFormat.short(x.upperBound, significant: 15)) steps"
            } else {
                text += " over \(label) from \(NumberFormat.short(x.lowerBound)) to \(NumberFormat.short(x.upperBound))"
            }
        }
        if plot.series.count > 1 {
            text += "; \(groups.count) distinct trajector\(groups.count == 1 ? "y" : "ies")"
            let tied = groups.filter { $0.count > 1 }.map { $0.map { name(of: $0) }.joined(separator: " = ") }
            if !tied.isEmpty { text += " (" + tied.joined(separator: ", ") + ")" }
        }
        if let y = range.y {
            text += "; values from \(NumberFormat.short(y.lowerBound)) to \(NumberFormat.short(y.upperBound))"
            if plot.logY { text += " on a log scale" }
        } else {
            text += "; no drawable values"
        }
        return text + "."
    }
}

extension String {
    /// Whether this names a weight: `w` followed by digits.
    var isWeightName: Bool {
        guard first == "w", count > 1 else { return false }
        return dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

}
