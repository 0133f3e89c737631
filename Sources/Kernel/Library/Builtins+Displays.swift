import Outputs
extension Builtins {
    func registerDisplays() {
        // `expect` is compiled at its call site (Builtins.specialCall); this entry only names it.
        define("expect") { _, _ in throw Failure("expect must be called directly: expect(condition, message)") }
        define("display") { arguments, runtime in
            guard !arguments.isEmpty, arguments.allSatisfy({ $0.label == nil }) else {
                throw Failure("display takes one or more values; expected display(_: Any...)")
            }
            for argument in arguments { runtime.emit(.display(try Displays.make(argument.value, runtime))) }
            return .void
        }
    }
}

/// How values show: as the cell's last value or through `display`.
enum Displays {
    static func make(_ value: Value, _ runtime: Runtime) throws -> Display {
        switch value {
        case let .object(object): return try object.display(runtime)
        case let .array(items, _) where !items.isEmpty && items.allSatisfy({ if case .object = $0 { return true } else { return false } }):
            return .group(Display.Group(items: try items.map { try make($0, runtime) }))
        default: return .text(value.debugText)
        }
    }
}
