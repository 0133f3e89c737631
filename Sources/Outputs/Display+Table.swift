extension Display {
    /// A table whose cells keep numbers as numbers, so a renderer can align and format them.
    public struct Table: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The column headers.
        public var columns: [String]
        /// The rows, each with one cell per column.
        public var rows: [[Cell]]
        /// An optional caption.
        public var caption: String?

        /// A table with the given headers, rows and caption.
        public init(columns: [String], rows: [[Cell]], caption: String? = nil) {
            self.columns = columns
            self.rows = rows
            self.caption = caption
        }

        /// One cell of a table.
        public enum Cell: Sendable, Equatable, Codable, CustomStringConvertible {
            /// An integer (a step, a count).
            case integer(Int)
            /// A number (a weight, a loss).
            case number(Double)
            /// Text.
            case text(String)

            /// The cell as Swift prints it.
            public var description: String {
                switch self {
                case let .integer(value): return String(value)
                case let .number(value): return String(describing: value)
                case let .text(value): return value
                }
            }
        }

        /// "table: 3 columns × 7 rows".
        public var description: String {
            "table: \(columns.count) columns × \(rows.count) rows" + (caption.map { " (\($0))" } ?? "")
        }

        /// The columns separated by ` | `, one line per row, the header first.
        public var plainText: String {
            var lines = [columns.joined(separator: " | ")]
            lines += rows.map { $0.map(\.description).joined(separator: " | ") }
            if let caption { lines.append(caption) }
            return lines.joined(separator: "\n")
        }
    }
}
