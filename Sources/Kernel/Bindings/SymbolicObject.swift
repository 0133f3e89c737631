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
    override var memberNames: [String] { ["equations", "latex", "gradient"] }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "equations": return .array(symbolic.equations.map { .string($0.description) })
        case "latex": return .string(symbolic.latex)
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        guard name == "gradient" else { return nil }
        let weight = try match(arguments, Signature("gradient(of:)", .string))[0].string
        return .object(DerivationObject(try EngineConversions.engine { try symbolic.gradient(of: weight) }))
    }

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
    override var memberNames: [String] { ["steps", "result", "latex", "substituting", "simplified", "evaluate", "values"] }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "steps": return .array(derivation.steps.map { .string($0.description) })
        case "result": return .string(derivation.result.description)
        case "latex": return .string(derivation.latex)
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        switch name {
        case "substituting":
            let symbol = try match(arguments, Signature("substituting(allWeights:)", .string))[0].string
            return .object(DerivationObject(derivation.substituting(allWeights: symbol)))
        case "simplified":
            _ = try match(arguments, Signature("simplified()"))
            return .object(DerivationObject(derivation.simplified()))
        case "evaluate", "values":
            let values = try match(arguments, Signature("\(name)(network:input:)", .object("Network"), .array(.double)))
            guard case let .object(object) = values[0], let net = (object as? NetworkObject)?.network else { return .void }
            if name == "values" {
                return EngineConversions.doubles(try EngineConversions.engine { try derivation.values(network: net, input: values[1].doubles) })
            }
            return .double(try EngineConversions.engine { try derivation.evaluate(network: net, input: values[1].doubles) })
        default:
            return nil
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
    override var memberNames: [String] { ["inputs", "labels", "classes", "count", "name", "points", "accuracy"] }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "inputs": return TensorObject.value(dataset.inputs)
        case "labels": return .array(dataset.labels.map { .int($0) })
        case "classes": return .int(dataset.classes)
        case "count": return .int(dataset.count)
        case "name": return .string(dataset.name)
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        switch name {
        case "points":
            let label = try match(arguments, Signature("points(ofClass:)", .int))[0].int
            return TensorObject.value(try EngineConversions.engine { try dataset.points(ofClass: label) })
        case "accuracy":
            let predictions = try match(arguments, Signature("accuracy(of:)", .array(.int)))[0].ints
            return .double(try EngineConversions.engine { try dataset.accuracy(of: predictions) })
        default:
            return nil
        }
    }

    override func display(_ runtime: Runtime) throws -> Display {
        .heatmap(Heatmaps.scatter(dataset))
    }
}
