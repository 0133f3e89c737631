#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Methods of the language's own values (arrays, strings, dictionaries, numbers, ranges);
/// engine objects answer their own. Mutating methods change `receiver` in place.
enum Methods {
    /// The label an unlabelled trailing closure stands for (`sorted { … }` is `sorted(by:)`).
    static let trailingLabels: [String: String] = [
        "sorted": "by", "sort": "by", "min": "by", "max": "by", "first": "where", "last": "where",
        "firstIndex": "where", "lastIndex": "where", "contains": "where", "removeAll": "where",
    ]

    /// Whether the argument at `index` is a closure written last without a label.
    static func isTrailingClosure(_ arguments: [Argument], _ index: Int) -> Bool {
        guard index >= 0, index == arguments.count - 1, arguments[index].label == nil, case .function = arguments[index].value else { return false }
        return true
    }

    static func call(_ receiver: inout Value, _ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        switch receiver.tag {
        case .object:
            guard case let .object(object) = receiver else { break }
            if let result = try object.method(name, arguments, runtime) { return result }
            if let property = try? object.property(name, runtime) {
                throw Failure("cannot call value of non-function type '\(property.typeName)' ('\(name)' is a property of '\(object.typeName)')")
            }
            throw Members.noMember(receiver, name, object.memberNames, arguments: arguments)
        case .array:
            return try array(&receiver, name, arguments, runtime)
        case .range:
            if Compiler.mutatingMethods.contains(name) { break }
            if name == "contains", arguments.count == 1, arguments[0].label == nil, case let .range(lower, upper, closed) = receiver {
                guard let number = arguments[0].value.asDouble else { break }
                return .bool(number >= Double(lower) && (closed ? number <= Double(upper) : number < Double(upper)))
            }
            var items = Value.list(try Sequences.array(receiver, limit: runtime.limits.tensorElements))
            return try array(&items, name, arguments, runtime)
        case .string:
            return try string(&receiver, name, arguments, runtime)
        case .dictionary:
            return try dictionary(&receiver, name, arguments, runtime)
        case .int, .double:
            return try number(receiver, name, arguments)
        case .none:
            throw Failure("value of optional type must be unwrapped to call '\(name)'; use '!' or 'if let'")
        default:
            break
        }
        throw Members.noMember(receiver, name, Members.memberNames(of: receiver), arguments: arguments)
    }

    /// Calls a function value with positional arguments.
    static func apply(_ function: Value, _ values: [Value], _ runtime: Runtime) throws -> Value {
        try Compiler.invoke(function, values.map { Argument(label: nil, value: $0) }, runtime)
    }

    static func predicate(_ function: Value, _ value: Value, _ runtime: Runtime) throws -> Bool {
        let result = try apply(function, [value], runtime)
        guard case let .bool(test) = result else {
            throw Failure("the closure must return a Bool, not '\(result.typeName)'")
        }
        return test
    }

    /// Orders two values with `by` (a closure or an operator), or with `<`.
    static func ordered(_ by: Value?, _ runtime: Runtime) -> (Value, Value) throws -> Bool {
        guard let by else { return { try Operators.compare("<", $0, $1) } }
        return { a, b in
            let result = try apply(by, [a, b], runtime)
            guard case let .bool(test) = result else { throw Failure("the sort closure must return a Bool") }
            return test
        }
    }

    static func array(_ receiver: inout Value, _ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        // Mutating methods must not hold a second reference to the array, or it is copied.
        let labels = arguments.map(\.label)
        let first = arguments.first?.value
        let count = Methods.count(receiver)
        switch (name, labels) {
        case ("append", [nil]):
            try append(arguments[0].value, to: &receiver, runtime)
            return .void
        case ("append", ["contentsOf"]):
            let more = try Sequences.array(arguments[0].value, limit: runtime.limits.tensorElements)
            try runtime.checkElements(count, plus: more.count, "the array")
            return try mutate(&receiver, adding: Value.list(more).extent) { $0.append(contentsOf: more) }
        case ("insert", [nil, "at"]):
            guard case let .int(index) = arguments[1].value, index >= 0, index <= count else {
                throw Failure("insert position \(arguments[1].value.debugText) is out of range for an array of \(count) elements")
            }
            try runtime.checkElements(count, plus: 1, "the array")
            return try mutate(&receiver, adding: Extent.empty.holding(arguments[0].value.extent)) { $0.insert(arguments[0].value, at: index) }
        case ("remove", ["at"]):
            guard case let .int(index) = arguments[0].value else { throw Failure("remove(at:) needs an Int index") }
            let position = try Subscripts.checked(index, count)
            var removed = Value.void
            _ = try mutate(&receiver, removed: { removed.extent }) { removed = $0.remove(at: position) }
            return removed
        case ("removeLast", []), ("removeFirst", []), ("popLast", []):
            if count == 0 {
                if name == "popLast" { return .none }
                throw Failure("can't remove \(name == "removeFirst" ? "first" : "last") element from an empty collection")
            }
            var removed = Value.void
            _ = try mutate(&receiver, removed: { removed.extent }) { removed = name == "removeFirst" ? $0.removeFirst() : $0.removeLast() }
            return removed
        case ("removeAll", []):
            return try mutate(&receiver) { $0.removeAll() }
        case ("reverse", []):
            return try mutate(&receiver) { $0.reverse() }
        case ("swapAt", [nil, nil]):
            guard case let .int(i) = arguments[0].value, case let .int(j) = arguments[1].value else {
                throw Failure("swapAt needs two Int indices")
            }
            let a = try Subscripts.checked(i, count), b = try Subscripts.checked(j, count)
            return try mutate(&receiver) { $0.swapAt(a, b) }
        default:
            break
        }
        guard case let .array(items, _) = receiver else { return .void }
        switch (name, labels) {
        case ("removeAll", ["where"]):
            let kept = try items.filter { try !predicate(first ?? .void, $0, runtime) }
            receiver = .list(kept)
            return .void
        case ("sort", []), ("sort", ["by"]):
            let sorted = try items.sorted(by: ordered(first, runtime))
            receiver = .list(sorted)
            return .void
        default:
            return try sequence(items, name, arguments, runtime, receiver: receiver)
        }
    }

    static func count(_ value: Value) -> Int {
        if case let .array(items, _) = value { return items.count }
        return 0
    }

    /// `receiver.append(value)` for an array, in place, when it stays within `limit` elements
    /// and the extent budgets: the loop-friendly path, which neither throws nor allocates.
    /// False (and nothing changed) when a budget would be passed: `append` then reports it.
    @inline(__always)
    static func appendInPlace(_ value: Value, to receiver: inout Value, limit: Int) -> Bool {
        guard case .array(var items, var extent) = receiver, items.count < limit else { return false }
        if value.tag == .array || value.tag == .tuple || value.tag == .dictionary {
            extent = extent.holding(value.extent)
            guard extent.depth <= Budgets.nesting, extent.size <= Budgets.reach else { return false }
        } else {
            extent.addScalar()
        }
        receiver = .void
        items.append(value)
        receiver = .array(items, extent: extent)
        return true
    }

    /// `receiver.append(value)` for an array, or the error of the budget it would pass.
    static func append(_ value: Value, to receiver: inout Value, _ runtime: Runtime) throws {
        if appendInPlace(value, to: &receiver, limit: runtime.limits.tensorElements) { return }
        try runtime.checkElements(count(receiver), plus: 1, "the array")
        try receiver.extent.holding(value.extent).check()
    }

    /// Changes the array held by `receiver` without copying it (no allocation: appending in a
    /// loop stays a hot path). `adding` is the extent of what the change puts in (the array's
    /// grows with it, and is checked first); `removed`, read after the change, the extent of
    /// what it took out.
    static func mutate(_ receiver: inout Value, adding: Extent? = nil, removed: (() -> Extent)? = nil,
                       _ body: (inout [Value]) -> Void) throws -> Value {
        guard case .array(var items, var extent) = receiver else { return .void }
        if let adding {
            extent = extent.joined(with: adding)
            try extent.check()
        }
        receiver = .void
        body(&items)
        if let removed { extent = extent.without(removed()) }
        receiver = .array(items, extent: items.isEmpty ? .empty : extent)
        return .void
    }

    /// The non-mutating methods every sequence has.
    static func sequence(_ items: [Value], _ name: String, _ arguments: [Argument], _ runtime: Runtime, receiver: Value) throws -> Value {
        let labels = arguments.map(\.label)
        let first = arguments.first?.value ?? .void
        try runtime.spend(items.count)
        switch (name, labels) {
        case ("map", [nil]):
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items { result.append(try apply(first, [item], runtime)) }
            return try .nested(result)
        case ("compactMap", [nil]):
            return try .nested(try items.map { try apply(first, [$0], runtime) }.filter { !$0.isNone })
        case ("flatMap", [nil]):
            return try .nested(try items.flatMap { try Sequences.array(try apply(first, [$0], runtime), limit: runtime.limits.tensorElements) })
        case ("filter", [nil]):
            return .list(try items.filter { try predicate(first, $0, runtime) })
        case ("forEach", [nil]):
            for item in items {
                // A closure's dropped figure is shown, as a statement's is (`xs.forEach { plot($0) }`).
                if let figure = FigureObject.dropped(try apply(first, [item], runtime)) { runtime.emit(.display(figure)) }
            }
            return .void
        case ("reduce", [nil, nil]):
            var result = first
            for item in items { result = try apply(arguments[1].value, [result, item], runtime) }
            return result
        case ("reduce", ["into", nil]):
            throw Failure("reduce(into:_:) is not supported in cells; use reduce(_:_:) or a for loop")
        case ("sorted", []), ("sorted", ["by"]):
            return .list(try items.sorted(by: ordered(arguments.first?.value, runtime)))
        case ("reversed", []):
            return .list(items.reversed())
        case ("enumerated", []):
            return try .nested(items.enumerated().map { .tuple(Tuple([.int($0.offset), $0.element], labels: ["offset", "element"])) })
        case ("contains", [nil]):
            if case .function = first {
                return .bool(try items.contains { try predicate(first, $0, runtime) })
            }
            return .bool(items.contains(first))
        case ("contains", ["where"]):
            return .bool(try items.contains { try predicate(first, $0, runtime) })
        case ("allSatisfy", [nil]):
            return .bool(try items.allSatisfy { try predicate(first, $0, runtime) })
        case ("first", ["where"]):
            return try items.first { try predicate(first, $0, runtime) } ?? .none
        case ("last", ["where"]):
            return try items.last { try predicate(first, $0, runtime) } ?? .none
        case ("firstIndex", ["of"]):
            return items.firstIndex(of: first).map { .int($0) } ?? .none
        case ("firstIndex", ["where"]):
            return try items.firstIndex { try predicate(first, $0, runtime) }.map { .int($0) } ?? .none
        case ("lastIndex", ["of"]):
            return items.lastIndex(of: first).map { .int($0) } ?? .none
        case ("min", []), ("max", []), ("min", ["by"]), ("max", ["by"]):
            let less = ordered(arguments.first?.value, runtime)
            guard var best = items.first else { return .none }
            for item in items.dropFirst() {
                if name == "min" ? try less(item, best) : try less(best, item) { best = item }
            }
            return best
        case ("joined", []), ("joined", ["separator"]):
            let separator = labels.isEmpty ? "" : first.string
            if case .array = items.first {
                let total = items.reduce(0) { $0 &+ Methods.count($1) }
                try runtime.checkElements(total < 0 ? Int.max : total, "the joined array")
                return .list(items.flatMap(\.items))
            }
            var text = BoundedText()
            for (index, item) in items.enumerated() {
                try text.append(index == 0 ? try item.described() : separator + (try item.described()))
            }
            return .string(text.text)
        case ("prefix", [nil]), ("suffix", [nil]), ("dropFirst", [nil]), ("dropLast", [nil]), ("dropFirst", []), ("dropLast", []):
            let count = labels.isEmpty ? 1 : first.int
            guard case .int = labels.isEmpty ? .int(1) : first, count >= 0 else {
                throw Failure("\(name) needs a count ≥ 0")
            }
            switch name {
            case "prefix": return .list(Array(items.prefix(count)))
            case "suffix": return .list(Array(items.suffix(count)))
            case "dropFirst": return .list(Array(items.dropFirst(count)))
            default: return .list(Array(items.dropLast(count)))
            }
        case ("shuffled", _), ("randomElement", _):
            throw Failure("\(name) is not supported in cells: randomness comes from seeded engine streams")
        default:
            throw Members.noMember(receiver, name, Members.memberNames(of: receiver), arguments: arguments)
        }
    }
}
