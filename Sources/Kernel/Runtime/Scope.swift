/// Compile-time knowledge of one frame's variables: which names are visible in which
/// nested block, and the slot each one lives in.
final class Scope {
    /// A variable known at compile time.
    struct Variable {
        let slot: Int
        let isLet: Bool
        let type: TypeSpec?
    }

    /// A statement `break` or `continue` can target.
    struct Target {
        let label: String?
        let id: Int
        let isLoop: Bool
    }

    let parent: Scope?
    let isGlobal: Bool
    /// Whether `return` is allowed (a function or closure body).
    let isFunction: Bool
    let returnType: TypeSpec?
    var blocks: [[String: Variable]] = [[:]]
    var slotCount = 0
    var targets: [Target] = []

    init(parent: Scope?, isGlobal: Bool, isFunction: Bool, returnType: TypeSpec?) {
        self.parent = parent
        self.isGlobal = isGlobal
        self.isFunction = isFunction
        self.returnType = returnType
    }

    /// Declares a name in the innermost block, in a new slot.
    func declare(_ name: String, isLet: Bool, type: TypeSpec?) -> Int {
        let slot = slotCount
        slotCount += 1
        blocks[blocks.count - 1][name] = Variable(slot: slot, isLet: isLet, type: type)
        return slot
    }

    /// Declares a name in the innermost block reusing `slot` (a top-level name declared again in a later cell).
    func redeclare(_ name: String, slot: Int, isLet: Bool, type: TypeSpec?) {
        blocks[blocks.count - 1][name] = Variable(slot: slot, isLet: isLet, type: type)
    }

    func lookupLocal(_ name: String) -> Variable? {
        for block in blocks.reversed() {
            if let variable = block[name] { return variable }
        }
        return nil
    }

    /// Every visible name, for suggestions.
    var visibleNames: [String] {
        blocks.flatMap(\.keys) + (parent?.visibleNames ?? [])
    }
}

/// Where a variable lives at run time.
enum Address {
    /// A top-level variable of the notebook.
    case global(Int)
    /// A variable of the current frame.
    case local(Int)
    /// A variable of an enclosing function's frame, `depth` frames up.
    case outer(depth: Int, slot: Int)
}
