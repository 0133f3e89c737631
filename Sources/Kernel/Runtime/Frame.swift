/// The variables of one activation: the notebook's top level, or one call of a function
/// or closure. Slots are numbered at compile time, so no name is looked up at run time.
final class Frame {
    /// The slots; indices come from the compiler, which sizes the frame.
    let slots: UnsafeMutablePointer<Value>
    let count: Int
    /// The frame the function or closure was defined in (for variables it captures).
    let parent: Frame?

    init(count: Int, parent: Frame?) {
        self.count = count
        self.parent = parent
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: .void, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Sets every slot back to `()`, releasing what they held (breaks reference cycles).
    func clear() {
        for index in 0..<count { slots[index] = .void }
    }
}

/// How a statement ended: normally, or by `break`, `continue` or `return`.
enum Flow {
    case normal
    /// `break` out of the loop or switch with this id.
    case breaking(Int)
    /// `continue` the loop with this id.
    case continuing(Int)
    case returning(Value)
}
