import Outputs
/// What `table`, `plot`, `histogram`, `heatmap` and `group` return: a display kept as a value,
/// so figures can be stored, put in an array and shown together (`display([a, b])`).
///
/// A figure that a statement makes and drops (`plot(xs)` on a line of its own, inside a loop
/// or a function too) is shown where it is made, as before figures were values.
final class FigureObject: KernelObject {
    let figure: Display

    init(_ figure: Display) {
        self.figure = figure
    }

    static func value(_ figure: Display) -> Value { .object(FigureObject(figure)) }

    override var typeName: String { "Figure" }
    override var description: String { figure.description }
    override func isEqual(to other: KernelObject) -> Bool { (other as? FigureObject)?.figure == figure }
    override func display(_ runtime: Runtime) throws -> Display { figure }
    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(FigureObject.self, [
        .shared("description"),
        .property("plainText") { object, _ in .string(object.figure.plainText) },
    ])

    /// The display of a value a statement drops, when it is a figure or a non-empty array of
    /// figures (shown as a group); nil for anything else, which is dropped silently.
    @inline(__always)
    static func dropped(_ value: Value) -> Display? {
        switch value {
        case let .object(object):
            return (object as? FigureObject)?.figure
        case let .array(items, _):
            guard case let .object(first)? = items.first, first is FigureObject else { return nil }
            var displays: [Display] = []
            for item in items {
                guard case let .object(object) = item, let figure = object as? FigureObject else { return nil }
                displays.append(figure.figure)
            }
            return .group(Display.Group(items: displays))
        default:
            return nil
        }
    }
}
