import Markup

/// What a cross-reference points at, numbered per page in order of appearance.
public struct CrossReference: Hashable, Sendable {
    /// The kinds, by the label's prefix (Quarto's spelling).
    public enum Kind: String, Sendable {
        case figure = "fig-", table = "tbl-", equation = "eq-", section = "sec-", claim = "clm-"
    }

    public var kind: Kind
    /// 1, 2, … among the page's labels of the same kind.
    public var number: Int
    /// How a reference reads: "Figure 2", "Table 1", "Equation (3)", "Claim 4", or a section's title.
    public var text: String
}

/// Labels and references of one notebook: `//| label: fig-…` and `tbl-…` on cells,
/// `$$ … $$ {#eq-…}` on display math, `## Title {#sec-…}` on headings; `@fig-…` and its kin in
/// prose. A reference to a missing label, two labels alike, or a label in the wrong place is a
/// located error.
struct CrossReferences {
    /// A label as written, with the kind of thing it is on.
    struct Definition {
        enum Place { case cell, equation, heading, claim }
        var name: String
        var place: Place
        var location: SourceLocation
        /// A heading's text (the link text of a section reference).
        var title: String?
    }

    /// The targets by label, for every label that can be referenced.
    private(set) var targets: [String: CrossReference] = [:]
    private(set) var problems: [Diagnostic] = []

    /// Numbers `definitions` (in document order) and checks them and the `references`.
    init(definitions: [Definition], references: [(name: String, location: SourceLocation)], path: String, text: SourceText) {
        func problem(_ location: SourceLocation, _ message: String) {
            problems.append(Diagnostic(path: path, location: location, message: message, excerpt: text.excerpt(at: location)))
        }
        var seen: [String: SourceLocation] = [:]
        var counts: [CrossReference.Kind: Int] = [:]
        for definition in definitions.sorted(by: { $0.location < $1.location }) {
            if let first = seen[definition.name] {
                problem(definition.location, "the label '\(definition.name)' is already used at line \(first.line)")
                continue
            }
            seen[definition.name] = definition.location
            let kind = [CrossReference.Kind.figure, .table, .equation, .section, .claim].first { definition.name.hasPrefix($0.rawValue) }
            switch (definition.place, kind) {
            case (.cell, .figure?), (.cell, .table?), (.equation, .equation?), (.heading, .section?), (.claim, .claim?):
                break
            case (.cell, nil):
                continue  // an anchor, not numbered
            case (.cell, _):
                problem(definition.location, "a cell's label that can be referenced starts with 'fig-' or 'tbl-', not '\(definition.name)'")
                continue
            case (.equation, _):
                problem(definition.location, "an equation's label starts with 'eq-', not '\(definition.name)'")
                continue
            case (.heading, _):
                problem(definition.location, "a section's label starts with 'sec-', not '\(definition.name)'")
                continue
            case (.claim, _):
                continue  // the cell language reports it when the cell runs
            }
            guard let kind else { continue }
            let number = counts[kind, default: 0] + 1
            counts[kind] = number
            let shown: String
            switch kind {
            case .figure: shown = "Figure \(number)"
            case .table: shown = "Table \(number)"
            case .equation: shown = "Equation (\(number))"
            case .section: shown = definition.title ?? definition.name
            case .claim: shown = "Claim \(number)"
            }
            targets[definition.name] = CrossReference(kind: kind, number: number, text: shown)
        }
        let names = targets.keys.sorted()
        for reference in references where targets[reference.name] == nil {
            var message = "no figure, table, equation, section or claim on this page is labelled '\(reference.name)'"
            if let guess = Suggestion.closest(to: reference.name, in: names) {
                message += "; did you mean '@\(guess)'?"
            }
            problem(reference.location, message)
        }
    }

    /// An ATX heading line's trailing `{#name}`: the name, the 0-based byte offset of the name,
    /// and where the `{` is, if the line has one.
    static func headingLabel(_ line: Substring) -> (name: String, byteColumn: Int, suffixStart: String.Index)? {
        let trimmed = line.prefix { $0 == " " }
        guard trimmed.count <= 3, line.dropFirst(trimmed.count).first == "#" else { return nil }
        let hashes = line.dropFirst(trimmed.count).prefix { $0 == "#" }
        guard hashes.count <= 6 else { return nil }
        let afterHashes = line.dropFirst(trimmed.count + hashes.count)
        guard let first = afterHashes.first, first == " " || first == "\t" else { return nil }
        var body = line[...]
        while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
        guard body.hasSuffix("}"), let open = body.lastIndex(of: "{"),
              body[body.index(after: open)...].first == "#" else { return nil }
        let name = body[body.index(open, offsetBy: 2)..<body.index(before: body.endIndex)]
        guard !name.isEmpty, name.utf8.allSatisfy(MathMasker.isLabelByte) else { return nil }
        // The label needs a space before it, and some title before that.
        guard open > afterHashes.startIndex, line[line.index(before: open)] == " " || line[line.index(before: open)] == "\t",
              body[afterHashes.startIndex..<open].contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
        return (String(name), line.utf8.distance(from: line.startIndex, to: open) + 2, open)
    }
}
