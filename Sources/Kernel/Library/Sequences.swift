/// What `for … in` and the sequence builtins walk over: arrays, ranges, dictionaries
/// (as `(key:, value:)` tuples) and strings (as one-character strings).
enum Sequences {
    /// A function from position to element, nil past the end.
    static func elements(of value: Value) throws -> (Int) -> Value? {
        switch value {
        case let .array(items):
            return { index in index < items.count ? items[index] : nil }
        case let .range(lower, upper, closed):
            let count = closed ? upper - lower + 1 : upper - lower
            return { index in index < count ? .int(lower + index) : nil }
        case let .dictionary(box):
            let keys = box.keys, values = box.values
            return { index in
                index < keys.count ? .tuple(Tuple([keys[index], values[index]], labels: ["key", "value"])) : nil
            }
        case let .string(text):
            let characters = text.map { Value.string(String($0)) }
            return { index in index < characters.count ? characters[index] : nil }
        case let .object(object):
            if let items = object.asSequence { return { index in index < items.count ? items[index] : nil } }
        default: break
        }
        throw Failure("for-in needs a sequence (an array, range, dictionary or string), not a value of type '\(value.typeName)'")
    }

    /// All elements as an array.
    static func array(_ value: Value) throws -> [Value] {
        switch value {
        case let .array(items): return items
        case let .range(lower, upper, closed):
            let end = closed ? upper : upper - 1
            return lower <= end ? (lower...end).map { .int($0) } : []
        default:
            let next = try elements(of: value)
            var result: [Value] = []
            var index = 0
            while let element = next(index) {
                result.append(element)
                index += 1
            }
            return result
        }
    }
}
