/// One member of a bound object, declared once: its name, the forms a method is called in
/// (listed in messages about a call that fits none), and its body.
struct Member<Object: KernelObject>: Sendable {
    let name: String
    let forms: [String]
    let get: (@Sendable (Object, Runtime) throws -> Value)?
    /// nil when the arguments fit none of the method's forms (the caller then reports the forms).
    let call: (@Sendable (Object, [Argument], Runtime) throws -> Value?)?

    /// A property, `net.weights`.
    static func property(_ name: String, _ get: @escaping @Sendable (Object, Runtime) throws -> Value) -> Member {
        Member(name: name, forms: [], get: get, call: nil)
    }

    /// A method, `t.max(axis: 0)`; `forms` are listed when a call fits none of them.
    static func method(
        _ name: String, forms: [String] = [], _ call: @escaping @Sendable (Object, [Argument], Runtime) throws -> Value?
    ) -> Member {
        Member(name: name, forms: forms, get: nil, call: call)
    }

    /// A member every value has (`description`, answered by `Members.get`), listed so a
    /// misspelling of it is suggested.
    static func shared(_ name: String) -> Member {
        Member(name: name, forms: [], get: nil, call: nil)
    }
}

/// The members of one kind of object, from which `KernelObject`'s lookups (`property`,
/// `method`), its `memberNames` and its `forms(of:)` are all derived.
struct MemberTable: Sendable {
    typealias Getter = @Sendable (KernelObject, Runtime) throws -> Value?
    typealias Caller = @Sendable (KernelObject, [Argument], Runtime) throws -> Value?

    /// No members.
    static let empty = MemberTable(names: [], getters: [:], callers: [:], forms: [:])

    /// The names of the members in declaration order, each once, for "did you mean".
    let names: [String]
    private let getters: [String: Getter]
    private let callers: [String: Caller]
    private let forms: [String: [String]]

    private init(names: [String], getters: [String: Getter], callers: [String: Caller], forms: [String: [String]]) {
        self.names = names
        self.getters = getters
        self.callers = callers
        self.forms = forms
    }

    /// The table of `members` of objects of class `Object`. A name may be both a property
    /// and a method (`net.symmetry`, `net.symmetry(tolerance:)`); a later entry of the same
    /// kind under the same name replaces an earlier one.
    init<Object: KernelObject>(_ type: Object.Type, _ members: [Member<Object>]) {
        var names: [String] = [], seen: Set<String> = []
        var getters: [String: Getter] = [:], callers: [String: Caller] = [:], forms: [String: [String]] = [:]
        for member in members {
            if seen.insert(member.name).inserted { names.append(member.name) }
            if let get = member.get {
                getters[member.name] = { object, runtime in
                    guard let object = object as? Object else { return nil }
                    return try get(object, runtime)
                }
            }
            if let call = member.call {
                callers[member.name] = { object, arguments, runtime in
                    guard let object = object as? Object else { return nil }
                    return try call(object, arguments, runtime)
                }
            }
            if !member.forms.isEmpty { forms[member.name] = member.forms }
        }
        self.init(names: names, getters: getters, callers: callers, forms: forms)
    }

    /// The property `name` of `object`; nil when there is no such property.
    func property(of object: KernelObject, _ name: String, _ runtime: Runtime) throws -> Value? {
        guard let get = getters[name] else { return nil }
        return try get(object, runtime)
    }

    /// Calls the method `name` of `object`; nil when there is no such method or the
    /// arguments fit none of its forms.
    func method(of object: KernelObject, _ name: String, _ arguments: [Argument], _ runtime: Runtime) throws -> Value? {
        guard let call = callers[name] else { return nil }
        return try call(object, arguments, runtime)
    }

    /// The forms the method `name` is called in (empty when the table lists none).
    func forms(of name: String) -> [String] { forms[name] ?? [] }
}
