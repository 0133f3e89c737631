import Execution
import Figures
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
        var cursor = min(notebook.frontMatterLines, lines.count)
        for cell in executed.cells {
            let fence = min(max(cell.cell.fence.line - 1, cursor), lines.count)
            if let prose = prose(lines[cursor..<fence]) {
                cells.append(markdownCell(prose, id: "cell-\(cells.count + 1)"))
            }
            cursor = min(max(cell.cell.lastLine, fence), lines.count)
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
        if options.fold != defaults.fold { weave["fold"] = .bool(options.fold) }
        if let label = options.label { weave["label"] = .string(label) }
        if let caption = options.caption { weave["caption"] = .string(caption) }
        if let alt = options.alt { weave["alt"] = .string(alt) }
        var jupyter: [String: JSON] = [:]
        // JupyterLab collapses a hidden source to a bar that opens it: a fold.
        if !options.echo || options.fold { jupyter["source_hidden"] = .bool(true) }
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
        var outputs: [JSON] = []
        // The figures need their stylesheet; each cell carries it once, so no cell depends on another.
        var styled = false
        for bundle in OutputBundle.bundles(for: executed.cell, outputs: executed.outputs, error: executed.error) {
            switch bundle.kind {
            case .stream:
                outputs.append(.object(["output_type": .string("stream"), "name": .string("stdout"), "text": .lines(bundle.plain)]))
            case .error(let message):
                outputs.append(.object([
                    "output_type": .string("error"),
                    "ename": .string("Error"),
                    "evalue": .string(message),
                    "traceback": .array(bundle.plain.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }),
                ]))
            case .value, .table, .math, .figure, .expectation:
                var data: [String: JSON] = ["text/plain": .lines(bundle.plain)]
                if let latex = bundle.latex { data["text/latex"] = .lines(latex) }
                if bundle.htmlStandsAlone {
                    data["text/html"] = .lines(styled ? bundle.html : "<style>\n" + FigureRenderer.notebookStylesheet + "</style>\n" + bundle.html)
                    styled = true
                }
                outputs.append(displayData(data))
            }
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
