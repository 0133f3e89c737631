/// A type used as a value: called to convert or construct (`Double(3)`, `Network(…)`), and
/// a namespace of static members (`Double.pi`, `Tensor.randn(…)`).
final class TypeObject: KernelObject {
    let name: String
    let construct: (([Argument], Runtime) throws -> Value)?
    let table: MemberTable

    init(_ name: String, construct: (([Argument], Runtime) throws -> Value)? = nil, members: [Member<TypeObject>] = []) {
        self.name = name
        self.construct = construct
        self.table = MemberTable(TypeObject.self, members)
    }

    override var typeName: String { "\(name).Type" }
    override var description: String { name }
    override var members: MemberTable { table }

    override func callAsFunction(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        guard let construct else { throw Failure("'\(name)' cannot be constructed in cells") }
        return try construct(arguments, runtime)
    }
}
