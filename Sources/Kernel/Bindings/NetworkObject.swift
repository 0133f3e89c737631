import Outputs
import Engine

/// A network seen from a cell: a reference (training changes it), shown as its diagram.
final class NetworkObject: KernelObject {
    let network: Network

    init(_ network: Network) {
        self.network = network
    }

    override var typeName: String { "Network" }

    override var description: String {
        let sizes = ([network.inputCount] + network.layers.map(\.units)).map(String.init).joined(separator: "-")
        return "Network(\(sizes), \(network.layers.map { $0.activation.description }.joined(separator: ", ")), bias: \(network.hasBias))"
    }

    override var memberNames: [String] {
        ["weights", "biases", "parameters", "symmetry", "inputCount", "outputCount", "weightCount", "weightNames",
         "unitNames", "inputNames", "layers", "initialize", "forward", "output", "gradients", "train", "activations",
         "symbolic", "loss", "predict", "accuracy", "weightMatrix", "setWeightMatrix", "biasVector"]
    }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "weights": return .object(NamedValuesObject(network.weights))
        case "biases": return .object(NamedValuesObject(network.biases))
        case "parameters": return .object(NamedValuesObject(network.parameters))
        case "symmetry": return .object(SymmetryObject(network.symmetry))
        case "inputCount": return .int(network.inputCount)
        case "outputCount": return .int(network.outputCount)
        case "weightCount": return .int(network.weightCount)
        case "weightNames": return .array(network.weightNames.map { .string($0) })
        case "inputNames": return .array(network.inputNames.map { .string($0) })
        case "unitNames": return .array(network.unitNames.map { .array($0.map { .string($0) }) })
        case "layers": return .array(network.layers.map { .object(DenseObject($0)) })
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        let net = network
        switch name {
        case "initialize":
            let values = try match(arguments, Signature("initialize(_:seed:)", .member("Initializer"), .defaulted(.int, .int(0))))
            let initializer = try EngineConversions.initializer(values[0])
            try EngineConversions.engine { try net.initialize(initializer, seed: values[1].int) }
            return .void
        case "forward":
            let input = try match(arguments, Signature("forward(_:)", .tensorLike))[0]
            if case .array(let items) = input, items.allSatisfy({ if case .double = $0 { return true } else { return false } }) {
                try EngineConversions.checkFinite(input.doubles, "forward: the input")
                return EngineConversions.doubles(try EngineConversions.engine { try net.forward(input.doubles) })
            }
            let inputs = try EngineConversions.tensor(input, "forward")
            try EngineConversions.checkFinite(inputs.scalars, "forward: the input")
            try runtime.checkElements(inputs.rows * (net.layers.map(\.units).max() ?? 1), "forward")
            return TensorObject.value(try EngineConversions.engine { try net.forward(inputs) })
        case "output":
            let input = try match(arguments, Signature("output(_:)", .array(.double)))[0].doubles
            try EngineConversions.checkFinite(input, "output: the input")
            return .double(try EngineConversions.engine { try net.output(input) })
        case "gradients":
            let (index, values) = try match(arguments, [
                Signature("gradients(input:loss:)", .array(.double), .member("Loss")),
                Signature("gradients(inputs:loss:l2:)", .tensorLike, .member("Loss"), .defaulted(.double, .double(0))),
            ])
            let loss = try EngineConversions.loss(values[1])
            if index == 0 {
                try EngineConversions.checkFinite(values[0].doubles, "gradients: the input")
                return .object(NamedValuesObject(try EngineConversions.engine { try net.gradients(input: values[0].doubles, loss: loss) }))
            }
            let inputs = try EngineConversions.tensor(values[0], "gradients")
            try EngineConversions.checkFinite(inputs.scalars, "gradients: the inputs")
            return .object(NamedValuesObject(try EngineConversions.engine { try net.gradients(inputs: inputs, loss: loss, l2: values[2].double) }))
        case "loss":
            let values = try match(arguments, Signature("loss(inputs:loss:l2:)", .tensorLike, .member("Loss"), .defaulted(.double, .double(0))))
            let inputs = try EngineConversions.tensor(values[0], "loss")
            let loss = try EngineConversions.loss(values[1])
            return .double(try EngineConversions.engine { try net.loss(inputs: inputs, loss: loss, l2: values[2].double) })
        case "train":
            return try train(arguments, runtime)
        case "activations":
            let inputs = try EngineConversions.tensor(try match(arguments, Signature("activations(_:)", .tensorLike))[0], "activations")
            try EngineConversions.checkFinite(inputs.scalars, "activations: the inputs")
            try runtime.checkElements(inputs.rows * net.layers.reduce(0) { $0 + $1.units }, "activations")
            return .array(try EngineConversions.engine { try net.activations(inputs) }.map(TensorObject.value))
        case "symbolic":
            _ = try match(arguments, Signature("symbolic()"))
            return .object(SymbolicObject(try EngineConversions.engine { try net.symbolic() }))
        case "symmetry":
            let tolerance = try match(arguments, Signature("symmetry(tolerance:)", .double))[0].double
            return .object(SymmetryObject(net.symmetry(tolerance: tolerance)))
        case "predict":
            let inputs = try EngineConversions.tensor(try match(arguments, Signature("predict(_:)", .tensorLike))[0], "predict")
            return .array(try EngineConversions.engine { try net.predict(inputs) }.map { .int($0) })
        case "accuracy":
            let dataset = try match(arguments, Signature("accuracy(on:)", .object("Dataset")))[0]
            guard case let .object(object) = dataset, let data = (object as? DatasetObject)?.dataset else { return .void }
            return .double(try EngineConversions.engine { try net.accuracy(on: data) })
        case "weightMatrix", "biasVector":
            let layer = try match(arguments, Signature("\(name)(layer:)", .int))[0].int
            return TensorObject.value(try EngineConversions.engine {
                name == "weightMatrix" ? try net.weightMatrix(layer: layer) : try net.biasVector(layer: layer)
            })
        case "setWeightMatrix":
            let values = try match(arguments, Signature("setWeightMatrix(_:layer:)", .tensorLike, .int))
            let matrix = try EngineConversions.tensor(values[0], "setWeightMatrix")
            try EngineConversions.checkFinite(matrix.scalars, "setWeightMatrix: the matrix")
            try EngineConversions.engine { try net.setWeightMatrix(matrix, layer: values[1].int) }
            return .void
        default:
            return nil
        }
    }

    private func train(_ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        let net = network
        let (index, values) = try match(arguments, [
            Signature(
                "train(inputs:loss:learningRate:steps:l2:recordWeights:recordGradients:)", .tensorLike, .member("Loss"), .double, .int,
                .defaulted(.double, .double(0)), .defaulted(.bool, .bool(true)), .defaulted(.bool, .bool(false))),
            Signature(
                "train(on:learningRate:steps:l2:recordWeights:)", .object("Dataset"), .double, .int,
                .defaulted(.double, .double(0)), .defaulted(.bool, .bool(false))),
        ])
        let parameterCount = net.weightCount + net.biasCount
        if index == 0 {
            let inputs = try EngineConversions.tensor(values[0], "train")
            try EngineConversions.checkFinite(inputs.scalars, "train: the inputs")
            let loss = try EngineConversions.loss(values[1])
            let steps = values[3].int
            try runtime.spend(max(0, steps))
            if values[5].bool { try runtime.checkElements((max(0, steps) + 1) &* parameterCount, "train: the recorded weights (pass recordWeights: false)") }
            let run = try EngineConversions.engine {
                try net.train(
                    inputs: inputs, loss: loss, learningRate: values[2].double, steps: steps, l2: values[4].double,
                    recordWeights: values[5].bool, recordGradients: values[6].bool)
            }
            return .object(TrainingRunObject(run))
        }
        guard case let .object(object) = values[0], let data = (object as? DatasetObject)?.dataset else { return .void }
        let steps = values[2].int
        try runtime.spend(max(0, steps))
        if values[4].bool { try runtime.checkElements((max(0, steps) + 1) &* parameterCount, "train: the recorded weights") }
        let run = try EngineConversions.engine {
            try net.train(on: data, learningRate: values[1].double, steps: steps, l2: values[3].double, recordWeights: values[4].bool)
        }
        return .object(TrainingRunObject(run))
    }

    override func subscriptGet(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        let name = try match(arguments, Signature("subscript(_:)", .string))[0].string
        return .double(try EngineConversions.engine { try network.parameter(name) })
    }

    override func subscriptSet(_ arguments: [Argument], _ value: Value, _ runtime: Runtime) throws -> Bool {
        let name = try match(arguments, Signature("subscript(_:)", .string))[0].string
        guard let number = value.asDouble else {
            throw Failure("cannot assign value of type '\(value.typeName)' to a weight (a Double)")
        }
        try EngineConversions.engine { try network.setParameter(name, to: try EngineConversions.finite(number, "net[\"\(name)\"]")) }
        return true
    }

    /// The largest network drawn unit by unit; bigger ones show a summary.
    static let diagramWeightLimit = 64

    override func display(_ runtime: Runtime) throws -> Display {
        let layers = [network.inputNames] + network.unitNames
        let activations = network.layers.map(\.activation.description)
        guard network.weightCount <= Self.diagramWeightLimit else {
            let sizes = ([network.inputCount] + network.layers.map(\.units)).map(String.init).joined(separator: " → ")
            return .network(Display.NetworkDiagram(
                layers: layers, edges: [], activations: activations, hasBias: network.hasBias,
                summary: "\(sizes), \(network.weightCount) weights"))
        }
        let values = network.weights
        let edges = zip(network.connections, values.values).map { connection, value in
            Display.NetworkDiagram.Edge(source: connection.source, target: connection.target, weight: connection.name, value: value)
        }
        return .network(Display.NetworkDiagram(layers: layers, edges: edges, activations: activations, hasBias: network.hasBias))
    }
}
