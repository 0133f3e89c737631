/// What `for … in` and the sequence builtins walk over: arrays, ranges, dictionaries
/// (as `(key:, value:)` tuples) and strings (as one-character strings).
enum Sequences {
    /// A function from position to element, nil past the end.
    static func elements(of value: Value) throws -> (Int) -> Value? {
        switch value {
        case let .array(items, _):
            return { index in index < items.count ? items[index] : nil }
        case let .range(lower, upper, closed):
            let count = try Sequences.count(lower, upper, closed: closed)
            return { index in index < count ? .int(lower &+ index) : nil }
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

    /// The number of Ints in a range; a range of more than `Int.max` (`Int.min...3`) is an
    /// error, as counting it is in Swift.
    static func count(_ lower: Int, _ upper: Int, closed: Bool) throws -> Int {
        let (span, below) = upper.subtractingReportingOverflow(lower)
        let (count, past) = closed ? span.addingReportingOverflow(1) : (span, false)
        guard !below, !past, count >= 0 else {
            throw Failure("the range \(lower)\(closed ? "..." : "..<")\(upper) has more elements than an Int can count")
        }
        return count
    }

    /// All elements as an array, of at most `limit` elements (a range is counted before
    /// anything is made).
    static func array(_ value: Value, limit: Int) throws -> [Value] {
        switch value {
        case let .array(items, _): return items
        case let .range(lower, upper, closed):
            let count = try Sequences.count(lower, upper, closed: closed)
            guard count <= limit else {
                throw Failure("the range \(value.description) would make an array of \(count) elements, more than the limit of \(limit)")
            }
            try Memory.check(adding: count &* MemoryLayout<Value>.stride, "the range \(value.description) as an array")
            return (0..<count).map { .int(lower &+ $0) }
        default:
            let next = try elements(of: value)
            var result: [Value] = []
            var index = 0
            while let element = next(index) {
                result.append(element)
                index += 1
            }
            guard result.count <= limit else {
                throw Failure("the sequence would make an array of \(result.count) elements, more than the limit of \(limit)")
            }
            return result
        }
    }
}
