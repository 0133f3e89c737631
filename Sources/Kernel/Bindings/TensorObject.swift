import Outputs
import Engine

/// A tensor seen from a cell: a value (operations make new tensors), shown as a table when small.
final class TensorObject: KernelObject {
    let tensor: Tensor

    init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    override var typeName: String { "Tensor" }
    override var description: String { tensor.count > 100 ? "Tensor\(tensor.shape)" : tensor.description }
    override func isEqual(to other: KernelObject) -> Bool { (other as? TensorObject)?.tensor == tensor }

    /// A tensor as a cell's value; a large one is checked against the machine's memory.
    static func value(_ tensor: Tensor) throws -> Value {
        if tensor.count >= 1 << 17 { try Memory.check(adding: 0, "a \(tensor.rows)×\(tensor.columns) tensor", large: true) }
        return .object(TensorObject(tensor))
    }

    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(TensorObject.self, [
        .property("shape") { object, _ in .tuple(Tuple([.int(object.tensor.rows), .int(object.tensor.columns)])) },
        .property("rows") { object, _ in .int(object.tensor.rows) },
        .property("columns") { object, _ in .int(object.tensor.columns) },
        .property("count") { object, _ in .int(object.tensor.count) },
        .property("T") { object, _ in try value(object.tensor.T) },
        reduction("mean", { $0.mean() }, axis: { try $0.mean(axis: $1) }),
        reduction("std", { $0.std() }, axis: nil),
        reduction("sum", { $0.sum() }, axis: { try $0.sum(axis: $1) }),
        reduction("min", { try $0.min() }, axis: { try $0.min(axis: $1) }),
        reduction("max", { try $0.max() }, axis: { try $0.max(axis: $1) }),
        .method("matmul", forms: ["matmul(_:)"]) { object, arguments, runtime in
            let t = object.tensor
            let other = try EngineConversions.tensor(try match(arguments, Signature("matmul(_:)", .tensorLike))[0], "matmul")
            try runtime.checkElements(product: [t.rows, other.columns], "matmul")
            return try value(try EngineConversions.engine { try t.matmul(other) })
        },
        .method("transposed", forms: ["transposed()"]) { object, arguments, _ in
            _ = try match(arguments, Signature("transposed()"))
            return try value(object.tensor.T)
        },
        .method("row", forms: ["row(_:)"]) { object, arguments, _ in
            let index = try match(arguments, Signature("row(_:)", .int))[0].int
            return try value(try EngineConversions.engine { try object.tensor.row(index) })
        },
        .method("column", forms: ["column(_:)"]) { object, arguments, _ in
            let index = try match(arguments, Signature("column(_:)", .int))[0].int
            return try value(try EngineConversions.engine { try object.tensor.column(index) })
        },
        .property("array") { object, _ in .list(object.tensor.array.map(EngineConversions.doubles)) },
        .property("scalars") { object, _ in EngineConversions.doubles(object.tensor.scalars) },
        elementwise("squareRoot") { try value($0.squareRoot()) },
        elementwise("exp") { try value($0.exp()) },
        elementwise("log") { try value($0.log()) },
        .method("applying", forms: ["applying(_:)"]) { object, arguments, _ in
            let activation = try EngineConversions.activation(try match(arguments, Signature("applying(_:)", .member("Activation")))[0])
            return try value(object.tensor.applying(activation))
        },
        elementwise("argmaxPerRow") { .list($0.argmaxPerRow().map { .int($0) }) },
        .method("map", forms: ["map(_:)"]) { object, arguments, runtime in
            let function = try match(arguments, Signature("map(_:)", .function))[0]
            try runtime.spend(object.tensor.count)
            return try value(try object.tensor.map { scalar in
                let result = try Methods.apply(function, [.double(scalar)], runtime)
                guard let number = result.asDouble else { throw Failure("the closure given to map must return a number") }
                return number
            })
        },
    ])

    /// `mean`, `sum`, … : `name()` over every element, and `name(axis:)` when `axis` is given.
    /// Other arguments fit neither form (nil), so the message lists the forms.
    private static func reduction(
        _ name: String, _ whole: @escaping @Sendable (Tensor) throws -> Double,
        axis: (@Sendable (Tensor, Int) throws -> Tensor)?
    ) -> Member<TensorObject> {
        .method(name, forms: axis == nil ? ["\(name)()"] : ["\(name)()", "\(name)(axis:)"]) { object, arguments, _ in
            let t = object.tensor
            if arguments.isEmpty { return .double(try EngineConversions.engine { try whole(t) }) }
            guard let axis, arguments.map(\.label) == ["axis"] else { return nil }
            let index = try match(arguments, Signature("\(name)(axis:)", .int))[0].int
            return try value(try EngineConversions.engine { try axis(t, index) })
        }
    }

    /// A method taking no arguments, `t.exp()`.
    private static func elementwise(_ name: String, _ body: @escaping @Sendable (Tensor) throws -> Value) -> Member<TensorObject> {
        .method(name, forms: ["\(name)()"]) { object, arguments, _ in
            _ = try match(arguments, Signature("\(name)()"))
            return try body(object.tensor)
        }
    }

    override func subscriptGet(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        let indices = try match(arguments, Signature("subscript(_:_:)", .int, .int))
        return .double(try EngineConversions.engine { try tensor[indices[0].int, indices[1].int] })
    }

    override func display(_ runtime: Runtime) throws -> Display {
        guard tensor.rows <= 30, tensor.columns <= 12 else {
            return .text("Tensor\(tensor.shape): mean \(Value.format(tensor.mean())), std \(Value.format(tensor.std()))")
        }
        let columns = (0..<tensor.columns).map { String($0) }
        let rows = tensor.array.map { $0.map { Display.Table.Cell.number($0) } }
        return .table(Display.Table(columns: columns, rows: rows, caption: "Tensor\(tensor.shape)"))
    }
}

/// `+ − * /` between tensors and with numbers, elementwise with the engine's broadcasting.
enum TensorArithmetic {
    static func binary(_ op: String, _ object: KernelObject, _ other: Value, objectOnLeft: Bool) throws -> Value? {
        guard let tensor = (object as? TensorObject)?.tensor else { return nil }
        if let scalar = other.asDouble {
            switch (op, objectOnLeft) {
            case ("+", _): return try TensorObject.value(tensor + scalar)
            case ("*", _): return try TensorObject.value(tensor * scalar)
            case ("-", true): return try TensorObject.value(tensor - scalar)
            case ("-", false): return try TensorObject.value(scalar - tensor)
            case ("/", true): return try TensorObject.value(tensor / scalar)
            case ("/", false): return try TensorObject.value(tensor.map { scalar / $0 })
            default: return nil
            }
        }
        guard case let .object(otherObject) = other, let second = (otherObject as? TensorObject)?.tensor else { return nil }
        let (left, right) = objectOnLeft ? (tensor, second) : (second, tensor)
        return try EngineConversions.engine {
            switch op {
            case "+": return try TensorObject.value(try left + right)
            case "-": return try TensorObject.value(try left - right)
            case "*": return try TensorObject.value(try left * right)
            case "/": return try TensorObject.value(try left / right)
            default: return nil
            }
        }
    }
}
