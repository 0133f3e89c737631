import Outputs
import Engine

/// `plot(…)` and `histogram(…)`: building line plots and histogram grids from cell values.
enum Plots {
    static let plotSignature =
        "plot(_: TrainingRun | [Double] | [String: [Double]], x: [Double]? = nil, weights: [String]? = nil, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, logY: Bool = false, label: String? = nil), or plot(x: [Double], y: [Double], …)"

    static func plot(_ arguments: [Argument], _ runtime: Runtime) throws -> Display.LinePlot {
        var subject: Value?, xs: [Double]?, ys: [Double]?, weights: [String]?
        var title: String?, xLabel: String?, yLabel: String?, label: String?, logY = false
        for (index, argument) in arguments.enumerated() {
            let value = argument.value
            func text() throws -> String {
                guard case let .string(text) = value else { throw mismatch(argument.label ?? "_", "String", value) }
                return text
            }
            func numbers() throws -> [Double] {
                guard let converted = Signature.Kind.array(.double).convert(value) else { throw mismatch(argument.label ?? "_", "[Double]", value) }
                return converted.doubles
            }
            switch argument.label {
            case nil where index == 0: subject = value
            case "x"?: xs = try numbers()
            case "y"?: ys = try numbers()
            case "weights"?:
                guard let converted = Signature.Kind.array(.string).convert(value) else { throw mismatch("weights", "[String]", value) }
                weights = converted.strings
            case "title"?: title = try text()
            case "xLabel"?: xLabel = try text()
            case "yLabel"?: yLabel = try text()
            case "label"?: label = try text()
            case "logY"?:
                guard case let .bool(flag) = value else { throw mismatch("logY", "Bool", value) }
                logY = flag
            default:
                throw Failure("extra argument\(argument.label.map { " '\($0)'" } ?? "") in call; expected \(plotSignature)")
            }
        }
        typealias Series = Display.LinePlot.Series
        // Every form takes `x:`: the same x values for each series, which must be as long.
        func series(_ name: String, _ values: [Double]) throws -> Series {
            if let xs, xs.count != values.count {
                throw Failure("plot: x has \(xs.count) values but \(subject == nil ? "y" : "the series '\(name)'") has \(values.count)")
            }
            return Series(name: name, points: values.enumerated().map { .init(x: xs?[$0.offset] ?? Double($0.offset), y: $0.element) })
        }
        var result: [Series]
        var defaultX = xs == nil ? "index" : "x", defaultY = "value"
        if subject != nil, ys != nil {
            throw Failure("plot: give the values either as the first argument or as y:, not both; expected \(plotSignature)")
        }
        switch subject {
        case let .object(object as TrainingRunObject)?:
            let run = object.run
            if xs == nil { defaultX = "step" }
            if let weights {
                result = try weights.map { name in try series(name, try EngineConversions.engine { try run.trajectory(of: name) }) }
                defaultY = "weight"
            } else {
                result = [try series("loss", run.loss)]
                defaultY = "loss"
            }
        case let .dictionary(box)?:
            result = try zip(box.keys, box.values).map { key, value in
                guard let converted = Signature.Kind.array(.double).convert(value) else { throw mismatch("_", "[String: [Double]]", value) }
                return try series(key.description, converted.doubles)
            }
        case let value?:
            guard let converted = Signature.Kind.array(.double).convert(value) else {
                throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type 'TrainingRun', '[Double]' or '[String: [Double]]'; expected \(plotSignature)")
            }
            result = [try series(label ?? "y", converted.doubles)]
        case nil:
            guard let ys else { throw Failure("missing argument for parameter #1 in call; expected \(plotSignature)") }
            result = [try series(label ?? "y", ys)]
            defaultX = "x"
            defaultY = "y"
        }
        if weights != nil, !(subject.map { if case .object(is TrainingRunObject) = $0 { return true } else { return false } } ?? false) {
            throw Failure("plot: weights: needs a TrainingRun as the first argument")
        }
        try runtime.spend(result.reduce(0) { $0 + $1.points.count })
        return Display.LinePlot(series: result, title: title, xLabel: xLabel ?? defaultX, yLabel: yLabel ?? defaultY, logY: logY)
    }

    static func mismatch(_ label: String, _ expected: String, _ value: Value) -> Failure {
        Failure("cannot convert value of type '\(value.typeName)' to expected argument type '\(expected)' for '\(label)'")
    }

    static func histogram(_ arguments: [Argument], _ runtime: Runtime) throws -> Display.HistogramGrid {
        let values = try match(arguments, Signature(
            "histogram(_:bins:range:titles:title:)", .any, .defaulted(.int, .int(30)), .defaulted(.optional(.pair), .none),
            .defaulted(.optional(.array(.string)), .none), .defaulted(.optional(.string), .none)))
        let bins = values[1].int
        guard (1...1000).contains(bins) else { throw Failure("histogram: bins must be between 1 and 1000, got \(bins)") }
        var range: (Double, Double)?
        if case let .tuple(pair) = values[2] {
            range = (pair.items[0].double, pair.items[1].double)
            guard let (low, high) = range, low < high, low.isFinite, high.isFinite else {
                throw Failure("histogram: range must be finite with low < high")
            }
        }
        var groups: [[Double]]
        switch values[0] {
        case let .object(object as TensorObject): groups = [object.tensor.scalars]
        case let .array(items, _) where items.allSatisfy({ if case .object(is TensorObject) = $0 { return true } else { return false } }) && !items.isEmpty:
            groups = items.compactMap { if case let .object(object as TensorObject) = $0 { return object.tensor.scalars } else { return nil } }
        case let value:
            guard let numbers = Signature.Kind.array(.double).convert(value) else {
                throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type '[Tensor]', 'Tensor' or '[Double]'; expected histogram(_: [Tensor], bins: Int = 30, range: (Double, Double)? = nil, titles: [String]? = nil, title: String? = nil)")
            }
            groups = [numbers.doubles]
        }
        let titles = values[3].isNone ? nil : values[3].strings
        if let titles, titles.count != groups.count {
            throw Failure("histogram: \(titles.count) titles for \(groups.count) panels")
        }
        try runtime.spend(groups.reduce(0) { $0 + $1.count } / 64)
        let panels = try groups.enumerated().map { index, data in
            try panel(data, bins: bins, range: range, title: titles?[index] ?? (groups.count == 1 ? "values" : "layer \(index + 1)"))
        }
        return Display.HistogramGrid(panels: panels, title: values[4].isNone ? nil : values[4].string)
    }

    /// One panel: the engine's `Histogram` of `data` (numpy's binning) with its title.
    static func panel(_ data: [Double], bins: Int, range: (Double, Double)?, title: String) throws -> Display.HistogramGrid.Panel {
        let histogram = try EngineConversions.engine { try Histogram(data, bins: bins, range: range) }
        return Display.HistogramGrid.Panel(
            title: title, edges: histogram.edges, counts: histogram.counts, mean: histogram.mean, std: histogram.std)
    }
}
