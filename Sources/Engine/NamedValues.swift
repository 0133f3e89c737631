/// Numbers by name, in order: the weights of a network, its gradients, one step of a run.
public struct NamedValues: Sendable, Equatable, Sequence, CustomStringConvertible {
    /// The names, in order (`w1`, `w2`, …, then `b1`, … when present).
    public let names: [String]
    /// The values, in the same order.
    public let values: [Double]

    /// Pairs names with values (equal counts).
    public init(names: [String], values: [Double]) {
        let count = Swift.min(names.count, values.count)
        self.names = Array(names.prefix(count))
        self.values = Array(values.prefix(count))
    }

    /// The number of entries.
    public var count: Int { names.count }

    /// The value of `name`, or nil when there is none.
    public subscript(name: String) -> Double? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// The value of `name`; throws when there is none.
    public func value(_ name: String) throws -> Double {
        guard let value = self[name] else {
            throw EngineError.unknownName(name, known: names.isEmpty ? "there are none" : "known: \(Self.summary(of: names))")
        }
        return value
    }

    /// The entries whose names are listed, in the order listed; throws for an unknown name.
    public func selecting(_ selected: [String]) throws -> NamedValues {
        NamedValues(names: selected, values: try selected.map(value))
    }

    /// Iterates over (name, value) pairs.
    public func makeIterator() -> AnyIterator<(name: String, value: Double)> {
        var index = 0
        return AnyIterator {
            guard index < names.count else { return nil }
            defer { index += 1 }
            return (names[index], values[index])
        }
    }

    /// The entries as a dictionary.
    public var dictionary: [String: Double] {
        Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
    }

    /// `w1 = 0.5, w2 = 0.5, …`.
    public var description: String {
        zip(names, values).map { "\($0) = \($1)" }.joined(separator: ", ")
    }

    /// A short list of names: all of them, or the first and last few.
    static func summary(of names: [String]) -> String {
        if names.count <= 8 { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + ", …, " + names.suffix(2).joined(separator: ", ")
    }
}
