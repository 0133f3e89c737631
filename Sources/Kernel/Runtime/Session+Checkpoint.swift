import Engine

/// The state of a session after one cell: its top-level names and their values, and the
/// versions of the mutable objects those values reach. Taken after each cell by `weave
/// serve`, so that an edit to a later cell runs again from here instead of from the start.
public struct SessionCheckpoint {
    /// The top-level names as the compiler knew them, and how many slots they used.
    let names: [String: Scope.Variable]
    let slotCount: Int
    /// The values of those slots (arrays and dictionaries copy on write, so later cells
    /// cannot change these copies).
    let values: [Value]
    /// Every network the values reach, with its version then.
    let networks: [(network: Network, version: Int)]
    /// Whether the values reach state a checkpoint cannot vouch for: a closure holding the
    /// variables of a call, which only calling it can change and nothing counts.
    let reachesUntrackedState: Bool
}

extension Session {
    /// The session's state now, after the cell that just ran.
    public func checkpoint() -> SessionCheckpoint {
        let count = globalScope.slotCount
        let values = (0..<count).map { runtime.globals.slots[$0] }
        var walker = ReachableState(globals: runtime.globals)
        for value in values { walker.visit(value) }
        return SessionCheckpoint(names: globalScope.blocks[0], slotCount: count, values: values,
                                 networks: walker.networks.map { ($0, $0.version) },
                                 reachesUntrackedState: walker.untracked)
    }

    /// Whether restoring `checkpoint` gives back exactly the state it was taken in: nothing it
    /// reaches has changed since (no network trained or set, no untracked state reached).
    public func canRestore(_ checkpoint: SessionCheckpoint) -> Bool {
        !checkpoint.reachesUntrackedState && checkpoint.networks.allSatisfy { $0.network.version == $0.version }
    }

    /// Puts the session back in the state of `checkpoint`: names declared after it are
    /// forgotten and their values released. Call only when `canRestore` says so.
    public func restore(_ checkpoint: SessionCheckpoint) {
        let current = globalScope.slotCount
        for (index, value) in checkpoint.values.enumerated() { runtime.globals.slots[index] = value }
        for index in checkpoint.slotCount..<max(current, checkpoint.slotCount) { runtime.globals.slots[index] = .void }
        globalScope.blocks = [checkpoint.names]
        globalScope.slotCount = checkpoint.slotCount
        globalScope.targets = []
    }
}

/// Walks values for the mutable state they reach, each object once.
private struct ReachableState {
    let globals: Frame
    var networks: [Network] = []
    var untracked = false
    private var seen: Set<ObjectIdentifier> = []

    init(globals: Frame) {
        self.globals = globals
    }

    mutating func visit(_ value: Value) {
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .array(let items, _): pending += items
            case .tuple(let tuple): pending += tuple.items
            case .dictionary(let box):
                guard seen.insert(ObjectIdentifier(box)).inserted else { continue }
                pending += box.keys
                pending += box.values
            case .object(let object):
                guard seen.insert(ObjectIdentifier(object)).inserted else { continue }
                if let network = object as? NetworkObject { networks.append(network.network) }
            case .function(let function):
                // A function defined at the top level sees only the top-level slots, which a
                // restore puts back; one that captured a call's variables may have changed them.
                if let user = function as? UserFunction, let parent = user.parent, parent !== globals { untracked = true }
            default:
                break
            }
        }
    }
}
