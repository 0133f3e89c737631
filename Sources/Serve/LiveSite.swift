import Foundation

/// The site `weave serve` shows, held in memory and replaced whole after each rebuild, and
/// the pages watching it: each reload is announced to every open page.
public final class LiveSite: @unchecked Sendable {
    /// What the server answers with now.
    public struct State: Sendable {
        /// The site's files by path (`index.html`, `assets/weave.css`, …).
        public var files: [String: [UInt8]]
        /// When the last build failed: every located error, in order; the pages show them.
        public var errors: [String]
        /// Counts the published builds; a page reloads when it changes.
        public var generation: Int
    }

    private let lock = NSLock()
    private var state = State(files: [:], errors: [], generation: 0)
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    /// An empty site.
    public init() {}

    /// The state now.
    public var current: State {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    /// Publishes a build: its files (kept from the last good build when it failed) and its
    /// errors; every watching page is told to reload.
    public func publish(files: [String: [UInt8]]?, errors: [String]) {
        lock.lock()
        if let files { state.files = files }
        state.errors = errors
        state.generation += 1
        let message = "reload \(state.generation)"
        let waiting = Array(listeners.values)
        lock.unlock()
        for listener in waiting { listener.yield(message) }
    }

    /// A stream of build messages for one page (`reload N`, the current build first), ended
    /// when the page goes away.
    func listen() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.onTermination = { [weak self] _ in self?.stopListening(id) }
        lock.lock()
        listeners[id] = continuation
        continuation.yield("reload \(state.generation)")
        lock.unlock()
        return stream
    }

    private func stopListening(_ id: UUID) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }
}
