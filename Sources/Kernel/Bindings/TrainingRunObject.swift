import Outputs
import Engine

/// The history of one `train` call; shows as its loss curve.
final class TrainingRunObject: KernelObject {
    let run: TrainingRun

    init(_ run: TrainingRun) {
        self.run = run
    }

    override var typeName: String { "TrainingRun" }
    override var description: String {
        "TrainingRun(\(run.steps) steps, loss \(Value.format(run.loss.first ?? .nan)) → \(Value.format(run.finalLoss)))"
    }

    override var memberNames: [String] {
        ["loss", "steps", "names", "weightNames", "finalLoss", "weights", "parameters", "gradients", "trajectory", "table", "symmetry"]
    }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "loss": return EngineConversions.doubles(run.loss)
        case "steps": return .int(run.steps)
        case "names": return .array(run.names.map { .string($0) })
        case "weightNames": return .array(run.weightNames.map { .string($0) })
        case "finalLoss": return .double(run.finalLoss)
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        switch name {
        case "weights", "parameters", "gradients":
            let step = try match(arguments, Signature("\(name)(at:)", .int))[0].int
            return .object(NamedValuesObject(try EngineConversions.engine {
                name == "weights" ? try run.weights(at: step) : name == "parameters" ? try run.parameters(at: step) : try run.gradients(at: step)
            }))
        case "trajectory":
            let weight = try match(arguments, Signature("trajectory(of:)", .string))[0].string
            return EngineConversions.doubles(try EngineConversions.engine { try run.trajectory(of: weight) })
        case "table":
            let (index, values) = try match(arguments, [
                Signature("table(steps:)", .array(.int)), Signature("table(steps:names:)", .array(.int), .array(.string)),
            ])
            let table = try EngineConversions.engine {
                index == 0 ? try run.table(steps: values[0].ints) : try run.table(steps: values[0].ints, names: values[1].strings)
            }
            return .object(WeightTableObject(table))
        case "symmetry":
            let values = try match(arguments, Signature("symmetry(at:tolerance:)", .int, .defaulted(.double, .double(0))))
            return .object(SymmetryObject(try EngineConversions.engine { try run.symmetry(at: values[0].int, tolerance: values[1].double) }))
        default:
            return nil
        }
    }

    override func display(_ runtime: Runtime) throws -> Display {
        .linePlot(Display.LinePlot(
            series: [Display.LinePlot.Series(name: "loss", points: run.loss.enumerated().map { .init(x: Double($0.offset), y: $0.element) })],
            title: "loss", xLabel: "step", yLabel: "loss"))
    }
}

/// Weights at chosen steps: rows are steps, columns are weights.
final class WeightTableObject: KernelObject {
    let table: WeightTable

    init(_ table: WeightTable) {
        self.table = table
    }

    override var typeName: String { "WeightTable" }
    override var description: String { "WeightTable(\(table.steps.count) steps × \(table.columns.count) weights)" }
    override var memberNames: [String] { ["steps", "columns", "rows"] }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "steps": return .array(table.steps.map { .int($0) })
        case "columns": return .array(table.columns.map { .string($0) })
        case "rows": return .array(table.rows.map(EngineConversions.doubles))
        default: return nil
        }
    }

    override func display(_ runtime: Runtime) throws -> Display {
        .table(Display.Table(
            columns: ["step"] + table.columns,
            rows: zip(table.steps, table.rows).map { step, row in [.integer(step)] + row.map { .number($0) } }))
    }
}

/// Groups of equal weights, per layer.
final class SymmetryObject: KernelObject {
    let symmetry: Symmetry

    init(_ symmetry: Symmetry) {
        self.symmetry = symmetry
    }

    override var typeName: String { "Symmetry" }
    override var description: String { symmetry.description }
    override func isEqual(to other: KernelObject) -> Bool { (other as? SymmetryObject)?.symmetry == symmetry }
    override var memberNames: [String] { ["layers", "tiedGroups", "areTied"] }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "layers": return .array(symmetry.layers.map { .array($0.map { .array($0.map { .string($0) }) }) })
        case "tiedGroups": return .array(symmetry.tiedGroups.map { .array($0.map { .string($0) }) })
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        guard name == "areTied" else { return nil }
        let values = try match(arguments, Signature("areTied(_:_:)", .string, .string))
        return .bool(symmetry.areTied(values[0].string, values[1].string))
    }

    override func display(_ runtime: Runtime) throws -> Display {
        .table(Display.Table(
            columns: ["layer", "groups of equal weights"],
            rows: symmetry.layers.enumerated().map { index, groups in
                [.integer(index + 1), .text(groups.map { $0.joined(separator: " = ") }.joined(separator: ", "))]
            }))
    }
}
