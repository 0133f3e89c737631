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
        let shaped: (String) -> ([Argument], Runtime) throws -> Value = { name in
            { arguments, runtime in
                let signature = name == "zeros" || name == "ones"
                    ? Signature("\(name)(_:_:)", .int, .int)
                    : Signature("\(name)(_:_:seed:)", .int, .int, .defaulted(.int, .int(0)))
                let values = try match(arguments, signature)
                let rows = values[0].int, columns = values[1].int
                let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
                try runtime.checkElements(overflow ? Int.max : count, "Tensor.\(name)(\(rows), \(columns))")
                return TensorObject.value(try EngineConversions.engine {
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
            return TensorObject.value(tensor)
        }, methods: ["zeros": shaped("zeros"), "ones": shaped("ones"), "rand": shaped("rand"), "randn": shaped("randn")]))
        let datasets: [String: Signature] = [
            "spiral": Signature("spiral(pointsPerClass:classes:noise:seed:)", .defaulted(.int, .int(100)), .defaulted(.int, .int(3)), .defaulted(.double, .double(0.2)), .defaulted(.int, .int(0))),
            "moons": Signature("moons(points:noise:seed:)", .defaulted(.int, .int(200)), .defaulted(.double, .double(0.1)), .defaulted(.int, .int(0))),
            "circles": Signature("circles(points:noise:factor:seed:)", .defaulted(.int, .int(200)), .defaulted(.double, .double(0.05)), .defaulted(.double, .double(0.5)), .defaulted(.int, .int(0))),
            "xor": Signature("xor(points:noise:seed:)", .defaulted(.int, .int(200)), .defaulted(.double, .double(0)), .defaulted(.int, .int(0))),
            "blobs": Signature("blobs(pointsPerClass:classes:std:seed:)", .defaulted(.int, .int(100)), .defaulted(.int, .int(3)), .defaulted(.double, .double(1)), .defaulted(.int, .int(0))),
        ]
        var datasetMethods: [String: ([Argument], Runtime) throws -> Value] = [:]
        for (name, signature) in datasets {
            datasetMethods[name] = { arguments, runtime in
                let v = try match(arguments, signature)
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
        defineType(TypeObject("Dataset", methods: datasetMethods))
        registerMemberTypes()
    }

    /// `Activation`, `Initializer`, `Loss` as types: `Loss.mse(targets: ys)` and `Activation.relu`
    /// are the implicit members `.mse(targets: ys)` and `.relu`, checked where they are written.
    private func registerMemberTypes() {
        let types: [(name: String, properties: [String], methods: [String], check: (Value) throws -> Void)] = [
            ("Activation", ["identity", "relu", "leakyReLU", "tanh", "sigmoid"], ["leakyReLU"], { _ = try EngineConversions.activation($0) }),
            ("Initializer", ["zeros", "xavier", "he", "glorot"], ["constant", "uniform", "normal"], { _ = try EngineConversions.initializer($0) }),
            ("Loss", ["output"], ["mse", "crossEntropy", "binaryCrossEntropy"], { _ = try EngineConversions.loss($0) }),
        ]
        for type in types {
            var properties: [String: Value] = [:]
            for name in type.properties { properties[name] = .member(ImplicitMember(name: name, arguments: nil)) }
            var methods: [String: ([Argument], Runtime) throws -> Value] = [:]
            for name in type.methods {
                let check = type.check
                methods[name] = { arguments, _ in
                    let member = Value.member(ImplicitMember(name: name, arguments: arguments))
                    try check(member)
                    return member
                }
            }
            defineType(TypeObject(type.name, properties: properties, methods: methods))
        }
    }
}
