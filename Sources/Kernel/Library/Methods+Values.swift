#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Methods {
    static func string(_ receiver: inout Value, _ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        guard case let .string(text) = receiver else { return .void }
        let labels = arguments.map(\.label)
        let first = arguments.first?.value ?? .void
        switch (name, labels) {
        case ("uppercased", []): return .string(text.uppercased())
        case ("lowercased", []): return .string(text.lowercased())
        case ("hasPrefix", [nil]): return .bool(text.hasPrefix(first.string))
        case ("hasSuffix", [nil]): return .bool(text.hasSuffix(first.string))
        case ("contains", [nil]) where first.isString:
            let needle = first.string
            return .bool(needle.isEmpty || text.indices.contains { text[$0...].hasPrefix(needle) })
        case ("split", ["separator"]):
            let separator = first.string
            guard separator.count == 1, let character = separator.first else {
                throw Failure("split(separator:) takes a single character")
            }
            return .list(text.split(separator: character).map { .string(String($0)) })
        case ("replacingOccurrences", ["of", "with"]):
            return .string(replacing(text, first.string, arguments[1].value.string))
        case ("reversed", []):
            return .string(String(text.reversed()))
        case ("append", [nil]):
            guard case let .string(more) = first else { throw Failure("append to a String needs a String") }
            guard case var .string(value) = receiver else { return .void }
            receiver = .void
            value += more
            receiver = .string(value)
            return .void
        default:
            let characters = text.map { Value.string(String($0)) }
            return try sequence(characters, name, arguments, runtime, receiver: receiver)
        }
    }

    static func replacing(_ text: String, _ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    static func dictionary(_ receiver: inout Value, _ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        guard case let .dictionary(box) = receiver else { return .void }
        let labels = arguments.map(\.label)
        switch (name, labels) {
        case ("removeValue", ["forKey"]), ("updateValue", [nil, "forKey"]):
            let key = arguments[name == "removeValue" ? 0 : 1].value
            guard key.isHashableKey else { throw Failure("a dictionary key must be a number, string, Bool or tuple") }
            guard case var .dictionary(storage) = receiver else { return .void }
            receiver = .void
            if !isKnownUniquelyReferenced(&storage) { storage = DictionaryBox(copying: storage) }
            let old = storage[key] ?? .none
            storage.set(key, name == "removeValue" ? nil : arguments[0].value)
            receiver = .dictionary(storage)
            return old
        case ("removeAll", []):
            receiver = .dictionary(DictionaryBox())
            return .void
        case ("mapValues", [nil]):
            let result = DictionaryBox()
            for (key, value) in zip(box.keys, box.values) { result.set(key, try apply(arguments[0].value, [value], runtime)) }
            return .dictionary(result)
        case ("filter", [nil]):
            let result = DictionaryBox()
            for (key, value) in zip(box.keys, box.values) {
                let pair = Value.tuple(Tuple([key, value], labels: ["key", "value"]))
                if try predicate(arguments[0].value, pair, runtime) { result.set(key, value) }
            }
            return .dictionary(result)
        default:
            let pairs = zip(box.keys, box.values).map { Value.tuple(Tuple([$0, $1], labels: ["key", "value"])) }
            return try sequence(pairs, name, arguments, runtime, receiver: receiver)
        }
    }

    static func number(_ receiver: Value, _ name: String, _ arguments: [Argument]) throws -> Value {
        let labels = arguments.map(\.label)
        switch (receiver, name, labels) {
        case let (.int(value), "isMultiple", ["of"]):
            guard case let .int(divisor) = arguments[0].value else { throw Failure("isMultiple(of:) needs an Int") }
            return .bool(divisor == 0 ? value == 0 : value.isMultiple(of: divisor))
        case (_, "squareRoot", []):
            return .double(receiver.double.squareRoot())
        case (_, "rounded", []):
            return .double(receiver.double.rounded())
        case (_, "rounded", [nil]):
            guard case let .member(rule) = arguments[0].value else { throw Failure("rounded(_:) takes a rule such as .down") }
            let rules: [String: FloatingPointRoundingRule] = [
                "down": .down, "up": .up, "towardZero": .towardZero, "awayFromZero": .awayFromZero,
                "toNearestOrEven": .toNearestOrEven, "toNearestOrAwayFromZero": .toNearestOrAwayFromZero,
            ]
            guard let found = rules[rule.name] else { throw Failure("unknown rounding rule \(rule.written)") }
            return .double(receiver.double.rounded(found))
        case (_, "truncatingRemainder", ["dividingBy"]):
            guard let divisor = arguments[0].value.asDouble else { throw Failure("truncatingRemainder(dividingBy:) needs a number") }
            return .double(fmod(receiver.double, divisor))
        default:
            throw Members.noMember(receiver, name, Members.memberNames(of: receiver), arguments: arguments)
        }
    }
}

extension Value {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
