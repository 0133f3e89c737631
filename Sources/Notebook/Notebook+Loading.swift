import Foundation

extension Notebook {
    /// Reads and parses the notebook at `path`; `safe`: its raw HTML is omitted (`weave build --safe`).
    /// - Throws: `NotebookFailure` with every problem found, each located in the file.
    public static func load(path: String, safe: Bool = false) throws(NotebookFailure) -> Notebook {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw NotebookFailure([Diagnostic(path: path, location: SourceLocation(line: 1, column: 1),
                                              message: "cannot read the notebook: \(reason)")])
        }
        return try parse(bytes: bytes, path: path, safe: safe)
    }

    /// Parses a notebook from its bytes; `path` names it in diagnostics and gives the page name.
    public static func parse(bytes: [UInt8], path: String, safe: Bool = false) throws(NotebookFailure) -> Notebook {
        if let offset = UTF8Check.firstInvalidByte(in: bytes) {
            let location = UTF8Check.location(ofByte: offset, in: bytes)
            throw NotebookFailure([Diagnostic(path: path, location: location,
                                              message: "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))")])
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(source: text, path: path, safe: safe)
    }

    /// Parses a notebook from its text; `path` names it in diagnostics and gives the page name.
    /// `safe`: raw HTML is omitted, as cmark-gfm's safe mode omits it, so the page runs no
    /// script of the notebook's. In both modes dangerous URLs are dropped (`SafeURL`).
    public static func parse(source rawSource: String, path: String, safe: Bool = false) throws(NotebookFailure) -> Notebook {
        // Every line ending becomes "\n", a lone "\r" included (cmark-gfm ends lines there too),
        // so locations, excerpts and cmark-gfm count lines alike.
        let source = rawSource.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
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
        var markdownLines = Array(repeating: "", count: frontMatterLines) + text.lines.dropFirst(frontMatterLines).map(String.init)
        let skipped = CMarkDocument.codeAndHTMLLines(in: markdownLines.joined(separator: "\n"))
        // `## Title {#sec-…}`: the label leaves the heading (blanked, so columns stay).
        var headingLabels: [Int: (name: String, location: SourceLocation)] = [:]
        for index in markdownLines.indices where index >= frontMatterLines && !skipped.contains(index + 1) {
            let line = markdownLines[index]
            guard let label = CrossReferences.headingLabel(line[...]) else { continue }
            headingLabels[index + 1] = (label.name, text.location(line: index + 1, byteOffset: label.byteColumn))
            let blank = String(repeating: " ", count: line.utf8.distance(from: label.suffixStart, to: line.endIndex))
            markdownLines[index] = String(line[..<label.suffixStart]) + blank
        }
        let markdown = markdownLines.joined(separator: "\n")
        let (masked, spans, referenceLabels) = MathMasker.maskAll(markdown, skippingLines: skipped)
        var math = spans.map { span in
            var formula = Math(tex: span.tex, display: span.display, location: text.location(line: span.line, byteOffset: span.byteColumn))
            formula.label = span.label?.name
            return formula
        }
        let rendered = CMarkDocument.render(masked, safe: safe) { [math] literal in
            PlaceholderResolver.verbatim(literal, math: math, references: referenceLabels.map(\.name))
        }

        var cells: [Cell] = []
        for (index, raw) in rendered.cells.enumerated() {
            switch CellOptionLines.parse(raw, index: index, defaults: frontMatter.execute, path: path, text: text) {
            case .success(let cell): cells.append(cell)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        // Cross-references: every label, numbered in order; every reference, checked.
        var definitions: [CrossReferences.Definition] = []
        for cell in cells {
            guard let label = cell.options.label else { continue }
            definitions.append(.init(name: label, place: .cell, location: Self.labelLocation(of: cell, in: text)))
        }
        for cell in cells {
            for (name, location) in Self.claimLabels(in: cell) {
                definitions.append(.init(name: name, place: .claim, location: location))
            }
        }
        for span in spans {
            guard let label = span.label else { continue }
            definitions.append(.init(name: label.name, place: .equation, location: text.location(line: label.line, byteOffset: label.byteColumn)))
        }
        for raw in rendered.headings {
            guard let label = headingLabels[raw.line] else { continue }
            let title = PlaceholderResolver.pieces(of: raw.text, math: math).map { piece -> String in
                switch piece {
                case .text(let text): text
                case .math(let formula): PlaceholderResolver.delimited(formula)
                }
            }.joined()
            definitions.append(.init(name: label.name, place: .heading, location: label.location, title: title))
        }
        let crossReferences = CrossReferences(
            definitions: definitions,
            references: referenceLabels.map { ($0.name, text.location(line: $0.line, byteOffset: $0.byteColumn)) },
            path: path, text: text)
        problems += crossReferences.problems
        for index in math.indices {
            if let label = math[index].label { math[index].number = crossReferences.targets[label]?.number }
        }
        if !problems.isEmpty { throw NotebookFailure(problems.sorted { $0.location < $1.location }) }

        var resolver = PlaceholderResolver(math: math, rawHeadings: rendered.headings,
                                           headingIDs: headingLabels.mapValues(\.name),
                                           references: referenceLabels.map(\.name), targets: crossReferences.targets)
        let parts = resolver.resolve(rendered.html)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let title = frontMatter.title
            ?? resolver.headings.first(where: { $0.level == 1 })?.text
            ?? name
        var notebook = Notebook(path: path, source: source, name: name, frontMatter: frontMatter, frontMatterLines: frontMatterLines,
                                title: title, parts: parts, cells: cells, headings: resolver.headings)
        notebook.crossReferences = crossReferences.targets
        notebook.safe = safe
        return notebook
    }

    /// The claims a cell labels, `expect(…, label: "clm-name")`, found in its source (the
    /// cell language requires the label to be a string literal) with the label's location.
    static func claimLabels(in cell: Cell) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        for (number, line) in cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "label:") {
                var start = range.upperBound
                while start < rest.endIndex, rest[start] == " " || rest[start] == "\t" { start = rest.index(after: start) }
                rest = rest[start...]
                guard rest.hasPrefix("\"clm-") else { continue }
                let nameStart = rest.index(after: rest.startIndex)
                guard let close = rest[nameStart...].firstIndex(of: "\"") else { break }
                let name = String(rest[nameStart..<close])
                let column = line[..<nameStart].unicodeScalars.count + 1
                if name.utf8.allSatisfy(MathMasker.isLabelByte) { found.append((name, cell.fileLocation(line: number + 1, column: column))) }
                rest = rest[close...]
            }
        }
        return found
    }

    /// Where a cell's `//| label:` value is (its fence when the label came from elsewhere).
    private static func labelLocation(of cell: Cell, in text: SourceText) -> SourceLocation {
        for line in (cell.fence.line + 1)..<max(cell.fence.line + 1, cell.firstLine) where text.lines.indices.contains(line - 1) {
            let content = text.lines[line - 1]
            guard let range = content.range(of: "label:") else { continue }
            var start = range.upperBound
            while start < content.endIndex, content[start] == " " || content[start] == "\t" { start = content.index(after: start) }
            return text.location(line: line, byteOffset: content.utf8.distance(from: content.startIndex, to: start))
        }
        return cell.fence
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
