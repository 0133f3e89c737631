import Outputs
import Engine

/// Numbers by name (a network's weights, gradients, one step of a run), shown as a table.
final class NamedValuesObject: KernelObject {
    let values: NamedValues

    init(_ values: NamedValues) {
        self.values = values
    }

    override var typeName: String { "NamedValues" }
    override var description: String { "[" + values.description + "]" }
    override func isEqual(to other: KernelObject) -> Bool { (other as? NamedValuesObject)?.values == values }
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(NamedValuesObject.self, [
        .property("names") { object, _ in .list(object.values.names.map { .string($0) }) },
        .property("values") { object, _ in EngineConversions.doubles(object.values.values) },
        .property("count") { object, _ in .int(object.values.count) },
        .property("dictionary") { object, _ in
            let box = DictionaryBox()
            for (key, value) in object.values { box.set(.string(key), .double(value)) }
            return .dictionary(box)
        },
    ])

    override func subscriptGet(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        let name = try match(arguments, Signature("subscript(_:)", .string))[0].string
        return .double(try EngineConversions.engine { try values.value(name) })
    }

    override var asSequence: [Value]? {
        zip(values.names, values.values).map { .tuple(Tuple([.string($0), .double($1)], labels: ["name", "value"])) }
    }

    /// The widest set shown as one row of columns; more show as name/value rows.
    static let columnLimit = 16

    override func display(_ runtime: Runtime) throws -> Display {
        if values.count <= Self.columnLimit {
            return .table(Display.Table(columns: values.names, rows: [values.values.map { .number($0) }]))
        }
        let shown = Array(zip(values.names, values.values).prefix(200))
        return .table(Display.Table(
            columns: ["name", "value"], rows: shown.map { [.text($0.0), .number($0.1)] },
            caption: values.count > shown.count ? "first \(shown.count) of \(values.count)" : nil))
    }
}
