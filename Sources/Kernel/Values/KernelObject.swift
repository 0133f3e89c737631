import Outputs
/// An engine value seen from a cell (network, tensor, training run, …) or a type used as a
/// namespace (`Tensor.randn`, `Double.pi`). Subclasses declare their properties and methods
/// once, in a `MemberTable`; lookups, "did you mean" names and method forms come from it.
class KernelObject {
    /// The type name shown in messages and signatures.
    var typeName: String { "object" }

    /// The text `print` writes.
    var description: String { typeName }

    /// The object's properties and methods, each declared once.
    var members: MemberTable { .empty }

    /// A property, e.g. `net.weights`; nil when there is no such property.
    final func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        try members.property(of: self, name, runtime)
    }

    /// Calls a method, e.g. `net.forward([1, 2])`; nil when there is no such method or the
    /// arguments fit none of its forms.
    final func method(_ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        try members.method(of: self, name, arguments, runtime)
    }

    /// Calls the object itself, e.g. `Double(3)`; nil when it cannot be called.
    func callAsFunction(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? { nil }

    /// `object[…]`; nil when the object has no subscript.
    func subscriptGet(_ arguments: [Argument], _ runtime: Runtime) throws -> Value? { nil }

    /// `object[…] = value`; false when the object has no settable subscript.
    func subscriptSet(_ arguments: [Argument], _ value: Value, _ runtime: Runtime) throws -> Bool { false }

    /// Sets a property, e.g. `t.x = 1`; false when it is not settable.
    func setProperty(_ name: String, _ value: Value, _ runtime: Runtime) throws -> Bool { false }

    /// The names of properties and methods, for "did you mean" suggestions.
    final var memberNames: [String] { members.names }

    /// The ways a method is called (`["max()", "max(axis:)"]`), for a call that fits none of them.
    final func forms(of name: String) -> [String] { members.forms(of: name) }

    /// How the object shows as a cell's last value or in `display`.
    func display(_ runtime: Runtime) throws -> Display { .text(description) }

    /// The elements when the object can be walked by `for … in` (nil otherwise).
    var asSequence: [Value]? { nil }

    /// Equality for `==`; identity unless the object has value semantics.
    func isEqual(to other: KernelObject) -> Bool { self === other }
}

