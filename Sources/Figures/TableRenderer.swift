import Outputs
import Markup

/// Draws a table as HTML: a header row, numbers right-aligned and written alike within each
/// column, an optional caption, and long tables shortened with a row saying what was left out
/// (the header stays in view while the table scrolls).
struct TableRenderer {
    let table: Display.Table
    /// The cell's caption option, which wins over the table's own caption.
    let caption: String?

    /// Rows shown from the start and from the end of a long table.
    static let headRows = 50
    static let tailRows = 10

    /// The `<div>` holding the `<table>`.
    func html() -> String {
        let width = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        let texts = formattedColumns(width: width)
        let numeric = (0..<width).map { column in
            table.rows.contains { row in row.indices.contains(column) && row[column].isNumeric }
                && !table.rows.contains { row in row.indices.contains(column) && !row[column].isNumeric }
        }

        var head = ""
        for column in 0..<width {
            let name = column < table.columns.count ? table.columns[column] : ""
            let attributes: KeyValuePairs<String, String> = numeric[column] ? ["scope": "col", "class": "num"] : ["scope": "col"]
            head += HTML.element("th", attributes, content: HTML.escape(name))
        }

        let shown = shownRows()
        var body = ""
        for entry in shown {
            guard let row = entry else {
                let hidden = table.rows.count - Self.headRows - Self.tailRows
                let note = "… \(hidden) rows not shown (rows \(Self.headRows + 1)–\(table.rows.count - Self.tailRows)) …"
                body += HTML.element("tr", ["class": "gap"], content:
                    HTML.element("td", ["colspan": String(max(1, width))], content: HTML.escape(note))) + "\n"
                continue
            }
            var cells = ""
            for column in 0..<width {
                let text = texts[column][row] ?? ""
                let isNumber = table.rows[row].indices.contains(column) && table.rows[row][column].isNumeric
                cells += isNumber
                    ? HTML.element("td", ["class": "num"], content: HTML.escape(text))
                    : HTML.element("td", [:], content: HTML.escape(text))
            }
            body += HTML.element("tr", [:], content: cells) + "\n"
        }

        let title = caption ?? table.caption
        let captionHTML = title.map { HTML.element("caption", [:], content: HTML.escape($0)) } ?? ""
        let tableHTML = HTML.element("table", ["class": "fig-table"], content:
            captionHTML + HTML.element("thead", [:], content: HTML.element("tr", [:], content: head)) + "\n"
            + HTML.element("tbody", [:], content: body))
        // The wrapper scrolls, so the keyboard must reach it. With a caption it is a region named
        // by it; without one it stays unnamed, since two such tables would carry the same name.
        if let title {
            return HTML.element("div", ["class": "fig-table-wrap", "role": "region", "aria-label": title, "tabindex": "0"], content: tableHTML)
        }
        return HTML.element("div", ["class": "fig-table-wrap", "tabindex": "0"], content: tableHTML)
    }

    /// Row indices to show in order; nil marks the place of the rows left out.
    func shownRows() -> [Int?] {
        let count = table.rows.count
        guard count > Self.headRows + Self.tailRows + 1 else { return Array(0..<count) }
        return Array(0..<Self.headRows) + [nil] + Array((count - Self.tailRows)..<count)
    }

    /// Each column's cell texts by row index: integers as written, numbers in the column's
    /// shared format (integers in a column of numbers join that format), text as is.
    func formattedColumns(width: Int) -> [[Int: String]] {
        (0..<width).map { column in
            var texts: [Int: String] = [:]
            var numberRows: [Int] = []
            var numbers: [Double] = []
            var hasFraction = false
            for (index, row) in table.rows.enumerated() where row.indices.contains(column) {
                switch row[column] {
                case let .text(text): texts[index] = text
                case let .integer(value):
                    numberRows.append(index); numbers.append(Double(value))
                    texts[index] = String(value)
                case let .number(value):
                    numberRows.append(index); numbers.append(value)
                    hasFraction = true
                }
            }
            if hasFraction {
                for (index, text) in zip(numberRows, NumberFormat.column(numbers)) { texts[index] = text }
            }
            return texts
        }
    }
}

extension Display.Table.Cell {
    /// Whether the cell holds a number (integer or not).
    var isNumeric: Bool {
        if case .text = self { return false }
        return true
    }
}
