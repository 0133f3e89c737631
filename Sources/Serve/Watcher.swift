import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches files with the kernel's inotify, and calls back once per burst of changes: an
/// editor that writes a file three times in a row causes one call. Only the files a watch
/// names count (a log written into the same folder does not). Where inotify cannot be had,
/// it looks at the files' sizes and times every half second instead.
public final class Watcher: @unchecked Sendable {
    /// A folder (not its subfolders) and which of its file names matter.
    public struct Watch: Sendable {
        /// The folder.
        public var folder: String
        /// Whether a change to the file of this name (no folder) counts.
        public var accepts: @Sendable (String) -> Bool

        /// A watch of `folder` for the names `accepts` takes.
        public init(folder: String, accepts: @escaping @Sendable (String) -> Bool) {
            self.folder = folder
            self.accepts = accepts
        }
    }

    /// What is watched.
    let watches: [Watch]
    /// How long the files must stay quiet before a burst counts as over.
    let quiet: Duration
    private let changed: @Sendable () -> Void

    /// A watcher of `watches` calling `changed` after each burst of changes.
    public init(_ watches: [Watch], quiet: Duration = .milliseconds(30), changed: @escaping @Sendable () -> Void) {
        self.watches = watches
        self.quiet = quiet
        self.changed = changed
    }

    /// Watches on a thread of its own until the process ends; says which facility it uses.
    public func start() -> String {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        if descriptor >= 0 {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY)
            var byDescriptor: [Int32: Watch] = [:]
            for watch in watches {
                let id = inotify_add_watch(descriptor, watch.folder, mask)
                if id >= 0 { byDescriptor[id] = watch }
            }
            if !byDescriptor.isEmpty {
                let watched = byDescriptor
                Thread.detachNewThread { self.inotifyLoop(descriptor, watched) }
                return "inotify"
            }
            close(descriptor)
        }
        #endif
        Thread.detachNewThread { self.pollLoop() }
        return "polling every 0.5 s"
    }

    #if canImport(Glibc)
    private func inotifyLoop(_ descriptor: Int32, _ watches: [Int32: Watch]) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let quietMilliseconds = Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
        while true {
            // Wait for a first event that counts, then drain until the files are quiet.
            guard waitForEvents(descriptor, timeout: -1) else { continue }
            var counts = false
            repeat {
                let length = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if length > 0 { counts = counts || Self.anyAccepted(buffer.prefix(length), watches) }
            } while waitForEvents(descriptor, timeout: quietMilliseconds)
            if counts { changed() }
        }
    }

    /// Whether the inotify events in `bytes` name a file some watch accepts. An event is a
    /// watch descriptor, mask, cookie and name length (4 bytes each), then the name, NUL-padded.
    static func anyAccepted(_ bytes: ArraySlice<UInt8>, _ watches: [Int32: Watch]) -> Bool {
        var at = bytes.startIndex
        func word(_ offset: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + offset + $1]) << (8 * UInt32($1)) }
        }
        while at + 16 <= bytes.endIndex {
            let watch = Int32(bitPattern: word(0)), length = Int(word(12))
            guard at + 16 + length <= bytes.endIndex else { break }
            let name = String(decoding: bytes[(at + 16)..<(at + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
            if let accepts = watches[watch]?.accepts, accepts(name) { return true }
            at += 16 + length
        }
        return false
    }

    private func waitForEvents(_ descriptor: Int32, timeout: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, timeout) > 0
    }
    #endif

    private func pollLoop() {
        var last = snapshot()
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            if now != last {
                last = now
                changed()
            }
        }
    }

    /// Every watched file's name, size and modification time.
    private func snapshot() -> [String: String] {
        var entries: [String: String] = [:]
        let manager = FileManager.default
        for watch in watches {
            for name in (try? manager.contentsOfDirectory(atPath: watch.folder)) ?? [] where watch.accepts(name) {
                let attributes = (try? manager.attributesOfItem(atPath: watch.folder + "/" + name)) ?? [:]
                entries[watch.folder + "/" + name] = "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? 0)"
            }
        }
        return entries
    }
}
