import Outputs
import Markup

/// Draws a network: units in columns (x1, x2 | y1, y2 | y3, y4 | y), one line per weight,
/// colored by sign and as wide as its magnitude, labelled with name and value when few
/// enough to read; weights with equal values are listed together underneath. A network too
/// big to draw unit by unit becomes a compact summary, one row per layer.
struct NetworkRenderer {
    let diagram: Display.NetworkDiagram
    let ids: FigureIDs
    let context: FigureContext

    static let width = 480.0
    static let radius = 16.0
    /// The most units in a layer and weights drawn one by one; beyond these, the summary.
    static let maxDetailedLayer = 12
    static let maxDetailedEdges = 200
    /// The most weights labelled with name and value.
    static let maxLabelledEdges = 24

    /// Whether the network is drawn unit by unit.
    var detailed: Bool {
        let largest = diagram.layers.map(\.count).max() ?? 0
        return !diagram.edges.isEmpty && diagram.edges.count <= Self.maxDetailedEdges
            && largest <= Self.maxDetailedLayer && diagram.layers.count <= 12
    }

    /// The whole `<svg>`.
    func svg() -> String {
        detailed ? detailedSVG() : summarySVG()
    }

    // MARK: Unit by unit

    func detailedSVG() -> String {
        let layers = diagram.layers
        // A small network gets a narrower canvas, so that its labels stay legible on a phone.
        let width = layers.count <= 4 ? 400.0 : Self.width
        let largest = max(1, layers.map(\.count).max() ?? 1)
        let labelled = diagram.edges.count <= Self.maxLabelledEdges
        let rowGap = labelled ? 96.0 : 44.0
        let top = 14.0
        let columnsTop = top + Self.radius
        let middle = columnsTop + Double(largest - 1) * rowGap / 2
        let margin = 28.0
        let columnGap = layers.count > 1 ? (width - 2 * margin) / Double(layers.count - 1) : 0

        var position: [String: (x: Double, y: Double)] = [:]
        for (column, units) in layers.enumerated() {
            let x = layers.count > 1 ? margin + Double(column) * columnGap : width / 2
            for (row, unit) in units.enumerated() where position[unit] == nil {
                position[unit] = (x, middle + (Double(row) - Double(units.count - 1) / 2) * rowGap)
            }
        }

        let largestWeight = diagram.edges.map { $0.value.isFinite ? $0.value.magnitude : 0 }.max() ?? 0
        var lines = ""
        var labels = ""
        var skipped = 0
        let frames = diagram.frames
        for (edgeIndex, edge) in diagram.edges.enumerated() {
            guard let from = position[edge.source], let to = position[edge.target] else {
                skipped += 1
                continue
            }
            let dx = to.x - from.x, dy = to.y - from.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 2 * Self.radius else { continue }
            let ux = dx / length, uy = dy / length
            let start = (x: from.x + ux * Self.radius, y: from.y + uy * Self.radius)
            let end = (x: to.x - ux * (Self.radius + 1), y: to.y - uy * (Self.radius + 1))
            let width = Self.strokeWidth(edge.value, largest: largestWeight)
            let className = edge.value > 0 ? "ep" : (edge.value < 0 ? "en" : "ez")
            lines += SVG.empty("path", [
                "class": className, "stroke-width": width,
                "d": "M\(SVG.n(start.x)) \(SVG.n(start.y))L\(SVG.n(end.x)) \(SVG.n(end.y))",
            ])
            if labelled {
                let t = 0.3
                let lx = from.x + dx * t, ly = from.y + dy * t
                let text = Self.subscripted(edge.weight) + " " + NumberFormat.short(edge.value, minus: NumberFormat.typographicMinus)
                if let frames {
                    // A step-through changes the label at every step: room for the widest, and a
                    // hook (`data-w`, the edge's index) for the page script.
                    let widest = frames.weights.map { row in
                        edgeIndex < row.count ? SVG.textWidth(Self.subscripted(edge.weight) + " " + Self.value(row[edgeIndex]), size: 10) : 0
                    }.max() ?? 0
                    let labelWidth = max(widest, SVG.textWidth(text, size: 10)) + 4
                    labels += SVG.rect(x: lx - labelWidth / 2, y: ly - 6.5, width: labelWidth, height: 13, class: "lbg")
                    labels += HTML.element("text", ["x": SVG.n(lx), "y": SVG.n(ly + 3.5), "class": "sm", "text-anchor": "middle",
                                                    "data-w": String(edgeIndex)], content: HTML.escape(text)) + "\n"
                } else {
                    let labelWidth = SVG.textWidth(text, size: 10) + 4
                    labels += SVG.rect(x: lx - labelWidth / 2, y: ly - 6.5, width: labelWidth, height: 13, class: "lbg")
                    labels += SVG.text(text, x: lx, y: ly + 3.5, class: "sm", anchor: "middle")
                }
            }
        }

        var nodes = ""
        for units in layers {
            for unit in units {
                guard let point = position[unit] else { continue }
                nodes += SVG.empty("circle", ["class": "nd", "cx": SVG.n(point.x), "cy": SVG.n(point.y), "r": SVG.n(Self.radius)])
                nodes += SVG.text(Self.subscripted(unit), x: point.x, y: point.y + 4, class: "lb", anchor: "middle")
            }
        }

        var cursor = middle + Double(largest - 1) * rowGap / 2 + Self.radius + 16
        var footer = ""
        for (column, _) in layers.enumerated() where column > 0 && column - 1 < diagram.activations.count {
            let x = margin + Double(column) * columnGap
            footer += SVG.text(diagram.activations[column - 1], x: x, y: cursor, class: "sm mu", anchor: "middle")
        }
        if layers.count > 1 { footer += SVG.text("inputs", x: margin, y: cursor, class: "sm mu", anchor: "middle") }
        cursor += 6
        var notes: [String] = []
        // A step-through says which weights are equal beside the diagram, step by step.
        if frames == nil { notes += tieLines() }
        if !labelled {
            notes.append("\(diagram.edges.count) weights: blue positive, orange negative, width by size.")
        }
        if diagram.hasBias { notes.append("Every unit after the inputs also adds a bias.") }
        if skipped > 0 { notes.append("\(skipped) weight\(skipped == 1 ? "" : "s") join units not in the layers and are not drawn.") }
        for note in notes.flatMap({ Self.wrap($0, width: width - 2 * 12, size: 11) }) {
            cursor += 14
            footer += SVG.text(note, x: 12, y: cursor, class: "nt")
        }
        return SVG.document(width: width, height: cursor + 10, ids: ids,
                            title: context.caption ?? "Network " + sizes(),
                            description: context.alt ?? describeDetailed(), body: lines + nodes + labels + footer)
    }

    /// Edge width from magnitude, rounded so that equal weights get equal widths.
    static func strokeWidth(_ value: Double, largest: Double) -> String {
        guard value.isFinite, largest > 0, largest.isFinite else { return "1.5" }
        return NumberFormat.coordinate(0.8 + 2.7 * value.magnitude / largest)
    }

    /// Lines naming weights that share a value: "Equal: w1 = w2 (0.41); w5 = w6 = w7 = w8 (0.5)".
    func tieLines() -> [String] {
        let edges = diagram.edges
        var groups: [[Int]] = []
        for index in edges.indices {
            if let group = groups.firstIndex(where: { TieGroups.same(edges[$0[0]].value, edges[index].value) }) {
                groups[group].append(index)
            } else {
                groups.append([index])
            }
        }
        let tied = groups.filter { $0.count > 1 }
        guard !tied.isEmpty else { return [] }
        if groups.count == 1 {
            return ["All \(edges.count) weights are equal (\(Self.value(edges[0].value))): every unit of a layer computes the same."]
        }
        let parts = tied.prefix(8).map { group in
            group.map { edges[$0].weight }.joined(separator: " = ") + " (\(Self.value(edges[group[0]].value)))"
        }
        return ["Equal weights: " + parts.joined(separator: "; ") + (tied.count > 8 ? "; …" : "")]
    }

    /// A weight's value as drawn (three significant digits, typographic minus).
    static func value(_ value: Double) -> String {
        NumberFormat.short(value, minus: NumberFormat.typographicMinus)
    }

    /// `y12` → `y₁₂`: the trailing digits of a unit or weight name as subscripts.
    static func subscripted(_ name: String) -> String {
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, digits < name.count else { return name }
        let subscripts: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        let head = name.dropLast(digits)
        let tail = name.suffix(digits).map { subscripts[Int($0.asciiValue ?? 48) - 48] }
        return String(head) + String(tail)
    }

    /// Text split into lines no wider than `width`, breaking after `; ` where possible (so
    /// that a group such as `w5 = w6 = w7 = w8 (−0.3)` stays on one line), else between words.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let parts = text.split(separator: "; ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return wrapWords(text, width: width, size: size) }
        var lines: [String] = []
        var line = ""
        for (index, part) in parts.enumerated() {
            let piece = part + (index < parts.count - 1 ? ";" : "")
            let candidate = line.isEmpty ? piece : line + " " + piece
            if !line.isEmpty, SVG.textWidth(candidate, size: size) * 1.08 > width {
                lines.append(line)
                line = piece
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.flatMap { wrapWords($0, width: width, size: size) }
    }

    /// Words split into lines no wider than `width`.
    static func wrapWords(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, SVG.textWidth(candidate, size: size) * 1.08 > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// "2 → 2 → 2 → 1".
    func sizes() -> String {
        diagram.summary ?? diagram.layers.map { String($0.count) }.joined(separator: " → ")
    }

    func describeDetailed() -> String {
        var text = "Network \(sizes()) with \(diagram.edges.count) weight\(diagram.edges.count == 1 ? "" : "s")"
        text += ". Layers: " + diagram.layers.map { $0.joined(separator: ", ") }.joined(separator: " | ")
        if diagram.edges.count <= Self.maxLabelledEdges {
            text += ". Weights: " + diagram.edges.map {
                "\($0.weight) \($0.source)→\($0.target) = \(NumberFormat.short($0.value))"
            }.joined(separator: ", ")
        }
        let ties = tieLines()
        if !ties.isEmpty { text += ". " + ties.joined(separator: " ") }
        return text.hasSuffix(".") ? text : text + "."
    }

    // MARK: Summary

    /// Per layer transition: the number of weights and their statistics, when the edges are known.
    struct Transition {
        var count: Int
        var mean: Double?
        var std: Double?
    }

    func transitions() -> [Transition] {
        let layers = diagram.layers
        guard layers.count > 1 else { return [] }
        var layerOf: [String: Int] = [:]
        for (index, units) in layers.enumerated() {
            for unit in units where layerOf[unit] == nil { layerOf[unit] = index }
        }
        var sums = Array(repeating: 0.0, count: layers.count - 1)
        var squares = Array(repeating: 0.0, count: layers.count - 1)
        var counts = Array(repeating: 0, count: layers.count - 1)
        for edge in diagram.edges where edge.value.isFinite {
            guard let source = layerOf[edge.source], source < layers.count - 1 else { continue }
            sums[source] += edge.value
            squares[source] += edge.value * edge.value
            counts[source] += 1
        }
        return (0..<(layers.count - 1)).map { index in
            let dense = layers[index].count.multipliedReportingOverflow(by: layers[index + 1].count)
            guard counts[index] > 0 else {
                return Transition(count: dense.overflow ? Int.max : dense.partialValue, mean: nil, std: nil)
            }
            let n = Double(counts[index])
            let mean = sums[index] / n
            let variance = max(0, squares[index] / n - mean * mean)
            return Transition(count: counts[index], mean: mean, std: variance.squareRoot())
        }
    }

    /// One row of the summary: a layer, or a run of identical hidden layers.
    struct SummaryRow {
        var name: String
        var units: Int
        var activation: String?
        /// How many identical layers the row stands for.
        var repeats: Int
        /// The weights into the next row, as text.
        var weightsAfter: String?
        /// Within a run of identical layers, the weights between neighbours.
        var weightsWithin: String?
    }

    /// The summary's rows: consecutive hidden layers of the same size and activation whose
    /// weights have no statistics to show are merged into one row (`layers 1–9`).
    func summaryRows() -> [SummaryRow] {
        let layers = diagram.layers
        let transitions = transitions()
        func weights(_ index: Int) -> String? {
            guard index < transitions.count else { return nil }
            let transition = transitions[index]
            var text = Self.grouped(transition.count) + " weights"
            if let mean = transition.mean, let std = transition.std {
                text += ": mean \(Self.value(mean)), std \(NumberFormat.short(std))"
            }
            return text
        }
        var rows: [SummaryRow] = []
        for (index, units) in layers.enumerated() {
            let activation = index > 0 && index - 1 < diagram.activations.count ? diagram.activations[index - 1] : nil
            let hiddenLayer = index > 0 && index < layers.count - 1
            if hiddenLayer, var last = rows.last, last.name.hasPrefix("layer"), last.units == units.count,
               last.activation == activation, transitions[index - 1].mean == nil {
                last.repeats += 1
                last.weightsWithin = last.weightsAfter
                last.weightsAfter = weights(index)
                let first = index - last.repeats + 1
                last.name = "layers \(first)–\(index)"
                rows[rows.count - 1] = last
                continue
            }
            let name = index == 0 ? "inputs" : (index == layers.count - 1 ? "outputs" : "layer \(index)")
            rows.append(SummaryRow(name: name, units: units.count, activation: activation, repeats: 1, weightsAfter: weights(index)))
        }
        return rows
    }

    func summarySVG() -> String {
        let layers = diagram.layers
        let allRows = summaryRows()
        let rows = allRows.count > 24 ? Array(allRows.prefix(12)) + Array(allRows.suffix(12)) : allRows
        let hidden = allRows.count - rows.count
        let largest = max(1, layers.map(\.count).max() ?? 1)
        let rowGap = 40.0
        var body = ""
        var y = 16.0
        for line in Self.wrap(sizes(), width: Self.width - 24, size: 12.5) {
            body += SVG.text(line, x: 12, y: y, class: "lb")
            y += 17
        }
        y += 3
        let barCenter = 165.0
        for (position, row) in rows.enumerated() {
            let boxBottom = y + 17
            let barWidth = max(8, 140 * (Double(row.units) / Double(largest)).squareRoot())
            if row.repeats > 1 {
                // A stack of boxes for a run of identical layers.
                body += SVG.rect(x: barCenter - barWidth / 2 + 6, y: y - 6, width: barWidth, height: 16, class: "bx")
                body += SVG.rect(x: barCenter - barWidth / 2 + 3, y: y - 3, width: barWidth, height: 16, class: "bx")
            }
            body += SVG.rect(x: barCenter - barWidth / 2, y: y, width: barWidth, height: 16, class: "bx")
            body += SVG.text(row.name, x: 12, y: y + 12, class: "")
            var detail = Self.grouped(row.units) + " unit" + (row.units == 1 ? "" : "s")
            if let activation = row.activation { detail += ", " + activation }
            if row.repeats > 1 { detail += " (× \(row.repeats))" }
            body += SVG.text(detail, x: 256, y: y + 12, class: "")
            if let within = row.weightsWithin {
                body += SVG.text(within + " between each", x: 256, y: y + 25, class: "sm mu")
                y += 12
            }
            if position == 11, hidden > 0 {
                body += SVG.text("… \(hidden) more rows …", x: barCenter, y: y + rowGap / 2 + 12, class: "nt", anchor: "middle")
                y += rowGap
            }
            if let after = row.weightsAfter, position + 1 < rows.count {
                body += SVG.line(barCenter, boxBottom, barCenter, y + rowGap - (rows[position + 1].repeats > 1 ? 7 : 1), class: "ax")
                body += SVG.text(after, x: 256, y: y + rowGap / 2 + 12, class: "sm mu")
            }
            y += rowGap
        }
        if layers.isEmpty {
            body += SVG.text("No layers", x: 12, y: y, class: "nt")
            y += 20
        }
        if diagram.hasBias {
            body += SVG.text("Every unit after the inputs also adds a bias.", x: 12, y: y, class: "nt")
            y += 14
        }
        let transitions = transitions()
        var description = "Network \(sizes()), drawn as a summary: "
            + allRows.map { "\($0.name) \($0.units) units" + ($0.activation.map { " " + $0 } ?? "") }.joined(separator: ", ")
        if transitions.contains(where: { $0.mean != nil }) {
            description += ". Weights per layer: " + transitions.enumerated().compactMap { index, transition in
                guard let mean = transition.mean, let std = transition.std else { return nil }
                return "\(index + 1): mean \(NumberFormat.short(mean)), std \(NumberFormat.short(std))"
            }.joined(separator: "; ")
        }
        return SVG.document(width: Self.width, height: y + 4, ids: ids,
                            title: context.caption ?? "Network " + sizes(),
                            description: context.alt ?? description + ".", body: body)
    }

    /// `250000` → `250,000`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }
}
