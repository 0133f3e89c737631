/// The declared parameters of a builtin, written Swift's way (`train(inputs:loss:…)`), so
/// arguments are checked by label and type and a mismatch shows the expected signature.
struct Signature {
    /// What a parameter accepts; `convert` gives the value in its canonical form (Int → Double).
    indirect enum Kind {
        case any, int, double, bool, string, function
        case array(Kind)
        case optional(Kind)
        /// An engine object of this type name (`Network`, `Tensor`, …).
        case object(String)
        /// An implicit member such as `.relu`, named by the type it stands for.
        case member(String)
        /// A pair of numbers, `(-1, 1)`.
        case pair
        /// A Tensor, or rows of numbers given as `[[Double]]` or one row as `[Double]`.
        case tensorLike
        /// A parameter with a default value.
        case defaulted(Kind, Value)

        var written: String {
            switch self {
            case .any: return "Any"
            case .int: return "Int"
            case .double: return "Double"
            case .bool: return "Bool"
            case .string: return "String"
            case .function: return "function"
            case let .array(element): return "[\(element.written)]"
            case let .optional(wrapped): return "\(wrapped.written)?"
            case let .object(name), let .member(name): return name
            case .pair: return "(Double, Double)"
            case .tensorLike: return "Tensor"
            case let .defaulted(kind, value): return "\(kind.written) = \(value.debugText)"
            }
        }

        func convert(_ value: Value) -> Value? {
            switch (self, value) {
            case (.any, _): return value
            case (.int, .int), (.bool, .bool), (.string, .string), (.double, .double), (.function, .function): return value
            case let (.double, .int(number)): return .double(Double(number))
            case let (.array(element), .array(items, _)):
                var result: [Value] = []
                result.reserveCapacity(items.count)
                for item in items {
                    guard let converted = element.convert(item) else { return nil }
                    result.append(converted)
                }
                return .list(result)
            case let (.array(element), .range):
                return (try? Sequences.array(value, limit: Limits.ceiling.tensorElements)).flatMap { Kind.array(element).convert(.list($0)) }
            case let (.optional(wrapped), _):
                if case .none = value { return value }
                return wrapped.convert(value)
            case let (.object(name), .object(object)):
                return object.typeName == name ? value : nil
            case (.member, .member): return value
            case let (.member(name), .object(object)) where object.typeName == name: return value
            case let (.pair, .tuple(tuple)):
                guard tuple.items.count == 2, let low = tuple.items[0].asDouble, let high = tuple.items[1].asDouble else { return nil }
                return .tuple(Tuple([.double(low), .double(high)]))
            case (.tensorLike, .object(let object)) where object.typeName == "Tensor": return value
            case (.tensorLike, .array):
                return Kind.array(.array(.double)).convert(value) ?? Kind.array(.double).convert(value)
            case let (.defaulted(kind, _), _): return kind.convert(value)
            default: return nil
            }
        }

        var defaultValue: Value? {
            if case let .defaulted(_, value) = self { return value }
            return nil
        }
    }

    let name: String
    let labels: [String?]
    let kinds: [Kind]

    /// A signature from Swift's spelling of a name (`randn(_:_:seed:)`) and one kind per parameter.
    init(_ spelled: String, _ kinds: Kind...) {
        let open = spelled.firstIndex(of: "(") ?? spelled.endIndex
        name = String(spelled[..<open])
        let inside = spelled[open...].dropFirst().dropLast()
        labels = inside.split(separator: ":", omittingEmptySubsequences: true).map { $0 == "_" ? nil : String($0) }
        self.kinds = kinds
    }

    /// `train(inputs: [[Double]], loss: Loss, steps: Int = 100)`.
    var written: String {
        name + "(" + zip(labels, kinds).map { label, kind in (label ?? "_") + ": " + kind.written }.joined(separator: ", ") + ")"
    }

    /// The arguments matched to the parameters (defaults filled in), or why they do not match.
    func bind(_ arguments: [Argument]) -> Result<[Value], Failure> {
        var values: [Value] = []
        var next = 0
        var skipped: String??
        for (label, kind) in zip(labels, kinds) {
            if next < arguments.count, arguments[next].label == label || Methods.isTrailingClosure(arguments, next) {
                guard let converted = kind.convert(arguments[next].value) else {
                    return .failure(Failure(
                        "cannot convert value of type '\(arguments[next].value.typeName)' to expected argument type '\(kind.written.split(separator: "=").first.map { $0.trimmingSpaces } ?? "")'"))
                }
                values.append(converted)
                next += 1
            } else if let defaultValue = kind.defaultValue {
                values.append(defaultValue)
                if skipped == nil { skipped = .some(label) }
            } else if next < arguments.count {
                let have = arguments[next].label.map { "\($0):" } ?? "_:"
                return .failure(Failure("incorrect argument label in call (have '\(have)', expected '\(label.map { "\($0):" } ?? "_:")')"))
            } else {
                return .failure(Failure("missing argument for parameter \(label.map { "'\($0)'" } ?? "#\(values.count + 1)") in call"))
            }
        }
        if next < arguments.count {
            if let have = arguments[next].label, case let .some(expected) = skipped {
                return .failure(Failure("incorrect argument label in call (have '\(have):', expected '\(expected.map { "\($0):" } ?? "_:")')"))
            }
            return .failure(Failure("extra argument\(arguments[next].label.map { " '\($0)'" } ?? "") in call"))
        }
        return .success(values)
    }
}

/// Matches arguments against overloads: the index of the first that fits and the values.
/// When none fits, the overload whose labels agree longest with the arguments explains why.
func match(_ arguments: [Argument], _ signatures: [Signature]) throws -> (Int, [Value]) {
    var failures: [Failure] = []
    for (index, signature) in signatures.enumerated() {
        switch signature.bind(arguments) {
        case let .success(values): return (index, values)
        case let .failure(failure): failures.append(failure)
        }
    }
    func agreement(_ signature: Signature) -> Int {
        zip(signature.labels, arguments.map(\.label)).prefix { $0 == $1 }.count
    }
    let scores = signatures.map(agreement)
    if let best = scores.max(), scores.filter({ $0 == best }).count == 1, let index = scores.firstIndex(of: best) {
        throw Failure("\(failures[index].message); expected \(signatures[index].written)")
    }
    throw Failure("no exact matches in call to '\(signatures.first?.name ?? "")'; expected "
        + signatures.map(\.written).joined(separator: " or "))
}

/// Matches arguments against one signature.
func match(_ arguments: [Argument], _ signature: Signature) throws -> [Value] {
    try match(arguments, [signature]).1
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension Value {
    /// Unchecked readers for values a signature has already converted.
    var int: Int {
        if case let .int(value) = self { return value }
        return 0
    }

    var double: Double {
        asDouble ?? .nan
    }

    var bool: Bool {
        if case let .bool(value) = self { return value }
        return false
    }

    var string: String {
        if case let .string(value) = self { return value }
        return description
    }

    var items: [Value] {
        if case let .array(values, _) = self { return values }
        return []
    }

    var doubles: [Double] {
        items.map(\.double)
    }

    var ints: [Int] {
        items.map(\.int)
    }

    var strings: [String] {
        items.map(\.string)
    }
}
