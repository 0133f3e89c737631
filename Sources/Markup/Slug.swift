/// Turns heading text into stable, unique anchor ids.
public struct Slugger: Sendable {
    private var used: [String: Int] = [:]

    /// A slugger with no ids handed out yet.
    public init() {}

    /// The id for `text`: lowercase letters, digits and hyphens; a repeat gets `-1`, `-2`, ….
    public mutating func slug(_ text: String) -> String {
        var base = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !base.isEmpty { base += "-" }
                pendingHyphen = false
                base.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingHyphen = true
            }
        }
        if base.isEmpty { base = "section" }
        var candidate = base
        if let count = used[base] {
            var next = count
            repeat {
                next += 1
                candidate = "\(base)-\(next)"
            } while used[candidate] != nil
            used[base] = next
        }
        used[candidate] = used[candidate] ?? 0
        return candidate
    }
}
