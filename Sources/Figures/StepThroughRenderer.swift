import Markup
import Outputs

/// The panel of a step-through network diagram: the step and its loss, the weights that are
/// equal, and a table of every weight's value and gradient. It shows the run's last step,
/// like the diagram above it, so a page without script loses nothing but the controls; the
/// page script adds a slider, previous/next and play buttons, and redraws the diagram's
/// labels, the table and the lines from the frames, which travel as JSON text (numbers
/// already written as the page writes them, so script and page never disagree).
struct StepThroughRenderer {
    let diagram: Display.NetworkDiagram
    let frames: Display.NetworkDiagram.Frames
    let ids: FigureIDs

    func html() -> String {
        let names = diagram.edges.map(\.weight)
        let values = frames.weights.map { $0.map(Self.number) }
        let gradients = frames.gradients?.map { $0.map(Self.number) }
        let loss = frames.loss.map(Self.number)
        let ties = frames.weights.map(Self.groups)
        let last = frames.steps.count - 1

        // Compact: a frame's numbers are one string, space-separated, with an ASCII minus (the
        // script writes the typographic one); a frame's groups are one base-36 digit per weight.
        // A 200-step run of the toy network with its gradients takes about 28 KB.
        // A number below one drops its leading zero (`.404`, `-.0123`); the script puts it back.
        func packed(_ row: [String]) -> String {
            row.map { number in
                var text = number.replacingOccurrences(of: NumberFormat.typographicMinus, with: "-")
                if text.hasPrefix("0.") { text.removeFirst() } else if text.hasPrefix("-0.") { text.remove(at: text.index(after: text.startIndex)) }
                return text
            }.joined(separator: " ")
        }
        var data = "{\"steps\":[" + frames.steps.map(String.init).joined(separator: ",") + "]"
        data += ",\"names\":" + Self.strings(names)
        data += ",\"values\":" + Self.strings(values.map(packed))
        if let gradients { data += ",\"gradients\":" + Self.strings(gradients.map(packed)) }
        data += ",\"loss\":" + Self.strings([packed(loss)])
        data += ",\"ties\":" + Self.strings(ties.map { row in row.map { String($0, radix: 36) }.joined() })
        if let table = frames.table { data += ",\"table\":" + Self.strings([table]) }
        let (curve, marks) = lossCurve()
        if !marks.isEmpty { data += ",\"marks\":" + Self.strings([marks.joined(separator: " ")]) }
        data += "}"

        var rows = ""
        for (index, name) in names.enumerated() {
            var cells = HTML.element("th", ["scope": "row"], content: HTML.escape(name))
            cells += HTML.element("td", ["class": "num"], content: HTML.escape(values[last][index]))
            if let gradients { cells += HTML.element("td", ["class": "num"], content: HTML.escape(gradients[last][index])) }
            rows += HTML.element("tr", [:], content: cells)
        }
        var head = HTML.element("th", ["scope": "col"], content: "weight") + HTML.element("th", ["scope": "col", "class": "num"], content: "value")
        if gradients != nil { head += HTML.element("th", ["scope": "col", "class": "num"], content: "gradient") }
        let table = HTML.element("table", ["class": "fig-table stepper-table"], content:
            HTML.element("thead", [:], content: HTML.element("tr", [:], content: head)) + HTML.element("tbody", [:], content: rows))
        let status = "Step \(frames.steps[last]) of \(frames.steps[last]) · loss \(loss[last])"
        return HTML.element("div", ["class": "stepper", "id": ids.prefix + "-steps"], content:
            HTML.element("p", ["class": "stepper-status"], content: HTML.escape(status))
            + HTML.element("p", ["class": "stepper-ties"], content: HTML.escape(Self.tieText(names: names, values: values[last], groups: ties[last])))
            + curve
            + HTML.element("div", ["class": "fig-table-wrap", "tabindex": "0"], content: table)
            + HTML.element("script", ["type": "application/json", "class": "stepper-data"], content: data))
    }

    /// The loss over the frames as a small line with a marker at the step shown (the last),
    /// and the marker's position at every frame ("x,y"), for the script; nothing when the
    /// loss is not finite anywhere.
    func lossCurve() -> (svg: String, marks: [String]) {
        let finite = frames.loss.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), frames.loss.count > 1 else { return ("", []) }
        let width = 320.0, height = 64.0, left = 4.0, top = 6.0, plotWidth = width - 8, plotHeight = height - 12
        let span = high > low ? high - low : 1
        let points = frames.loss.enumerated().map { index, value -> (Double, Double)? in
            guard value.isFinite else { return nil }
            let x = left + plotWidth * Double(index) / Double(frames.loss.count - 1)
            return (x, top + plotHeight * (1 - (value - low) / span))
        }
        var d = "", pen = false
        for point in points {
            guard let (x, y) = point else { pen = false; continue }
            d += (pen ? "L" : "M") + SVG.n(x) + " " + SVG.n(y)
            pen = true
        }
        let marks = points.map { point in point.map { SVG.n($0.0) + "," + SVG.n($0.1) } ?? "-" }
        let lastMark = points.last.flatMap { $0 } ?? (left, top)
        let curveIDs = FigureIDs(prefix: ids.prefix + "-loss")
        let body = SVG.empty("path", ["class": "ln s0", "d": d])
            + SVG.empty("circle", ["class": "stepper-mark", "cx": SVG.n(lastMark.0), "cy": SVG.n(lastMark.1), "r": "4"])
        let svg = SVG.document(width: width, height: height, ids: curveIDs, title: "Loss by step",
                               description: "The loss at each step, from \(Self.number(frames.loss[0])) to \(Self.number(frames.loss[frames.loss.count - 1])); the dot marks the step shown.",
                               body: body)
        return (HTML.element("div", ["class": "stepper-loss"], content: svg), marks)
    }

    /// A number as the diagram writes it (three significant digits, typographic minus); a
    /// gradient the last step does not have is a dash.
    static func number(_ value: Double) -> String {
        value.isNaN ? "–" : NetworkRenderer.value(value)
    }

    /// Each weight's group: weights with equal values share a number (first member's order).
    /// (At most 36 groups are told apart, as the page script reads one digit per weight.)
    static func groups(_ row: [Double]) -> [Int] {
        var firsts: [Int] = []
        return row.indices.map { index in
            if let group = firsts.firstIndex(where: { TieGroups.same(row[$0], row[index]) }) { return group }
            guard firsts.count < 36 else { return 35 }
            firsts.append(index)
            return firsts.count - 1
        }
    }

    /// "Equal weights: w1 = w2 (0.41); …", "All weights are equal (0.5)" or "No two weights are equal".
    /// The page script writes the same sentence from the same data.
    static func tieText(names: [String], values: [String], groups: [Int]) -> String {
        let count = (groups.max() ?? -1) + 1
        if count == 1, names.count > 1 { return "All \(names.count) weights are equal (\(values[0]))." }
        let tied = (0..<count).map { group in groups.indices.filter { groups[$0] == group } }.filter { $0.count > 1 }
        guard !tied.isEmpty else { return "No two weights are equal." }
        return "Equal weights: " + tied.map { members in
            members.map { names[$0] }.joined(separator: " = ") + " (\(values[members[0]]))"
        }.joined(separator: "; ") + "."
    }

    private static func strings(_ items: [String]) -> String {
        "[" + items.map(HTML.scriptJSONString).joined(separator: ",") + "]"
    }
}
