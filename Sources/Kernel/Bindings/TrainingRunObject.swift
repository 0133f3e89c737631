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

    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(TrainingRunObject.self, [
        .property("loss") { object, _ in EngineConversions.doubles(object.run.loss) },
        .property("steps") { object, _ in .int(object.run.steps) },
        .property("names") { object, _ in .list(object.run.names.map { .string($0) }) },
        .property("weightNames") { object, _ in .list(object.run.weightNames.map { .string($0) }) },
        .property("finalLoss") { object, _ in .double(object.run.finalLoss) },
        atStep("weights") { try $0.weights(at: $1) },
        atStep("parameters") { try $0.parameters(at: $1) },
        atStep("gradients") { try $0.gradients(at: $1) },
        .method("trajectory") { object, arguments, _ in
            let weight = try match(arguments, Signature("trajectory(of:)", .string))[0].string
            return EngineConversions.doubles(try EngineConversions.engine { try object.run.trajectory(of: weight) })
        },
        .method("table") { object, arguments, _ in
            let run = object.run
            let (index, values) = try match(arguments, [
                Signature("table(steps:)", .array(.int)), Signature("table(steps:names:)", .array(.int), .array(.string)),
            ])
            let table = try EngineConversions.engine {
                index == 0 ? try run.table(steps: values[0].ints) : try run.table(steps: values[0].ints, names: values[1].strings)
            }
            return .object(WeightTableObject(table))
        },
        .method("symmetry") { object, arguments, _ in
            let values = try match(arguments, Signature("symmetry(at:tolerance:)", .int, .defaulted(.double, .double(0))))
            return .object(SymmetryObject(try EngineConversions.engine { try object.run.symmetry(at: values[0].int, tolerance: values[1].double) }))
        },
    ])

    /// `run.weights(at: step)` and the like: the named values recorded at one step.
    private static func atStep(_ name: String, _ body: @escaping @Sendable (TrainingRun, Int) throws -> NamedValues) -> Member<TrainingRunObject> {
        .method(name) { object, arguments, _ in
            let step = try match(arguments, Signature("\(name)(at:)", .int))[0].int
            return .object(NamedValuesObject(try EngineConversions.engine { try body(object.run, step) }))
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
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(WeightTableObject.self, [
        .property("steps") { object, _ in .list(object.table.steps.map { .int($0) }) },
        .property("columns") { object, _ in .list(object.table.columns.map { .string($0) }) },
        .property("rows") { object, _ in .list(object.table.rows.map(EngineConversions.doubles)) },
    ])

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
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(SymmetryObject.self, [
        .property("layers") { object, _ in .list(object.symmetry.layers.map { .list($0.map { .list($0.map { .string($0) }) }) }) },
        .property("tiedGroups") { object, _ in .list(object.symmetry.tiedGroups.map { .list($0.map { .string($0) }) }) },
        .method("areTied") { object, arguments, _ in
            let values = try match(arguments, Signature("areTied(_:_:)", .string, .string))
            return .bool(object.symmetry.areTied(values[0].string, values[1].string))
        },
    ])

    override func display(_ runtime: Runtime) throws -> Display {
        .table(Display.Table(
            columns: ["layer", "groups of equal weights"],
            rows: symmetry.layers.enumerated().map { index, groups in
                [.integer(index + 1), .text(groups.map { $0.joined(separator: " = ") }.joined(separator: ", "))]
            }))
    }
}
