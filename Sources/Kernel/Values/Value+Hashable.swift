/// Equality as the language sees it: Int and Double compare by value (1 == 1.0),
/// collections element by element, functions and engine objects by identity.
extension Value: Hashable {
    static func == (left: Value, right: Value) -> Bool {
        switch (left, right) {
        case (.void, .void), (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.int(a), .double(b)): return Double(a) == b
        case let (.double(a), .int(b)): return a == Double(b)
        case let (.string(a), .string(b)): return a == b
        case let (.array(a, _), .array(b, _)): return a == b
        case let (.dictionary(a), .dictionary(b)):
            guard a.count == b.count else { return false }
            return zip(a.keys, a.values).allSatisfy { key, value in b[key] == value }
        case let (.tuple(a), .tuple(b)): return a.items == b.items
        case let (.range(a0, a1, ac), .range(b0, b1, bc)): return a0 == b0 && a1 == b1 && ac == bc
        case let (.function(a), .function(b)): return a === b
        case let (.member(a), .member(b)): return a.written == b.written
        case let (.object(a), .object(b)): return a.isEqual(to: b)
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .void: hasher.combine(0)
        case .none: hasher.combine(1)
        case let .bool(value): hasher.combine(value)
        case let .int(value): hasher.combine(value)
        case let .double(value):
            // Integral doubles hash like the equal Int, since 1 == 1.0.
            if value.rounded(.towardZero) == value, abs(value) < 9.0e18 {
                hasher.combine(Int(value))
            } else {
                hasher.combine(value)
            }
        case let .string(value): hasher.combine(value)
        case let .array(items, _): hasher.combine(items)
        case let .dictionary(box): hasher.combine(box.count)
        case let .tuple(tuple): hasher.combine(tuple.items)
        case let .range(lower, upper, closed):
            hasher.combine(lower)
            hasher.combine(upper)
            hasher.combine(closed)
        case let .function(function): hasher.combine(ObjectIdentifier(function))
        case let .member(member): hasher.combine(member.name)
        case let .object(object): hasher.combine(ObjectIdentifier(object))
        }
    }

    /// Whether the value can be a dictionary key.
    var isHashableKey: Bool {
        switch self {
        case .bool, .int, .double, .string: return true
        case let .tuple(tuple): return tuple.items.allSatisfy(\.isHashableKey)
        default: return false
        }
    }
}
