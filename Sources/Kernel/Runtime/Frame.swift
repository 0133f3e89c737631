#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let state = ReleaseQueue.current
        if state.depth >= ReleaseQueue.frameDepth {
            // A frame released while releasing frames this deep (a closure holding a frame
            // holding a closure …): its values are let go of later, one at a time, instead of
            // one nested release per frame of the chain.
            state.pending.append(contentsOf: UnsafeBufferPointer(start: slots, count: count))
        }
        state.depth += 1
        slots.deinitialize(count: count)
        slots.deallocate()
        state.depth -= 1
        if state.depth == 0 { state.drain() }
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

/// Per thread: how deeply frames are being released right now, and the values of frames
/// released past `frameDepth`, let go of by the outermost release. The release of a chain of
/// frames of any length then needs a bounded stack (each link's values nest at most
/// `Budgets.nesting` deep).
final class ReleaseQueue {
    /// How many frames deep a release goes before the values wait.
    static let frameDepth = 4

    var depth = 0
    var pending: [Value] = []
    private var draining = false

    /// Lets go of the waiting values, each one as the outermost release.
    func drain() {
        guard !draining else { return }
        draining = true
        while !pending.isEmpty {
            depth += 1
            pending.removeLast()
            depth -= 1
        }
        draining = false
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            guard let state else { return }
            Unmanaged<ReleaseQueue>.fromOpaque(state).release()
        }
        return key
    }()

    /// The calling thread's queue.
    static var current: ReleaseQueue {
        if let state = pthread_getspecific(key) { return Unmanaged<ReleaseQueue>.fromOpaque(state).takeUnretainedValue() }
        let state = ReleaseQueue()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }
}
