import Outputs

/// Which series of a line plot coincide. Tied weights move in lockstep, so their lines lie
/// exactly on top of each other; the plot draws each group once and says who is in it.
enum TieGroups {
    /// Groups of series indices whose points are all equal (same x, y within a relative
    /// 1e-9 or an absolute 1e-15, NaN matching NaN), in order of each group's first member. Every index appears once.
    static func groups(_ series: [Display.LinePlot.Series]) -> [[Int]] {
        var groups: [[Int]] = []
        for index in series.indices {
            if let group = groups.firstIndex(where: { coincide(series[$0[0]].points, series[index].points) }) {
                groups[group].append(index)
            } else {
                groups.append([index])
            }
        }
        return groups
    }

    /// Whether two series draw the same line.
    static func coincide(_ a: [Display.LinePlot.Point], _ b: [Display.LinePlot.Point]) -> Bool {
        guard a.count == b.count else { return false }
        for (p, q) in zip(a, b) {
            guard same(p.x, q.x), same(p.y, q.y) else { return false }
        }
        return true
    }

    /// Equal up to rounding noise; NaN equals NaN, infinities equal themselves.
    static func same(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        guard a.isFinite, b.isFinite else { return false }
        return (a - b).magnitude <= max(1e-15, 1e-9 * max(a.magnitude, b.magnitude))
    }
}
