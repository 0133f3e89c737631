/// A dictionary's storage: keys in insertion order, with an index for lookup.
///
/// Shared between copies of a dictionary value and copied on the first mutation of a
/// shared box (`Value.modifyDictionary` checks `isKnownUniquelyReferenced`).
final class DictionaryBox {
    private(set) var keys: [Value]
    private(set) var values: [Value]
    private var index: [Value: Int]
    /// How deeply the dictionary nests and how many values a walk through it meets, keys
    /// included (the depth is an upper bound after removals).
    private(set) var extent = Extent.empty

    init() {
        keys = []
        values = []
        index = [:]
    }

    init(copying other: DictionaryBox) {
        keys = other.keys
        values = other.values
        index = other.index
        extent = other.extent
    }

    var count: Int { keys.count }

    subscript(key: Value) -> Value? {
        index[key].map { values[$0] }
    }

    /// Sets `key` to `value`, or removes it when `value` is nil.
    func set(_ key: Value, _ value: Value?) {
        if let value {
            if let position = index[key] {
                extent = extent.without(values[position].extent).holding(value.extent)
                values[position] = value
            } else {
                extent = extent.holding(key.extent).holding(value.extent)
                index[key] = keys.count
                keys.append(key)
                values.append(value)
            }
        } else if let position = index.removeValue(forKey: key) {
            extent = extent.without(keys[position].extent).without(values[position].extent)
            keys.remove(at: position)
            values.remove(at: position)
            for offset in position..<keys.count { index[keys[offset]] = offset }
        }
    }

    /// Modifies the value of `key` in place (the key must be present).
    func modifyValue(at key: Value, _ body: (inout Value) throws -> Void) rethrows {
        guard let position = index[key] else { return }
        let old = values[position].extent
        defer { extent = extent.without(old).holding(values[position].extent) }
        try body(&values[position])
    }

    func removeAll() {
        keys = []
        values = []
        index = [:]
        extent = .empty
    }
}
