import Outputs
import Engine

extension Builtins {
    /// `table`, `plot`, `histogram`, `heatmap`, `group`: each returns a figure (a `Figure`
    /// value), which shows when a statement drops it or a cell ends with it.
    func registerFigures() {
        define("table") { arguments, runtime in
            let (index, values) = try match(arguments, [
                Signature("table(_:steps:caption:)", .object("TrainingRun"), .array(.int), .defaulted(.optional(.string), .none)),
                Signature("table(_:columns:caption:)", .array(.array(.any)), .array(.string), .defaulted(.optional(.string), .none)),
                Signature("table(_:caption:)", .any, .defaulted(.optional(.string), .none)),
            ])
            var display: Display
            switch index {
            case 0:
                guard case let .object(object) = values[0], let run = (object as? TrainingRunObject)?.run else { return .void }
                display = try WeightTableObject(try EngineConversions.engine { try run.table(steps: values[1].ints) }).display(runtime)
            case 1:
                let columns = values[1].strings
                let rows = try values[0].items.map { row -> [Display.Table.Cell] in
                    guard row.items.count == columns.count else {
                        throw Failure("table: a row has \(row.items.count) cells but there are \(columns.count) columns")
                    }
                    return row.items.map(Builtins.cell)
                }
                display = .table(Display.Table(columns: columns, rows: rows))
            default:
                display = try Builtins.tableDisplay(values[0], runtime)
            }
            if case let .string(caption) = values[values.count - 1], case var .table(table) = display {
                table.caption = caption
                display = .table(table)
            }
            return FigureObject.value(display)
        }
        define("plot") { arguments, runtime in
            FigureObject.value(.linePlot(try Plots.plot(arguments, runtime)))
        }
        define("histogram") { arguments, runtime in
            FigureObject.value(.histograms(try Plots.histogram(arguments, runtime)))
        }
        define("heatmap") { arguments, runtime in
            let (index, values) = try match(arguments, [
                Signature("heatmap(_:data:resolution:title:)", .object("Network"), .object("Dataset"), .defaulted(.int, .int(60)),
                          .defaulted(.optional(.string), .none)),
                Signature("heatmap(_:title:)", .tensorLike, .defaulted(.optional(.string), .none)),
            ])
            let title: String? = values[values.count - 1].isNone ? nil : values[values.count - 1].string
            if index == 0 {
                guard case let .object(netObject) = values[0], let net = (netObject as? NetworkObject)?.network,
                    case let .object(dataObject) = values[1], let data = (dataObject as? DatasetObject)?.dataset else { return .void }
                var map = try Heatmaps.decisionRegions(net, data, resolution: values[2].int, runtime)
                if let title { map.title = title }
                return FigureObject.value(.heatmap(map))
            }
            let tensor = try EngineConversions.tensor(values[0], "heatmap")
            return FigureObject.value(.heatmap(Display.Heatmap(
                values: tensor.array, xRange: 0...Double(tensor.columns), yRange: 0...Double(tensor.rows), title: title)))
        }
        define("stepThrough") { arguments, runtime in
            FigureObject.value(.network(try Builtins.stepThrough(arguments, runtime)))
        }
        define("group") { arguments, runtime in
            let values = try match(arguments, Signature("group(_:title:)", .array(.any), .defaulted(.optional(.string), .none)))
            let items = values[0].items
            guard !items.isEmpty else { throw Failure("group: needs at least one figure") }
            let displays = try items.map { item -> Display in
                guard case let .object(object) = item else {
                    throw Failure("group: cannot show a value of type '\(item.typeName)' as a figure; expected group(_: [Figure], title: String? = nil)")
                }
                return try object.display(runtime)
            }
            // Checked here, where groups are made, so every renderer recurses a bounded depth.
            if 1 + (displays.map(\.groupDepth).max() ?? 0) > Display.groupNesting {
                throw Failure("group: groups nest at most \(Display.groupNesting) deep")
            }
            return FigureObject.value(.group(Display.Group(items: displays, title: values[1].isNone ? nil : values[1].string)))
        }
    }

    /// The most frames a step-through keeps: longer runs show evenly spaced steps.
    static let stepThroughFrames = 200

    /// `stepThrough(net, run)`: the network's diagram at each step of a run it trained, the
    /// last step drawn, every step's weights, gradients (when recorded) and loss kept to step through.
    static func stepThrough(_ arguments: [Argument], _ runtime: Runtime) throws -> Display.NetworkDiagram {
        let values = try match(arguments, Signature("stepThrough(_:_:table:)", .object("Network"), .object("TrainingRun"),
                                                    .defaulted(.optional(.string), .none)))
        var linked: String?
        if case let .string(label) = values[2] {
            guard label.hasPrefix("tbl-") else { throw Failure("stepThrough: table: names a table by its label, 'tbl-…', not '\(label)'") }
            linked = label
        }
        guard case let .object(netObject) = values[0], let network = netObject as? NetworkObject,
              case let .object(runObject) = values[1], let run = (runObject as? TrainingRunObject)?.run else { return Display.NetworkDiagram(layers: [], edges: [], activations: [], hasBias: false) }
        guard case var .network(diagram) = try network.display(runtime), !diagram.edges.isEmpty else {
            throw Failure("stepThrough: the network has more than \(NetworkObject.diagramWeightLimit) weights, too many to draw one by one")
        }
        guard run.keepsEveryStep else {
            throw Failure("stepThrough: this run kept only its last state; train with recordWeights: true")
        }
        let names = run.weightNames
        let columns = try diagram.edges.map { edge -> Int in
            guard let column = names.firstIndex(of: edge.weight) else {
                throw Failure("stepThrough: the run did not train this network (it has no weight '\(edge.weight)')")
            }
            return column
        }
        guard names.count == columns.count else {
            throw Failure("stepThrough: the run did not train this network (it has \(names.count) weights, the network \(columns.count))")
        }
        let last = run.steps
        var steps = last <= stepThroughFrames ? Array(0...last) : (0...stepThroughFrames).map { $0 * last / stepThroughFrames }
        steps = steps.reduce(into: []) { kept, step in if kept.last != step { kept.append(step) } }
        try runtime.spend(steps.count * columns.count)
        let weights = try steps.map { step in
            let row = try EngineConversions.engine { try run.weights(at: step).values }
            return columns.map { row[$0] }
        }
        var gradients: [[Double]]?
        if run.hasGradients {
            gradients = try steps.map { step in
                guard step < last else { return Array(repeating: Double.nan, count: columns.count) }
                let row = try EngineConversions.engine { try run.gradients(at: step).values }
                return columns.map { row[$0] }
            }
        }
        for index in diagram.edges.indices { diagram.edges[index].value = weights[weights.count - 1][index] }
        diagram.frames = Display.NetworkDiagram.Frames(steps: steps, weights: weights, gradients: gradients,
                                                        loss: steps.map { run.loss.indices.contains($0) ? run.loss[$0] : .nan })
        diagram.frames?.table = linked
        return diagram
    }

    static func cell(_ value: Value) -> Display.Table.Cell {
        switch value {
        case let .int(number): return .integer(number)
        case let .double(number): return .number(number)
        default: return .text(value.description)
        }
    }

    /// A value as a table: weights, weight tables and tensors as they display; rows of values; a dictionary.
    static func tableDisplay(_ value: Value, _ runtime: Runtime) throws -> Display {
        switch value {
        case let .object(object):
            let display = try object.display(runtime)
            if case .table = display { return display }
            throw Failure("table: a '\(object.typeName)' has no table form")
        case let .dictionary(box):
            return .table(Display.Table(columns: ["key", "value"], rows: zip(box.keys, box.values).map { [cell($0), cell($1)] }))
        case let .array(rows, _):
            if rows.allSatisfy({ if case .array = $0 { return true } else { return false } }) {
                let width = rows.map(\.items.count).max() ?? 0
                return .table(Display.Table(
                    columns: (0..<width).map(String.init),
                    rows: rows.map { row in row.items.map(cell) + Array(repeating: .text(""), count: width - row.items.count) }))
            }
            return .table(Display.Table(columns: ["value"], rows: rows.map { [cell($0)] }))
        default:
            throw Failure("table: cannot make a table of a value of type '\(value.typeName)'")
        }
    }
}
