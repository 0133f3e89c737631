/// A dictionary's storage: keys in insertion order, with an index for lookup.
///
/// Shared between copies of a dictionary value and copied on the first mutation of a
/// shared box (`Value.modifyDictionary` checks `isKnownUniquelyReferenced`).
final class DictionaryBox {
    private(set) var keys: [Value]
    private(set) var values: [Value]
    private var index: [Value: Int]
    /// One more than the deepest key's or value's depth (an upper bound after removals).
    private(set) var depth = 1

    init() {
        keys = []
        values = []
        index = [:]
    }

    init(copying other: DictionaryBox) {
        keys = other.keys
        values = other.values
        index = other.index
        depth = other.depth
    }

    var count: Int { keys.count }

    subscript(key: Value) -> Value? {
        index[key].map { values[$0] }
    }

    /// Sets `key` to `value`, or removes it when `value` is nil.
    func set(_ key: Value, _ value: Value?) {
        if let value {
            depth = max(depth, key.depth + 1, value.depth + 1)
            if let position = index[key] {
                values[position] = value
            } else {
                index[key] = keys.count
                keys.append(key)
                values.append(value)
            }
        } else if let position = index.removeValue(forKey: key) {
            keys.remove(at: position)
            values.remove(at: position)
            for offset in position..<keys.count { index[keys[offset]] = offset }
        }
    }

    /// Modifies the value of `key` in place (the key must be present).
    func modifyValue(at key: Value, _ body: (inout Value) throws -> Void) rethrows {
        guard let position = index[key] else { return }
        defer { depth = max(depth, values[position].depth + 1) }
        try body(&values[position])
    }

    func removeAll() {
        keys = []
        values = []
        index = [:]
    }
}
