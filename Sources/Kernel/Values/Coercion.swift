/// Converts values to declared types: the one place where `let x: Double = 1` makes 1.0,
/// and where a value of the wrong type is reported.
enum Coercion {
    static func convert(_ value: Value, to type: TypeSpec, context: String) throws -> Value {
        if let converted = converted(value, to: type) { return converted }
        throw Failure("cannot convert value of type '\(value.typeName)' to \(context == "return expression" ? "return type" : context == "argument" ? "expected argument type" : "specified type") '\(type.written)'")
    }

    /// The value as `type`, or nil when it is not one.
    static func converted(_ value: Value, to type: TypeSpec) -> Value? {
        switch (type, value) {
        case (.int, .int), (.bool, .bool), (.string, .string), (.double, .double): return value
        case let (.double, .int(number)): return .double(Double(number))
        case let (.optional(wrapped), _):
            if case .none = value { return value }
            return converted(value, to: wrapped)
        case let (.array(element), .array(items, _)):
            if element == .double, items.allSatisfy({ if case .double = $0 { return true } else { return false } }) { return value }
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items {
                guard let item = converted(item, to: element) else { return nil }
                result.append(item)
            }
            return .list(result)
        case let (.dictionary(keyType, valueType), .dictionary(box)):
            let result = DictionaryBox()
            for (key, item) in zip(box.keys, box.values) {
                guard let key = converted(key, to: keyType), let item = converted(item, to: valueType) else { return nil }
                result.set(key, item)
            }
            return .dictionary(result)
        case let (.tuple(types), .tuple(tuple)):
            guard types.count == tuple.items.count else { return nil }
            var items: [Value] = []
            for (item, itemType) in zip(tuple.items, types) {
                guard let item = converted(item, to: itemType) else { return nil }
                items.append(item)
            }
            return .tuple(Tuple(items, labels: tuple.labels))
        case (.function, .function): return value
        case let (.named(name), _):
            switch name {
            case "Any", "AnyObject": return value
            case "Network", "Tensor", "TrainingRun", "Dataset", "Symmetry", "Derivation", "NamedValues", "Dense":
                if case let .object(object) = value, object.typeName == name { return value }
                if name == "Dense", case .object = value { return value }
                return nil
            case "Activation", "Initializer", "Loss":
                if case .member = value { return value }
                if name == "Activation", case let .object(object) = value, object is ActivationObject { return value }
                return nil
            default: return value
            }
        default: return nil
        }
    }
}
