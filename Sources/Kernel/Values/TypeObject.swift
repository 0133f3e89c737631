/// A type used as a value: called to convert or construct (`Double(3)`, `Network(…)`), and
/// a namespace of static members (`Double.pi`, `Tensor.randn(…)`).
final class TypeObject: KernelObject {
    let name: String
    let construct: (([Argument], Runtime) throws -> Value)?
    let properties: [String: Value]
    let methods: [String: ([Argument], Runtime) throws -> Value]

    init(
        _ name: String, construct: (([Argument], Runtime) throws -> Value)? = nil, properties: [String: Value] = [:],
        methods: [String: ([Argument], Runtime) throws -> Value] = [:]
    ) {
        self.name = name
        self.construct = construct
        self.properties = properties
        self.methods = methods
    }

    override var typeName: String { "\(name).Type" }
    override var description: String { name }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? { properties[name] }

    override func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        guard let method = methods[name] else { return nil }
        return try method(arguments, runtime)
    }

    override func callAsFunction(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        guard let construct else { throw Failure("'\(name)' cannot be constructed in cells") }
        return try construct(arguments, runtime)
    }

    override var memberNames: [String] { Array(properties.keys) + Array(methods.keys) }
}
