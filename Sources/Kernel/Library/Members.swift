import Markup
/// Properties of values: `xs.count`, `d.keys`, `pair.0`, `x.isNaN`, `net.weights`.
enum Members {
    static func get(_ value: Value, _ name: String, _ runtime: Runtime) throws -> Value {
        if name == "description" { return .string(try value.described()) }
        switch value {
        case let .array(items, _):
            switch name {
            case "count": return .int(items.count)
            case "isEmpty": return .bool(items.isEmpty)
            case "first": return items.first ?? .none
            case "last": return items.last ?? .none
            case "indices": return .range(0, items.count, closed: false)
            case "startIndex": return .int(0)
            case "endIndex": return .int(items.count)
            default: break
            }
        case let .string(text):
            switch name {
            case "count": return .int(text.count)
            case "isEmpty": return .bool(text.isEmpty)
            case "first": return text.first.map { .string(String($0)) } ?? .none
            case "last": return text.last.map { .string(String($0)) } ?? .none
            default: break
            }
        case let .dictionary(box):
            switch name {
            case "count": return .int(box.count)
            case "isEmpty": return .bool(box.count == 0)
            case "keys": return .list(box.keys)
            case "values": return .list(box.values)
            default: break
            }
        case let .tuple(tuple):
            if let element = tuple.element(name) { return element }
        case let .int(number):
            switch name {
            case "magnitude": return number == .min ? .double(Double(number).magnitude) : .int(abs(number))
            case "isMultiple": break
            default: break
            }
        case let .double(number):
            switch name {
            case "isNaN": return .bool(number.isNaN)
            case "isFinite": return .bool(number.isFinite)
            case "isInfinite": return .bool(number.isInfinite)
            case "magnitude": return .double(number.magnitude)
            case "sign": return .string(number.sign == .minus ? "minus" : "plus")
            default: break
            }
        case let .range(lower, upper, closed):
            switch name {
            case "lowerBound": return .int(lower)
            case "upperBound": return .int(upper)
            case "count": return .int(try Sequences.count(lower, upper, closed: closed))
            case "isEmpty": return .bool(!closed && lower == upper)
            default: break
            }
        case let .object(object):
            if let property = try object.property(name, runtime) { return property }
            throw noMember(value, name, object.memberNames)
        case .none:
            throw Failure("value of optional type must be unwrapped to refer to member '\(name)'; use '!' or 'if let'")
        default: break
        }
        throw noMember(value, name, memberNames(of: value))
    }

    /// A member that does not exist. When `name` is a method called with arguments that fit
    /// none of its forms (or used without a call), the message names the forms that exist
    /// ("did you mean 'max()' or 'max(axis:)'?") rather than a different name that is close.
    static func noMember(_ value: Value, _ name: String, _ candidates: [String], arguments: [Argument]? = nil) -> Failure {
        let owner: String
        if case let .object(type as TypeObject) = value { owner = "type '\(type.name)'" } else { owner = "value of type '\(value.typeName)'" }
        let forms = self.forms(of: value, name)
        if candidates.contains(name) || !forms.isEmpty {
            let called = arguments.map { name + "(" + $0.map { ($0.label ?? "_") + ":" }.joined() + ")" }
            let what = called.map { "no method '\($0)'" } ?? "no property '\(name)'"
            guard !forms.isEmpty else {
                return Failure("\(owner) has \(what); '\(name)' \(arguments == nil ? "is a method: call it" : "does not take these arguments")")
            }
            let listed = forms.map { "'\($0)'" }
            let alternatives = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]
            return Failure("\(owner) has \(what); did you mean \(alternatives)?")
        }
        let suggestion = Suggestion.closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
        return Failure("\(owner) has no member '\(name)'\(suggestion)")
    }

    /// The forms a method of a value is called in, when the value's type lists them.
    static func forms(of value: Value, _ name: String) -> [String] {
        switch value {
        case let .object(object): return object.forms(of: name)
        case .array, .range: return arrayForms[name] ?? []
        default: return []
        }
    }

    /// How the methods of arrays (and ranges) are called.
    static let arrayForms: [String: [String]] = [
        "count": ["count"], "isEmpty": ["isEmpty"], "indices": ["indices"],
        "min": ["min()", "min(by:)"], "max": ["max()", "max(by:)"], "sorted": ["sorted()", "sorted(by:)"],
        "sort": ["sort()", "sort(by:)"], "map": ["map(_:)"], "compactMap": ["compactMap(_:)"], "flatMap": ["flatMap(_:)"],
        "filter": ["filter(_:)"], "forEach": ["forEach(_:)"], "reduce": ["reduce(_:_:)"], "reversed": ["reversed()"],
        "enumerated": ["enumerated()"], "contains": ["contains(_:)", "contains(where:)"], "allSatisfy": ["allSatisfy(_:)"],
        "first": ["first", "first(where:)"], "last": ["last", "last(where:)"],
        "firstIndex": ["firstIndex(of:)", "firstIndex(where:)"], "lastIndex": ["lastIndex(of:)"],
        "joined": ["joined()", "joined(separator:)"], "prefix": ["prefix(_:)"], "suffix": ["suffix(_:)"],
        "dropFirst": ["dropFirst()", "dropFirst(_:)"], "dropLast": ["dropLast()", "dropLast(_:)"],
        "append": ["append(_:)", "append(contentsOf:)"], "insert": ["insert(_:at:)"], "remove": ["remove(at:)"],
        "removeAll": ["removeAll()", "removeAll(where:)"], "swapAt": ["swapAt(_:_:)"],
    ]

    static func memberNames(of value: Value) -> [String] {
        switch value {
        case .array:
            return ["count", "isEmpty", "first", "last", "indices", "map", "filter", "reduce", "sorted", "enumerated",
                    "contains", "append", "min", "max", "joined", "reversed", "firstIndex", "forEach", "compactMap"]
        case .string: return ["count", "isEmpty", "first", "last", "uppercased", "lowercased", "hasPrefix", "hasSuffix", "split"]
        case .dictionary: return ["count", "isEmpty", "keys", "values", "sorted", "removeValue", "mapValues"]
        case .double: return ["isNaN", "isFinite", "isInfinite", "magnitude", "squareRoot", "rounded", "truncatingRemainder"]
        case .int: return ["magnitude", "isMultiple"]
        default: return []
        }
    }

    /// Changes a property in place (`object.property = …`).
    static func modify(_ container: inout Value, _ name: String, _ runtime: Runtime, _ body: (inout Value) throws -> Void) throws {
        guard case let .object(object) = container else {
            throw Failure("cannot assign to property '\(name)' of a value of type '\(container.typeName)'")
        }
        var current = try get(container, name, runtime)
        try body(&current)
        guard try object.setProperty(name, current, runtime) else {
            throw Failure("cannot assign to property: '\(name)' is a get-only property")
        }
    }
}
