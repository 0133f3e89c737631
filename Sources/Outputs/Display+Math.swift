extension Display {
    /// LaTeX math: one equation, or a derivation whose lines align on their `=` (`&=`).
    public struct Math: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The lines, each LaTeX without alignment markers.
        public var lines: [String]

        /// Math from its lines.
        public init(lines: [String]) {
            self.lines = lines
        }

        /// The whole as display LaTeX: one line as is, several lines in an `aligned`
        /// environment aligned on the first `=` of each line.
        public var latex: String {
            if lines.count == 1 { return lines[0] }
            let body = lines.map { line -> String in
                guard let equals = line.firstIndex(of: "=") else { return "& " + line }
                return String(line[..<equals]) + "&" + String(line[equals...])
            }
            return "\\begin{aligned}\n" + body.joined(separator: " \\\\\n") + "\n\\end{aligned}"
        }

        /// "math: 4 lines", or the one line itself.
        public var description: String {
            lines.count == 1 ? "math: \(lines[0])" : "math: \(lines.count) lines"
        }
    }
}
