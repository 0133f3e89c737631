import Figures
import Kernel
import Markup
import Notebook

/// An executed notebook as a Jupyter notebook (nbformat 4.5): the prose as Markdown cells,
/// written exactly as in the `.md`, and each `swift` cell with its count and outputs.
///
/// The JSON is written as Jupyter writes it (keys sorted, one-space indent, text as lists of
/// lines), so the same notebook always gives the same bytes.
public enum IpynbExport {
    /// The `.ipynb` file for `executed`, UTF-8.
    public static func notebook(_ executed: ExecutedNotebook) -> [UInt8] {
        let notebook = executed.notebook
        let lines = notebook.source.split(separator: "\n", omittingEmptySubsequences: false)
        var cells: [JSON] = []
        var cursor = frontMatterLineCount(lines)
        for cell in executed.cells {
            let fence = min(max(cell.cell.fence.line - 1, cursor), lines.count)
            if let prose = prose(lines[cursor..<fence]) {
                cells.append(markdownCell(prose, id: "cell-\(cells.count + 1)"))
            }
            cursor = min(max(lastLine(of: cell.cell, in: lines), fence), lines.count)
            cells.append(codeCell(cell, id: "cell-\(cells.count + 1)"))
        }
        if let prose = prose(lines[cursor...]) {
            cells.append(markdownCell(prose, id: "cell-\(cells.count + 1)"))
        }
        let document = JSON.object([
            "cells": .array(cells),
            "metadata": metadata(notebook),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
        return Array((document.serialized() + "\n").utf8)
    }

    /// The figures' stylesheet, following the Jupyter front end's theme instead of the system's:
    /// JupyterLab marks a dark theme on `body`, VS Code with a class.
    static let stylesheet: String = {
        let darkOpening = "@media (prefers-color-scheme: dark){:root{"
        return FigureRenderer.stylesheet.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix(darkOpening), line.hasSuffix("}}") else { return String(line) }
            return "body[data-jp-theme-light=\"false\"],body.vscode-dark{" + line.dropFirst(darkOpening.count).dropLast()
        }.joined(separator: "\n")
    }()

    // MARK: Notebook

    private static func metadata(_ notebook: Notebook) -> JSON {
        var metadata: [String: JSON] = [
            "kernelspec": .object(["name": .string("weave-swift"), "display_name": .string("Swift (weave)"),
                                   "language": .string("swift")]),
            "language_info": .object(["name": .string("swift"), "file_extension": .string(".swift")]),
            "title": .string(notebook.title),
        ]
        let front = notebook.frontMatter
        if let author = front.author { metadata["authors"] = .array([.object(["name": .string(author)])]) }
        var weave: [String: JSON] = [:]
        if let description = front.description { weave["description"] = .string(description) }
        if let date = front.date { weave["date"] = .string(date) }
        if !weave.isEmpty { metadata["weave"] = .object(weave) }
        return .object(metadata)
    }

    /// How many lines the front matter takes, both `---` lines included (0 without one).
    private static func frontMatterLineCount(_ lines: [Substring]) -> Int {
        guard let first = lines.first, first.trimmingTrailingBlanks() == "---" else { return 0 }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingBlanks()
            return line == "---" || line == "..."
        }) else { return 0 }
        return closing + 1
    }

    /// The 1-based line of a cell's closing fence, or of its last code line when the fence is
    /// closed by the end of the document or of its block quote or list item.
    private static func lastLine(of cell: Cell, in lines: [Substring]) -> Int {
        let fenceLine = lines.indices.contains(cell.fence.line - 1) ? lines[cell.fence.line - 1] : ""
        let opening = fenceLine.unicodeScalars.dropFirst(max(0, cell.fence.column - 1))
        let marker: Unicode.Scalar = opening.first == "~" ? "~" : "`"
        let length = max(3, opening.prefix(while: { $0 == marker }).count)
        func closes(_ line: Int) -> Bool {
            guard lines.indices.contains(line - 1) else { return false }
            let rest = lines[line - 1].unicodeScalars.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
            let run = rest.prefix(while: { $0 == marker }).count
            return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
        }
        // An empty source is no line or one blank line: the file tells which.
        let codeLines = cell.source.isEmpty
            ? (closes(cell.firstLine) ? 0 : 1)
            : cell.source.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let after = cell.firstLine + codeLines
        return closes(after) ? after : after - 1
    }

    /// The prose between cells without its blank first and last lines; nil when nothing is left.
    private static func prose(_ lines: ArraySlice<Substring>) -> String? {
        let isBlank: (Substring) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }),
              let last = lines.lastIndex(where: { !isBlank($0) }) else { return nil }
        return lines[first...last].joined(separator: "\n")
    }

    // MARK: Cells

    private static func markdownCell(_ text: String, id: String) -> JSON {
        .object(["cell_type": .string("markdown"), "id": .string(id), "metadata": .object([:]), "source": .lines(text)])
    }

    private static func codeCell(_ executed: ExecutedNotebook.ExecutedCell, id: String) -> JSON {
        .object([
            "cell_type": .string("code"),
            "execution_count": executed.executionCount.map { .int($0) } ?? .null,
            "id": .string(id),
            "metadata": cellMetadata(executed.cell.options),
            "outputs": .array(outputs(executed)),
            "source": .lines(executed.cell.source),
        ])
    }

    /// weave's options that differ from the defaults, and what Jupyter's own keys can say of them.
    private static func cellMetadata(_ options: CellOptions) -> JSON {
        let defaults = CellOptions()
        var weave: [String: JSON] = [:]
        if options.eval != defaults.eval { weave["eval"] = .bool(options.eval) }
        if options.echo != defaults.echo { weave["echo"] = .bool(options.echo) }
        if options.output != defaults.output { weave["output"] = .bool(options.output) }
        if options.error != defaults.error { weave["error"] = .bool(options.error) }
        if let label = options.label { weave["label"] = .string(label) }
        if let caption = options.caption { weave["caption"] = .string(caption) }
        if let alt = options.alt { weave["alt"] = .string(alt) }
        var jupyter: [String: JSON] = [:]
        if !options.echo { jupyter["source_hidden"] = .bool(true) }
        if !options.output { jupyter["outputs_hidden"] = .bool(true) }
        // The tags nbclient reads: run on past an expected error; leave a cell unrun.
        var tags: [JSON] = []
        if options.error { tags.append(.string("raises-exception")) }
        if !options.eval { tags.append(.string("skip-execution")) }
        var metadata: [String: JSON] = [:]
        if !weave.isEmpty { metadata["weave"] = .object(weave) }
        if !jupyter.isEmpty { metadata["jupyter"] = .object(jupyter) }
        if !tags.isEmpty { metadata["tags"] = .array(tags) }
        return .object(metadata)
    }

    // MARK: Outputs

    private static func outputs(_ executed: ExecutedNotebook.ExecutedCell) -> [JSON] {
        let cell = executed.cell
        let prefix = cell.options.label ?? "cell\(cell.index + 1)"
        var outputs: [JSON] = []
        // The figures need their stylesheet; each cell carries it once, so no cell depends on another.
        var styled = false
        func html(_ markup: String) -> String {
            guard !styled else { return markup }
            styled = true
            return "<style>\n" + stylesheet + "</style>\n" + markup
        }
        for (number, output) in executed.outputs.enumerated() {
            switch output {
            case .text(let text):
                outputs.append(.object(["output_type": .string("stream"), "name": .string("stdout"), "text": .lines(text)]))
            case .display(let display):
                var data: [String: JSON] = ["text/plain": .lines(display.plainText)]
                switch display {
                case .text:
                    break  // a plain value reads best as Jupyter shows any value: its text
                case .math(let math):
                    // Front ends prefer HTML to LaTeX, and weave's math HTML waits for KaTeX,
                    // which a notebook does not load: math goes as LaTeX alone.
                    data["text/latex"] = .lines("$$" + math.latex + "$$")
                default:
                    let context = FigureContext(idPrefix: "\(prefix)-out\(number + 1)", caption: cell.options.caption,
                                                alt: cell.options.alt)
                    let markup = FigureRenderer.html(for: display, context: context)
                    if !markup.isEmpty { data["text/html"] = .lines(html(markup)) }
                }
                outputs.append(displayData(data))
            case .expectation(let expectation):
                var text = (expectation.passed ? "✓ " : "✗ ") + expectation.message
                if !expectation.passed, let detail = expectation.detail { text += "\n" + detail }
                outputs.append(displayData([
                    "text/plain": .lines(text),
                    "text/html": .lines(html(FigureRenderer.html(for: expectation))),
                ]))
            }
        }
        if let error = executed.error {
            var traceback = ["error at line \(error.location.line), column \(error.location.column): \(error.message)"]
            if let excerpt = error.excerpt { traceback += excerpt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            outputs.append(.object([
                "output_type": .string("error"),
                "ename": .string("Error"),
                "evalue": .string(error.message),
                "traceback": .array(traceback.map { .string($0) }),
            ]))
        }
        return outputs
    }

    private static func displayData(_ data: [String: JSON]) -> JSON {
        .object(["output_type": .string("display_data"), "data": .object(data), "metadata": .object([:])])
    }

    // MARK: JSON

    /// The JSON values a notebook holds, written as Python's `json.dumps(indent=1, sort_keys=True,
    /// ensure_ascii=False)` writes them, which is what Jupyter uses.
    enum JSON {
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([JSON])
        case object([String: JSON])

        /// Text as Jupyter stores it: lines that keep their `\n`, the last without one.
        static func lines(_ text: String) -> JSON {
            var lines: [JSON] = []
            var line = ""
            for character in text.unicodeScalars {
                line.unicodeScalars.append(character)
                if character == "\n" {
                    lines.append(.string(line))
                    line = ""
                }
            }
            if !line.isEmpty { lines.append(.string(line)) }
            return .array(lines)
        }

        /// The value as text, nested values indented one space a level.
        func serialized() -> String {
            var text = ""
            write(to: &text, indent: 0)
            return text
        }

        private func write(to text: inout String, indent: Int) {
            switch self {
            case .null: text += "null"
            case .bool(let flag): text += flag ? "true" : "false"
            case .int(let number): text += String(number)
            case .string(let string): Self.write(string, to: &text)
            case .array(let items):
                guard !items.isEmpty else { text += "[]"; return }
                text += "["
                for (position, item) in items.enumerated() {
                    text += (position == 0 ? "\n" : ",\n") + String(repeating: " ", count: indent + 1)
                    item.write(to: &text, indent: indent + 1)
                }
                text += "\n" + String(repeating: " ", count: indent) + "]"
            case .object(let members):
                guard !members.isEmpty else { text += "{}"; return }
                // Python sorts keys by code point.
                let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
                text += "{"
                for (position, key) in keys.enumerated() {
                    text += (position == 0 ? "\n" : ",\n") + String(repeating: " ", count: indent + 1)
                    Self.write(key, to: &text)
                    text += ": "
                    members[key]?.write(to: &text, indent: indent + 1)
                }
                text += "\n" + String(repeating: " ", count: indent) + "}"
            }
        }

        private static func write(_ string: String, to text: inout String) {
            text += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case "\u{08}": text += "\\b"
                case "\u{0C}": text += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\""
        }
    }
}

private extension Substring {
    /// The line without trailing spaces and tabs.
    func trimmingTrailingBlanks() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
