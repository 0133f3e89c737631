import Markup
import Engine

/// Turns cell values into engine values: implicit members into activations, initializers
/// and losses; numbers and arrays into tensors. Engine errors become located messages.
enum EngineConversions {
    /// Runs an engine call, turning its errors into cell errors.
    static func engine<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EngineError {
            throw Failure(error.description)
        }
    }

    static func member(_ value: Value, _ type: String) throws -> ImplicitMember {
        guard case let .member(member) = value else {
            throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type '\(type)'")
        }
        return member
    }

    static func unknown(_ member: ImplicitMember, _ type: String, _ known: [String]) -> Failure {
        let suggestion = Suggestion.closest(to: member.name, in: known).map { "; did you mean '.\($0)'?" } ?? ""
        return Failure("type '\(type)' has no member '\(member.name)'\(suggestion) (known: \(known.map { "." + $0 }.joined(separator: ", ")))")
    }

    static func activation(_ value: Value) throws -> Activation {
        if case let .object(object) = value, let activation = (object as? ActivationObject)?.activation { return activation }
        let member = try self.member(value, "Activation")
        let arguments = member.arguments ?? []
        switch member.name {
        case "identity", "relu", "tanh", "sigmoid":
            guard arguments.isEmpty else { throw Failure(".\(member.name) takes no arguments") }
            return member.name == "identity" ? .identity : member.name == "relu" ? .relu : member.name == "tanh" ? .tanh : .sigmoid
        case "leakyReLU":
            let values = try match(arguments, Signature("leakyReLU(_:)", .defaulted(.double, .double(0.01))))
            return .leakyReLU(values[0].double)
        default:
            throw unknown(member, "Activation", ["identity", "relu", "leakyReLU", "tanh", "sigmoid"])
        }
    }

    static func initializer(_ value: Value) throws -> Initializer {
        let member = try self.member(value, "Initializer")
        let arguments = member.arguments ?? []
        switch member.name {
        case "zeros", "xavier", "he", "glorot":
            guard arguments.isEmpty else { throw Failure(".\(member.name) takes no arguments") }
            return member.name == "zeros" ? .zeros : member.name == "xavier" ? .xavier : member.name == "he" ? .he : .glorot
        case "constant":
            return .constant(try finite(try match(arguments, Signature("constant(_:)", .double))[0].double, "constant"))
        case "uniform":
            let values = try match(arguments, Signature("uniform(_:_:)", .double, .double))
            return .uniform(values[0].double, values[1].double)
        case "normal":
            return .normal(std: try match(arguments, Signature("normal(std:)", .double))[0].double)
        default:
            throw unknown(member, "Initializer", ["zeros", "constant", "uniform", "normal", "xavier", "he", "glorot"])
        }
    }

    static func loss(_ value: Value) throws -> Loss {
        let member = try self.member(value, "Loss")
        let arguments = member.arguments ?? []
        switch member.name {
        case "output":
            guard member.arguments == nil else { throw Failure(".output takes no arguments") }
            return .output
        case "mse":
            let target = try match(arguments, Signature("mse(targets:)", .any))[0]
            if case let .object(object) = target, let tensor = (object as? TensorObject)?.tensor { return .mse(targets: tensor) }
            if let rows = Signature.Kind.array(.array(.double)).convert(target) { return .mse(targets: rows.items.map(\.doubles)) }
            if let row = Signature.Kind.array(.double).convert(target) { return .mse(targets: row.doubles) }
            throw Failure("cannot convert value of type '\(target.typeName)' to expected argument type '[[Double]]'; expected mse(targets: [[Double]])")
        case "crossEntropy", "binaryCrossEntropy":
            let labels = try match(arguments, Signature("\(member.name)(labels:)", .array(.int)))[0].ints
            return member.name == "crossEntropy" ? .crossEntropy(labels: labels) : .binaryCrossEntropy(labels: labels)
        default:
            throw unknown(member, "Loss", ["output", "mse", "crossEntropy", "binaryCrossEntropy"])
        }
    }

    static func finite(_ value: Double, _ what: String) throws -> Double {
        guard value.isFinite else { throw Failure("\(what): \(Value.format(value)) is not a finite number") }
        return value
    }

    /// A tensor from a Tensor value, rows `[[Double]]`, or one row `[Double]`.
    static func tensor(_ value: Value, _ what: String) throws -> Tensor {
        if case let .object(object) = value, let tensor = (object as? TensorObject)?.tensor { return tensor }
        if let rows = Signature.Kind.array(.array(.double)).convert(value), case let .array(items, _) = rows, !items.isEmpty {
            return try engine { try Tensor(items.map(\.doubles)) }
        }
        if let row = Signature.Kind.array(.double).convert(value) { return Tensor(row.doubles) }
        throw Failure("\(what) needs a Tensor or rows of numbers, not a value of type '\(value.typeName)'")
    }

    /// Throws when any number is NaN or infinite (they would poison training silently).
    static func checkFinite(_ values: [Double], _ what: String) throws {
        if values.contains(where: { !$0.isFinite }) { throw Failure("\(what) contains NaN or infinity") }
    }

    static func doubles(_ values: [Double]) -> Value { .list(values.map { .double($0) }) }
}
