import Outputs
import Engine

/// A network written as equations; shows as aligned display math.
final class SymbolicObject: KernelObject {
    let symbolic: SymbolicNetwork

    init(_ symbolic: SymbolicNetwork) {
        self.symbolic = symbolic
    }

    override var typeName: String { "SymbolicNetwork" }
    override var description: String { symbolic.description }
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(SymbolicObject.self, [
        .property("equations") { object, _ in .list(object.symbolic.equations.map { .string($0.description) }) },
        .property("latex") { object, _ in .string(object.symbolic.latex) },
        .method("gradient") { object, arguments, _ in
            let weight = try match(arguments, Signature("gradient(of:)", .string))[0].string
            return .object(DerivationObject(try EngineConversions.engine { try object.symbolic.gradient(of: weight) }))
        },
    ])

    override func display(_ runtime: Runtime) throws -> Display {
        .math(Display.Math(lines: symbolic.equations.map(\.latex)))
    }
}

/// The chain rule for one weight, step by step; shows as a derivation in display math.
final class DerivationObject: KernelObject {
    let derivation: Derivation

    init(_ derivation: Derivation) {
        self.derivation = derivation
    }

    override var typeName: String { "Derivation" }
    override var description: String { derivation.description }
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(DerivationObject.self, [
        .property("steps") { object, _ in .list(object.derivation.steps.map { .string($0.description) }) },
        .property("result") { object, _ in .string(object.derivation.result.description) },
        .property("latex") { object, _ in .string(object.derivation.latex) },
        .method("substituting") { object, arguments, _ in
            let symbol = try match(arguments, Signature("substituting(allWeights:)", .string))[0].string
            return .object(DerivationObject(object.derivation.substituting(allWeights: symbol)))
        },
        .method("simplified") { object, arguments, _ in
            _ = try match(arguments, Signature("simplified()"))
            return .object(DerivationObject(object.derivation.simplified()))
        },
        atInput("evaluate") { .double(try $0.evaluate(network: $1, input: $2)) },
        atInput("values") { EngineConversions.doubles(try $0.values(network: $1, input: $2)) },
    ])

    /// `evaluate(network:input:)` and `values(network:input:)`: the derivation at one input.
    private static func atInput(
        _ name: String, _ body: @escaping @Sendable (Derivation, Network, [Double]) throws -> Value
    ) -> Member<DerivationObject> {
        .method(name) { object, arguments, _ in
            let values = try match(arguments, Signature("\(name)(network:input:)", .object("Network"), .array(.double)))
            guard case let .object(other) = values[0], let net = (other as? NetworkObject)?.network else { return .void }
            return try EngineConversions.engine { try body(object.derivation, net, values[1].doubles) }
        }
    }

    override func display(_ runtime: Runtime) throws -> Display {
        let steps = derivation.steps.map(\.latex)
        guard let first = steps.first else { return .math(Display.Math(lines: [derivation.derivativeLatex + " = 0"])) }
        return .math(Display.Math(lines: [derivation.derivativeLatex + " = " + first] + steps.dropFirst().map { "= " + $0 }))
    }
}

/// A labelled point set; shows as its points coloured by class.
final class DatasetObject: KernelObject {
    let dataset: Dataset

    init(_ dataset: Dataset) {
        self.dataset = dataset
    }

    override var typeName: String { "Dataset" }
    override var description: String { "Dataset.\(dataset.name)(\(dataset.count) points, \(dataset.classes) classes)" }
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(DatasetObject.self, [
        .property("inputs") { object, _ in try TensorObject.value(object.dataset.inputs) },
        .property("labels") { object, _ in .list(object.dataset.labels.map { .int($0) }) },
        .property("classes") { object, _ in .int(object.dataset.classes) },
        .property("count") { object, _ in .int(object.dataset.count) },
        .property("name") { object, _ in .string(object.dataset.name) },
        .method("points") { object, arguments, _ in
            let label = try match(arguments, Signature("points(ofClass:)", .int))[0].int
            return try TensorObject.value(try EngineConversions.engine { try object.dataset.points(ofClass: label) })
        },
        .method("accuracy") { object, arguments, _ in
            let predictions = try match(arguments, Signature("accuracy(of:)", .array(.int)))[0].ints
            return .double(try EngineConversions.engine { try object.dataset.accuracy(of: predictions) })
        },
    ])

    override func display(_ runtime: Runtime) throws -> Display {
        .heatmap(Heatmaps.scatter(dataset))
    }
}
