import Engine

extension Builtins {
    func registerEngine() {
        defineType(TypeObject("Network", construct: { arguments, runtime in
            let values = try match(arguments, Signature(
                "Network(inputs:layers:activation:bias:)", .int, .array(.any), .defaulted(.member("Activation"), .member(ImplicitMember(name: "identity", arguments: nil))),
                .defaulted(.bool, .bool(true))))
            let inputs = values[0].int
            let activation = try EngineConversions.activation(values[2])
            let layers: [Dense] = try values[1].items.map { layer in
                switch layer {
                case let .int(units): return Dense(units, activation)
                case let .object(object as DenseObject): return object.dense
                default: throw Failure("layers: each layer is a unit count or Dense(units, activation), not '\(layer.typeName)'")
                }
            }
            var fanIn = inputs, total = 0
            for layer in layers {
                total = total &+ max(0, fanIn) &* max(0, layer.units)
                fanIn = layer.units
            }
            try runtime.checkElements(total, "Network")
            return .object(NetworkObject(try EngineConversions.engine { try Network(inputs: inputs, layers: layers, bias: values[3].bool) }))
        }))
        defineType(TypeObject("Dense", construct: { arguments, _ in
            let values = try match(arguments, Signature(
                "Dense(_:_:)", .int, .defaulted(.member("Activation"), .member(ImplicitMember(name: "identity", arguments: nil)))))
            return .object(DenseObject(Dense(values[0].int, try EngineConversions.activation(values[1]))))
        }))
        let shaped: (String) -> Member<TypeObject> = { name in
            .method(name) { _, arguments, runtime in
                let signature = name == "zeros" || name == "ones"
                    ? Signature("\(name)(_:_:)", .int, .int)
                    : Signature("\(name)(_:_:seed:)", .int, .int, .defaulted(.int, .int(0)))
                let values = try match(arguments, signature)
                let rows = values[0].int, columns = values[1].int
                try runtime.checkElements(product: [rows, columns], "Tensor.\(name)(\(rows), \(columns))")
                return try TensorObject.value(try EngineConversions.engine {
                    switch name {
                    case "zeros": return try Tensor.zeros(rows, columns)
                    case "ones": return try Tensor.ones(rows, columns)
                    case "rand": return try Tensor.rand(rows, columns, seed: values[2].int)
                    default: return try Tensor.randn(rows, columns, seed: values[2].int)
                    }
                })
            }
        }
        defineType(TypeObject("Tensor", construct: { arguments, runtime in
            let value = try match(arguments, Signature("Tensor(_:)", .tensorLike))[0]
            let tensor = try EngineConversions.tensor(value, "Tensor")
            try runtime.checkElements(tensor.count, "Tensor")
            return try TensorObject.value(tensor)
        }, members: ["zeros", "ones", "rand", "randn"].map(shaped)))
        // Each data set's signature, made where it is matched: a `Signature` holds values, which are not `Sendable`.
        let datasetSignature: @Sendable (String) -> Signature = { name in
            switch name {
            case "spiral": return Signature("spiral(pointsPerClass:classes:noise:seed:)", .defaulted(.int, .int(100)), .defaulted(.int, .int(3)), .defaulted(.double, .double(0.2)), .defaulted(.int, .int(0)))
            case "moons": return Signature("moons(points:noise:seed:)", .defaulted(.int, .int(200)), .defaulted(.double, .double(0.1)), .defaulted(.int, .int(0)))
            case "circles": return Signature("circles(points:noise:factor:seed:)", .defaulted(.int, .int(200)), .defaulted(.double, .double(0.05)), .defaulted(.double, .double(0.5)), .defaulted(.int, .int(0)))
            case "xor": return Signature("xor(points:noise:seed:)", .defaulted(.int, .int(200)), .defaulted(.double, .double(0)), .defaulted(.int, .int(0)))
            default: return Signature("blobs(pointsPerClass:classes:std:seed:)", .defaulted(.int, .int(100)), .defaulted(.int, .int(3)), .defaulted(.double, .double(1)), .defaulted(.int, .int(0)))
            }
        }
        let datasetMethods = ["spiral", "moons", "circles", "xor", "blobs"].map { name in
            Member<TypeObject>.method(name) { _, arguments, runtime in
                let v = try match(arguments, datasetSignature(name))
                let data = try EngineConversions.engine { () throws -> Dataset in
                    switch name {
                    case "spiral": return try Dataset.spiral(pointsPerClass: v[0].int, classes: v[1].int, noise: v[2].double, seed: v[3].int)
                    case "moons": return try Dataset.moons(points: v[0].int, noise: v[1].double, seed: v[2].int)
                    case "circles": return try Dataset.circles(points: v[0].int, noise: v[1].double, factor: v[2].double, seed: v[3].int)
                    case "xor": return try Dataset.xor(points: v[0].int, noise: v[1].double, seed: v[2].int)
                    default: return try Dataset.blobs(pointsPerClass: v[0].int, classes: v[1].int, std: v[2].double, seed: v[3].int)
                    }
                }
                try runtime.checkElements(data.inputs.count, "Dataset.\(name)")
                return .object(DatasetObject(data))
            }
        }
        defineType(TypeObject("Dataset", members: datasetMethods))
        registerMemberTypes()
    }

    /// `Activation`, `Initializer`, `Loss` as types: `Loss.mse(targets: ys)` and `Activation.relu`
    /// are the implicit members `.mse(targets: ys)` and `.relu`, checked where they are written.
    private func registerMemberTypes() {
        let types: [(name: String, properties: [String], methods: [String], check: @Sendable (Value) throws -> Void)] = [
            ("Activation", ["identity", "relu", "leakyReLU", "tanh", "sigmoid"], ["leakyReLU"], { _ = try EngineConversions.activation($0) }),
            ("Initializer", ["zeros", "xavier", "he", "glorot"], ["constant", "uniform", "normal"], { _ = try EngineConversions.initializer($0) }),
            ("Loss", ["output"], ["mse", "crossEntropy", "binaryCrossEntropy"], { _ = try EngineConversions.loss($0) }),
        ]
        for type in types {
            let check = type.check
            let properties = type.properties.map { name in
                Member<TypeObject>.property(name) { _, _ in .member(ImplicitMember(name: name, arguments: nil)) }
            }
            let methods = type.methods.map { name in
                Member<TypeObject>.method(name) { _, arguments, _ in
                    let member = Value.member(ImplicitMember(name: name, arguments: arguments))
                    try check(member)
                    return member
                }
            }
            defineType(TypeObject(type.name, members: properties + methods))
        }
    }
}
