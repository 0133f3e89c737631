/// Thinning a long series to what the screen can show: per pixel column, keep the first,
/// lowest, highest and last point (the M4 rule), so the drawn line looks the same while a
/// 10,000-point series costs a few hundred points.
enum Decimation {
    /// A point in drawing coordinates.
    struct Point: Equatable, Sendable {
        /// Horizontal position in user units.
        var x: Double
        /// Vertical position in user units (down is larger).
        var y: Double
    }

    /// The points of one unbroken line, reduced to at most four per `columnWidth`-wide column
    /// (runs of consecutive points in the same column); order and the extremes are kept.
    static func reduce(_ points: [Point], columnWidth: Double = 1) -> [Point] {
        guard points.count > 4, columnWidth > 0 else { return points }
        var result: [Point] = []
        result.reserveCapacity(min(points.count, 4096))
        var start = 0
        while start < points.count {
            let column = columnIndex(points[start].x, columnWidth)
            var end = start + 1
            var lowest = start
            var highest = start
            while end < points.count, columnIndex(points[end].x, columnWidth) == column {
                if points[end].y < points[lowest].y { lowest = end }
                if points[end].y > points[highest].y { highest = end }
                end += 1
            }
            var kept = [start, lowest, highest, end - 1]
            kept.sort()
            var previous = -1
            for index in kept where index != previous {
                result.append(points[index])
                previous = index
            }
            start = end
        }
        return result
    }

    /// The column a position falls in; positions are bounded by the figure, so this cannot overflow.
    private static func columnIndex(_ x: Double, _ width: Double) -> Int {
        let column = (x / width).rounded(.down)
        guard column.isFinite else { return 0 }
        return Int(max(-1e9, min(1e9, column)))
    }
}
