/// The rectangle a plot draws into and its two axes: grid lines, tick marks, tick labels.
struct PlotFrame {
    /// Left edge of the plotting area.
    var left: Double
    /// Top edge of the plotting area.
    var top: Double
    /// Width of the plotting area.
    var width: Double
    /// Height of the plotting area.
    var height: Double
    /// The horizontal axis.
    var x: Axis
    /// The vertical axis.
    var y: Axis

    /// Right edge.
    var right: Double { left + width }
    /// Bottom edge.
    var bottom: Double { top + height }

    /// The horizontal position of `value`, nil when it cannot be placed.
    func px(_ value: Double) -> Double? { x.position(value, from: left, to: right) }
    /// The vertical position of `value` (up is larger values), nil when it cannot be placed.
    func py(_ value: Double) -> Double? { y.position(value, from: bottom, to: top) }

    /// The horizontal grid lines at the y ticks, as one path.
    func horizontalGrid() -> String {
        var d = ""
        for tick in y.ticks {
            guard let position = py(tick.value), position >= top - 0.5, position <= bottom + 0.5 else { continue }
            d += "M\(SVG.n(left)) \(SVG.n(position))H\(SVG.n(right))"
        }
        return d.isEmpty ? "" : SVG.empty("path", ["class": "gr", "d": d])
    }

    /// The left and bottom axis lines with tick marks, and the tick labels when asked.
    func axes(xLabels: Bool = true, yLabels: Bool = true, small: Bool = false) -> String {
        var d = "M\(SVG.n(left)) \(SVG.n(top))V\(SVG.n(bottom))H\(SVG.n(right))"
        var labels = ""
        let textClass = small ? "sm mu" : "mu"
        let size = small ? 9.5 : 11.0
        for tick in x.ticks {
            guard let position = px(tick.value), position >= left - 0.5, position <= right + 0.5 else { continue }
            d += "M\(SVG.n(position)) \(SVG.n(bottom))v4"
            if xLabels {
                labels += SVG.text(tick.label, x: position, y: bottom + 5 + size, class: textClass, anchor: "middle")
            }
        }
        for tick in y.ticks {
            guard let position = py(tick.value), position >= top - 0.5, position <= bottom + 0.5 else { continue }
            d += "M\(SVG.n(left)) \(SVG.n(position))h-4"
            if yLabels {
                labels += SVG.text(tick.label, x: left - 6, y: position + size * 0.35, class: textClass, anchor: "end")
            }
        }
        return SVG.empty("path", ["class": "ax", "d": d]) + labels
    }

    /// The widest y tick label, for sizing the left margin.
    static func labelWidth(_ axis: Axis, size: Double = 11) -> Double {
        axis.ticks.map { SVG.textWidth($0.label, size: size) }.max() ?? 0
    }
}
