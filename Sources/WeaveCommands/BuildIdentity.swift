import Foundation

/// What identifies this build of weave, so that no other build's cached outputs are reused:
/// the GNU build id the linker writes into the executable (a hash of its contents), read
/// from the running file's ELF notes; where there is none, the executable's size and time.
enum BuildIdentity {
    /// The identity, computed once.
    static let current: String = {
        let path = "/proc/self/exe"
        if let id = gnuBuildID(of: path) { return "build-id " + id }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: CommandLine.arguments.first ?? path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "executable \(size) \(time)"
    }()

    /// The hexadecimal GNU build id of the 64-bit little-endian ELF file at `path`, if it has one.
    static func gnuBuildID(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count),
                  data.count == count else { return nil }
            return [UInt8](data)
        }
        func integer(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
            guard at >= 0, at + size <= bytes.count else { return 0 }
            return (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        guard let header = read(0, 64), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
        let programHeaders = integer(header, 0x20, 8)
        let entrySize = Int(integer(header, 0x36, 2)), entries = Int(integer(header, 0x38, 2))
        guard entrySize >= 56, entries <= 128 else { return nil }
        for index in 0..<entries {
            guard let entry = read(programHeaders + UInt64(index * entrySize), 56) else { return nil }
            guard integer(entry, 0, 4) == 4 else { continue }  // PT_NOTE
            let offset = integer(entry, 8, 8), size = Int(integer(entry, 32, 8))
            guard size <= 1 << 16, let notes = read(offset, size) else { continue }
            var at = 0
            while at + 12 <= notes.count {
                let nameSize = Int(integer(notes, at, 4)), descSize = Int(integer(notes, at + 4, 4))
                let type = integer(notes, at + 8, 4)
                let name = at + 12, desc = name + (nameSize + 3) / 4 * 4
                let next = desc + (descSize + 3) / 4 * 4
                guard next <= notes.count, next > at else { break }
                if type == 3, nameSize == 4, Array(notes[name..<name + 4]) == [0x47, 0x4E, 0x55, 0] {  // NT_GNU_BUILD_ID, "GNU"
                    return notes[desc..<desc + descSize].map { String(format: "%02x", $0) }.joined()
                }
                at = next
            }
        }
        return nil
    }
}
