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

    static func value(_ tensor: Tensor) -> Value { .object(TensorObject(tensor)) }

    override var memberNames: [String] {
        ["shape", "rows", "columns", "count", "T", "mean", "std", "sum", "min", "max", "matmul", "transposed", "row",
         "column", "array", "scalars", "squareRoot", "exp", "log", "applying", "argmaxPerRow", "map"]
    }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "shape": return .tuple(Tuple([.int(tensor.rows), .int(tensor.columns)]))
        case "rows": return .int(tensor.rows)
        case "columns": return .int(tensor.columns)
        case "count": return .int(tensor.count)
        case "T": return Self.value(tensor.T)
        case "array": return .array(tensor.array.map(EngineConversions.doubles))
        case "scalars": return EngineConversions.doubles(tensor.scalars)
        default: return nil
        }
    }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        let t = tensor
        switch name {
        case "mean", "std", "sum", "min", "max":
            if arguments.isEmpty {
                return .double(try EngineConversions.engine {
                    switch name {
                    case "mean": return t.mean()
                    case "std": return t.std()
                    case "sum": return t.sum()
                    case "min": return try t.min()
                    default: return try t.max()
                    }
                })
            }
            guard name != "std", arguments.map(\.label) == ["axis"] else { break }
            let axis = try match(arguments, Signature("\(name)(axis:)", .int))[0].int
            switch name {
            case "sum": return Self.value(try EngineConversions.engine { try t.sum(axis: axis) })
            case "mean": return Self.value(try EngineConversions.engine { try t.mean(axis: axis) })
            case "min", "max": return Self.value(try Self.extreme(t, axis: axis, largest: name == "max"))
            default: break
            }
        case "matmul":
            let other = try EngineConversions.tensor(try match(arguments, Signature("matmul(_:)", .tensorLike))[0], "matmul")
            try runtime.checkElements(t.rows * other.columns, "matmul")
            return Self.value(try EngineConversions.engine { try t.matmul(other) })
        case "transposed":
            _ = try match(arguments, Signature("transposed()"))
            return Self.value(t.T)
        case "row", "column":
            let index = try match(arguments, Signature("\(name)(_:)", .int))[0].int
            return Self.value(try EngineConversions.engine { name == "row" ? try t.row(index) : try t.column(index) })
        case "squareRoot", "exp", "log", "argmaxPerRow":
            _ = try match(arguments, Signature("\(name)()"))
            switch name {
            case "squareRoot": return Self.value(t.squareRoot())
            case "exp": return Self.value(t.exp())
            case "log": return Self.value(t.log())
            default: return .array(t.argmaxPerRow().map { .int($0) })
            }
        case "applying":
            let activation = try EngineConversions.activation(try match(arguments, Signature("applying(_:)", .member("Activation")))[0])
            return Self.value(t.applying(activation))
        case "map":
            let function = try match(arguments, Signature("map(_:)", .function))[0]
            try runtime.spend(t.count)
            return Self.value(try t.map { scalar in
                let result = try Methods.apply(function, [.double(scalar)], runtime)
                guard let number = result.asDouble else { throw Failure("the closure given to map must return a number") }
                return number
            })
        default: break
        }
        return nil
    }

    /// The forms each method is called in, for messages about a call that fits none.
    static let forms: [String: [String]] = [
        "mean": ["mean()", "mean(axis:)"], "sum": ["sum()", "sum(axis:)"], "min": ["min()", "min(axis:)"],
        "max": ["max()", "max(axis:)"], "std": ["std()"], "matmul": ["matmul(_:)"], "transposed": ["transposed()"],
        "row": ["row(_:)"], "column": ["column(_:)"], "squareRoot": ["squareRoot()"], "exp": ["exp()"], "log": ["log()"],
        "argmaxPerRow": ["argmaxPerRow()"], "applying": ["applying(_:)"], "map": ["map(_:)"],
    ]

    override func forms(of name: String) -> [String] { Self.forms[name] ?? [] }

    /// The smallest or largest element along an axis, as numpy's `min(axis=)`/`max(axis=)`:
    /// axis 0 gives a 1 × columns row, axis 1 a rows × 1 column; NaN wins, as in numpy.
    static func extreme(_ t: Tensor, axis: Int, largest: Bool) throws -> Tensor {
        let name = largest ? "max" : "min"
        guard axis == 0 || axis == 1 else {
            throw Failure("\(name)(axis:): axis must be 0 (down the rows) or 1 (across the columns), got \(axis)")
        }
        let (count, length) = axis == 0 ? (t.columns, t.rows) : (t.rows, t.columns)
        guard length > 0 else {
            throw Failure("\(name)(axis: \(axis)): the tensor of shape \(t.shape) has nothing along that axis")
        }
        let scalars = t.scalars, columns = t.columns
        var result = [Double](repeating: 0, count: count)
        for index in 0..<count {
            var best = scalars[axis == 0 ? index : index * columns]
            for step in 1..<length {
                let value = scalars[axis == 0 ? step * columns + index : index * columns + step]
                if value.isNaN || best.isNaN {
                    best = .nan
                } else if largest ? value > best : value < best {
                    best = value
                }
            }
            result[index] = best
        }
        return try EngineConversions.engine {
            try Tensor(rows: axis == 0 ? 1 : t.rows, columns: axis == 0 ? t.columns : 1, scalars: result)
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
            case ("+", _): return TensorObject.value(tensor + scalar)
            case ("*", _): return TensorObject.value(tensor * scalar)
            case ("-", true): return TensorObject.value(tensor - scalar)
            case ("-", false): return TensorObject.value(scalar - tensor)
            case ("/", true): return TensorObject.value(tensor / scalar)
            case ("/", false): return TensorObject.value(tensor.map { scalar / $0 })
            default: return nil
            }
        }
        guard case let .object(otherObject) = other, let second = (otherObject as? TensorObject)?.tensor else { return nil }
        let (left, right) = objectOnLeft ? (tensor, second) : (second, tensor)
        return try EngineConversions.engine {
            switch op {
            case "+": return TensorObject.value(try left + right)
            case "-": return TensorObject.value(try left - right)
            case "*": return TensorObject.value(try left * right)
            case "/": return TensorObject.value(try left / right)
            default: return nil
            }
        }
    }
}
