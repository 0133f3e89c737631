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

    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(NetworkObject.self, [
        .property("weights") { object, _ in .object(NamedValuesObject(object.network.weights)) },
        .property("biases") { object, _ in .object(NamedValuesObject(object.network.biases)) },
        .property("parameters") { object, _ in .object(NamedValuesObject(object.network.parameters)) },
        .property("symmetry") { object, _ in .object(SymmetryObject(object.network.symmetry)) },
        .method("symmetry") { object, arguments, _ in
            let tolerance = try match(arguments, Signature("symmetry(tolerance:)", .double))[0].double
            return .object(SymmetryObject(object.network.symmetry(tolerance: tolerance)))
        },
        .property("inputCount") { object, _ in .int(object.network.inputCount) },
        .property("outputCount") { object, _ in .int(object.network.outputCount) },
        .property("weightCount") { object, _ in .int(object.network.weightCount) },
        .property("weightNames") { object, _ in .list(object.network.weightNames.map { .string($0) }) },
        .property("unitNames") { object, _ in .list(object.network.unitNames.map { .list($0.map { .string($0) }) }) },
        .property("inputNames") { object, _ in .list(object.network.inputNames.map { .string($0) }) },
        .property("layers") { object, _ in .list(object.network.layers.map { .object(DenseObject($0)) }) },
        .method("initialize") { object, arguments, _ in
            let values = try match(arguments, Signature("initialize(_:seed:)", .member("Initializer"), .defaulted(.int, .int(0))))
            let initializer = try EngineConversions.initializer(values[0])
            try EngineConversions.engine { try object.network.initialize(initializer, seed: values[1].int) }
            return .void
        },
        .method("forward") { object, arguments, runtime in
            let net = object.network
            let input = try match(arguments, Signature("forward(_:)", .tensorLike))[0]
            if case .array(let items, _) = input, items.allSatisfy({ if case .double = $0 { return true } else { return false } }) {
                try EngineConversions.checkFinite(input.doubles, "forward: the input")
                return EngineConversions.doubles(try EngineConversions.engine { try net.forward(input.doubles) })
            }
            let inputs = try EngineConversions.tensor(input, "forward")
            try EngineConversions.checkFinite(inputs.scalars, "forward: the input")
            try runtime.checkElements(product: [inputs.rows, net.layers.map(\.units).max() ?? 1], "forward")
            return try TensorObject.value(try EngineConversions.engine { try net.forward(inputs) })
        },
        .method("output") { object, arguments, _ in
            let input = try match(arguments, Signature("output(_:)", .array(.double)))[0].doubles
            try EngineConversions.checkFinite(input, "output: the input")
            return .double(try EngineConversions.engine { try object.network.output(input) })
        },
        .method("gradients") { object, arguments, _ in
            let net = object.network
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
        },
        .method("train") { object, arguments, runtime in try object.train(arguments, runtime) },
        .method("activations") { object, arguments, runtime in
            let net = object.network
            let inputs = try EngineConversions.tensor(try match(arguments, Signature("activations(_:)", .tensorLike))[0], "activations")
            try EngineConversions.checkFinite(inputs.scalars, "activations: the inputs")
            try runtime.checkElements(product: [inputs.rows, net.layers.reduce(0) { $0 &+ max(0, $1.units) }], "activations")
            return .list(try EngineConversions.engine { try net.activations(inputs) }.map(TensorObject.value))
        },
        .method("symbolic") { object, arguments, _ in
            _ = try match(arguments, Signature("symbolic()"))
            return .object(SymbolicObject(try EngineConversions.engine { try object.network.symbolic() }))
        },
        .method("loss") { object, arguments, _ in
            let values = try match(arguments, Signature("loss(inputs:loss:l2:)", .tensorLike, .member("Loss"), .defaulted(.double, .double(0))))
            let inputs = try EngineConversions.tensor(values[0], "loss")
            let loss = try EngineConversions.loss(values[1])
            return .double(try EngineConversions.engine { try object.network.loss(inputs: inputs, loss: loss, l2: values[2].double) })
        },
        .method("predict") { object, arguments, _ in
            let inputs = try EngineConversions.tensor(try match(arguments, Signature("predict(_:)", .tensorLike))[0], "predict")
            return .list(try EngineConversions.engine { try object.network.predict(inputs) }.map { .int($0) })
        },
        .method("accuracy") { object, arguments, _ in
            let dataset = try match(arguments, Signature("accuracy(on:)", .object("Dataset")))[0]
            guard case let .object(other) = dataset, let data = (other as? DatasetObject)?.dataset else { return .void }
            return .double(try EngineConversions.engine { try object.network.accuracy(on: data) })
        },
        .method("weightMatrix") { object, arguments, _ in
            let layer = try match(arguments, Signature("weightMatrix(layer:)", .int))[0].int
            return try TensorObject.value(try EngineConversions.engine { try object.network.weightMatrix(layer: layer) })
        },
        .method("setWeightMatrix") { object, arguments, _ in
            let values = try match(arguments, Signature("setWeightMatrix(_:layer:)", .tensorLike, .int))
            let matrix = try EngineConversions.tensor(values[0], "setWeightMatrix")
            try EngineConversions.checkFinite(matrix.scalars, "setWeightMatrix: the matrix")
            try EngineConversions.engine { try object.network.setWeightMatrix(matrix, layer: values[1].int) }
            return .void
        },
        .method("biasVector") { object, arguments, _ in
            let layer = try match(arguments, Signature("biasVector(layer:)", .int))[0].int
            return try TensorObject.value(try EngineConversions.engine { try object.network.biasVector(layer: layer) })
        },
    ])

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
