import Foundation

extension Notebook {
    /// Reads and parses the notebook at `path`.
    /// - Throws: `NotebookFailure` with every problem found, each located in the file.
    public static func load(path: String) throws(NotebookFailure) -> Notebook {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw NotebookFailure([Diagnostic(path: path, location: SourceLocation(line: 1, column: 1),
                                              message: "cannot read the notebook: \(reason)")])
        }
        return try parse(bytes: bytes, path: path)
    }

    /// Parses a notebook from its bytes; `path` names it in diagnostics and gives the page name.
    public static func parse(bytes: [UInt8], path: String) throws(NotebookFailure) -> Notebook {
        if let offset = UTF8Check.firstInvalidByte(in: bytes) {
            let location = UTF8Check.location(ofByte: offset, in: bytes)
            throw NotebookFailure([Diagnostic(path: path, location: location,
                                              message: "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))")])
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(source: text, path: path)
    }

    /// Parses a notebook from its text; `path` names it in diagnostics and gives the page name.
    public static func parse(source rawSource: String, path: String) throws(NotebookFailure) -> Notebook {
        let source = rawSource.replacingOccurrences(of: "\r\n", with: "\n")
        let text = SourceText(source)
        var problems = reservedCharacterProblems(text, path: path)
        if !problems.isEmpty { throw NotebookFailure(problems) }

        let frontMatterLines = try FrontMatter.lineCount(in: text, path: path)
        var frontMatter = FrontMatter()
        do {
            frontMatter = try FrontMatter.parse(text, lineCount: frontMatterLines, path: path)
        } catch {
            problems += error.diagnostics
        }

        // Front matter lines become blank lines, so every later line keeps its number.
        let markdown = String(repeating: "\n", count: frontMatterLines)
            + text.lines.dropFirst(frontMatterLines).joined(separator: "\n")
        let skipped = CMarkDocument.codeAndHTMLLines(in: markdown)
        let (masked, spans) = MathMasker.mask(markdown, skippingLines: skipped)
        let rendered = CMarkDocument.render(masked)
        let math = spans.map { span in
            Math(tex: span.tex, display: span.display, location: text.location(line: span.line, byteOffset: span.byteColumn))
        }

        var cells: [Cell] = []
        for (index, raw) in rendered.cells.enumerated() {
            switch CellOptionLines.parse(raw, index: index, defaults: frontMatter.execute, path: path, text: text) {
            case .success(let cell): cells.append(cell)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        if !problems.isEmpty { throw NotebookFailure(problems.sorted { $0.location < $1.location }) }

        var resolver = PlaceholderResolver(math: math, rawHeadings: rendered.headings)
        let parts = resolver.resolve(rendered.html)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let title = frontMatter.title
            ?? resolver.headings.first(where: { $0.level == 1 })?.text
            ?? name
        return Notebook(path: path, source: source, name: name, frontMatter: frontMatter, frontMatterLines: frontMatterLines, title: title,
                        parts: parts, cells: cells, headings: resolver.headings)
    }

    /// Characters weave reserves for its placeholders may not appear in a notebook.
    private static func reservedCharacterProblems(_ text: SourceText, path: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (number, line) in text.lines.enumerated() {
            for (column, scalar) in line.unicodeScalars.enumerated() where scalar.value >= Placeholder.reservedStart {
                let location = SourceLocation(line: number + 1, column: column + 1)
                problems.append(Diagnostic(path: path, location: location,
                                           message: "character U+\(String(scalar.value, radix: 16, uppercase: true)) is reserved by weave and cannot appear in a notebook",
                                           excerpt: text.excerpt(at: location)))
                break
            }
        }
        return problems
    }
}
