/// `xs[i]`, `xs[1..<3]`, `d[k]`, `d[k, default: 0]`, `net["w5"]`, `t[i, j]`: reading and
/// changing in place. Every index is checked.
enum Subscripts {
    static func get(_ value: Value, _ keys: [Argument], _ runtime: Runtime) throws -> Value {
        switch value {
        case let .array(items, _):
            guard keys.count == 1, keys[0].label == nil else { throw Failure("an array takes one index, as in xs[i]") }
            switch keys[0].value {
            case let .int(index):
                return items[try checked(index, items.count)]
            case let .range(lower, upper, closed):
                guard lower >= 0, closed ? upper < items.count : upper <= items.count else {
                    throw Failure("range \(keys[0].value.debugText) is out of bounds for an array of \(items.count) elements")
                }
                return .list(Array(items[lower..<(closed ? upper + 1 : upper)]))
            default:
                throw Failure("an array index must be an Int, not '\(keys[0].value.typeName)'")
            }
        case let .dictionary(box):
            let key = try dictionaryKey(keys)
            if let found = box[key.key] { return found }
            return key.defaultValue ?? .none
        case let .string(text):
            guard keys.count == 1, case let .int(index) = keys[0].value else {
                throw Failure("a string takes one Int index here, as in s[i]")
            }
            let characters = Array(text)
            return .string(String(characters[try checked(index, characters.count)]))
        case let .object(object):
            if let result = try object.subscriptGet(keys, runtime) { return result }
            throw Failure("value of type '\(object.typeName)' has no subscripts")
        case .none:
            throw Failure("value of optional type must be unwrapped before subscripting; use '!' or 'if let'")
        default:
            throw Failure("value of type '\(value.typeName)' has no subscripts")
        }
    }

    static func checked(_ index: Int, _ count: Int) throws -> Int {
        guard index >= 0, index < count else {
            throw Failure("index \(index) is out of range for \(count == 0 ? "an empty collection" : "a collection of \(count) element\(count == 1 ? "" : "s") (0…\(count - 1))")")
        }
        return index
    }

    static func dictionaryKey(_ keys: [Argument]) throws -> (key: Value, defaultValue: Value?) {
        switch keys.count {
        case 1 where keys[0].label == nil:
            break
        case 2 where keys[0].label == nil && keys[1].label == "default":
            break
        default:
            throw Failure("a dictionary takes one key, as in d[key] or d[key, default: value]")
        }
        guard keys[0].value.isHashableKey else {
            throw Failure("a dictionary key must be a number, string, Bool or tuple of them, not '\(keys[0].value.typeName)'")
        }
        return (keys[0].value, keys.count == 2 ? keys[1].value : nil)
    }

    static func modify(_ container: inout Value, _ keys: [Argument], _ runtime: Runtime, _ body: (inout Value) throws -> Void) throws {
        switch container.tag {
        case .array:
            guard keys.count == 1, keys[0].label == nil, case let .int(index) = keys[0].value else {
                throw Failure("an array element is changed through one Int index, as in xs[i] = value")
            }
            guard case .array(var items, let extent) = container else { return }
            let position = try checked(index, items.count)
            let old = items[position].extent
            container = .void
            defer { container = .array(items, extent: extent.without(old).holding(items[position].extent)) }
            try body(&items[position])
            try extent.without(old).holding(items[position].extent).check()
        case .dictionary:
            let key = try dictionaryKey(keys)
            guard case var .dictionary(box) = container else { return }
            container = .void
            if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(copying: box) }
            defer { container = .dictionary(box) }
            if box[key.key] != nil {
                var removed = false
                try box.modifyValue(at: key.key) { stored in
                    try body(&stored)
                    removed = stored.isNone
                }
                if removed { box.set(key.key, nil) }
                try box.extent.check()
                return
            }
            var current = key.defaultValue ?? .none
            try body(&current)
            try current.extent.check()
            if !current.isNone { try runtime.checkElements(box.count, plus: 1, "the dictionary") }
            box.set(key.key, current.isNone ? nil : current)
        case .object:
            guard case let .object(object) = container else { return }
            var current = try get(container, keys, runtime)
            try body(&current)
            guard try object.subscriptSet(keys, current, runtime) else {
                throw Failure("cannot assign through subscript: a '\(object.typeName)' is read-only")
            }
        case .none:
            throw Failure("value of optional type must be unwrapped before subscripting; use '!'")
        default:
            throw Failure("cannot assign through subscript of a value of type '\(container.typeName)'")
        }
    }
}
