/// The compiled form of a function or closure, shared by every value made from it.
final class FunctionCode {
    /// A parameter: its label (nil for none) and declared type, and its default value.
    struct Parameter {
        let label: String?
        let name: String
        let type: TypeSpec?
        let defaultValue: ((Frame) throws -> Value)?
    }

    let name: String
    var parameters: [Parameter]
    let returnType: TypeSpec?
    /// Closures take positional arguments without labels.
    let isClosure: Bool
    /// Set once the body is compiled.
    var frameSize = 0
    var body: (Frame) throws -> Flow = { _ in .normal }

    init(name: String, parameters: [Parameter], returnType: TypeSpec?, isClosure: Bool) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.isClosure = isClosure
    }

    /// `name(label: Type, _: Type)`, for messages.
    var signature: String {
        name + "(" + parameters.map { parameter in
            (parameter.label ?? "_") + ": " + (parameter.type?.written ?? "Any") + (parameter.defaultValue == nil ? "" : " = …")
        }.joined(separator: ", ") + ")"
    }
}

/// A function or closure value: compiled code plus the frame it was defined in.
final class UserFunction: Callable {
    let code: FunctionCode
    let parent: Frame?

    init(code: FunctionCode, parent: Frame?) {
        self.code = code
        self.parent = parent
        super.init(name: code.name)
    }

    override func call(_ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        // Counted before the arguments are bound: a default value may call the function
        // itself (`func f(_ n: Int = f())`).
        runtime.depth += 1
        defer { runtime.depth -= 1 }
        if runtime.depth > runtime.limits.callDepth {
            throw Failure("calls nested deeper than the limit of \(runtime.limits.callDepth) (endless recursion in '\(code.name)'?)")
        }
        let frame = Frame(count: code.frameSize, parent: parent)
        try bind(arguments, into: frame)
        try runtime.spend(1)
        let flow = try code.body(frame)
        if case let .returning(value) = flow {
            guard let type = code.returnType else { return value }
            return try Coercion.convert(value, to: type, context: "return expression")
        }
        if let type = code.returnType, type != .tuple([]) {
            throw Failure("'\(code.name)' ended without returning a \(type.written)")
        }
        return .void
    }

    private func bind(_ arguments: [Argument], into frame: Frame) throws {
        let parameters = code.parameters
        if code.isClosure {
            var values = arguments.map(\.value)
            // A closure of n parameters given one n-tuple takes its elements (`zip(a, b).map { $0 + $1 }`).
            if parameters.count > 1, values.count == 1, case let .tuple(tuple) = values[0], tuple.items.count == parameters.count {
                values = tuple.items
            }
            if parameters.isEmpty, values.count == 1 { return }
            guard values.count == parameters.count else {
                throw Failure("the closure takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s") but was given \(values.count)")
            }
            for (index, value) in values.enumerated() {
                frame.slots[index] = try parameters[index].type.map { try Coercion.convert(value, to: $0, context: "argument") } ?? value
            }
            return
        }
        var next = 0
        var skipped: FunctionCode.Parameter?
        for (index, parameter) in parameters.enumerated() {
            if next < arguments.count, arguments[next].label == parameter.label || Methods.isTrailingClosure(arguments, next) {
                let value = arguments[next].value
                frame.slots[index] = try parameter.type.map { try Coercion.convert(value, to: $0, context: "argument") } ?? value
                next += 1
            } else if let defaultValue = parameter.defaultValue {
                frame.slots[index] = try defaultValue(frame)
                if skipped == nil { skipped = parameter }
            } else if next < arguments.count {
                let have = arguments[next].label.map { "\($0):" } ?? "_:"
                throw Failure("incorrect argument label in call (have '\(have)', expected '\(parameter.label.map { "\($0):" } ?? "_:")'); expected \(code.signature)")
            } else {
                throw Failure("missing argument for parameter \(parameter.label.map { "'\($0)'" } ?? "#\(index + 1)") in call; expected \(code.signature)")
            }
        }
        if next < arguments.count {
            if let label = arguments[next].label, let skipped {
                throw Failure("incorrect argument label in call (have '\(label):', expected '\(skipped.label.map { "\($0):" } ?? "_:")'); expected \(code.signature)")
            }
            throw Failure("extra argument\(arguments[next].label.map { " '\($0)'" } ?? "") in call; expected \(code.signature)")
        }
    }
}
