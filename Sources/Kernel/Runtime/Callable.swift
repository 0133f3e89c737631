/// Something a cell can call: a cell function or closure, a builtin, a bound method.
class Callable {
    /// The name used in messages.
    let name: String

    init(name: String) {
        self.name = name
    }

    /// Calls with labelled arguments. Throws `Failure` for a problem the caller should
    /// locate (a wrong label), or a located `KernelError` from inside a cell function.
    func call(_ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        throw Failure("'\(name)' cannot be called")
    }
}

/// A function implemented in Swift.
final class Builtin: Callable {
    let body: ([Argument], Runtime) throws -> Value

    init(_ name: String, _ body: @escaping ([Argument], Runtime) throws -> Value) {
        self.body = body
        super.init(name: name)
    }

    override func call(_ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        try body(arguments, runtime)
    }
}

/// An error without a location yet: the compiled node that sees it adds its own.
struct Failure: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
