import Markup

/// Turns cmark-gfm's HTML, which still holds placeholders, into the notebook's parts:
/// math between HTML pieces, cells and headings at their places, ids for headings.
struct PlaceholderResolver {
    let math: [Math]
    /// The label each reference placeholder names, and what the labels stand for.
    let references: [String]
    let targets: [String: CrossReference]
    private(set) var headings: [Notebook.Heading] = []
    private var slugger = Slugger()

    init(math: [Math], rawHeadings: [CMarkDocument.RawHeading], headingIDs: [Int: String] = [:],
         references: [String] = [], targets: [String: CrossReference] = [:]) {
        self.math = math
        self.references = references
        self.targets = targets
        headings = rawHeadings.map { raw in
            let pieces = Self.pieces(of: raw.text, math: math)
            return Notebook.Heading(
                level: raw.level, id: "", markup: [],
                text: pieces.map { piece in
                    switch piece {
                    case .text(let text): text
                    case .math(let formula): Self.delimited(formula)
                    }
                }.joined(),
                content: pieces.map { piece in
                    switch piece {
                    case .text(let text): .html(HTML.escape(text))
                    case .math(let formula): .math(formula)
                    }
                })
        }
        for index in headings.indices {
            headings[index].id = headingIDs[rawHeadings[index].line] ?? slugger.slug(headings[index].text)
        }
    }

    /// The link a reference placeholder stands for (its label's text when used inside a tag).
    private func reference(_ number: Int, inTag: Bool) -> String {
        guard references.indices.contains(number), let target = targets[references[number]] else { return "" }
        let text = HTML.escape(target.text)
        return inTag ? text : HTML.element("a", ["class": "xref", "href": "#" + references[number]], content: text)
    }

    /// Splits `html` into parts. A heading becomes a `.heading` part whose inline content goes
    /// into `headings` (cmark-gfm writes `<hN>`, the heading placeholder, the content, `</hN>\n`);
    /// its element and anchor are the page's to write.
    mutating func resolve(_ html: String) -> [Notebook.Part] {
        var parts: [Notebook.Part] = []
        var buffer = ""
        var inTag = false
        var quote: Unicode.Scalar?
        var scalars = html.unicodeScalars.makeIterator()
        // The heading being read: its number, its closing tag, its content so far.
        var heading: (number: Int, closing: String, content: [Notebook.Part])?
        var dropNewline = false

        func emit(_ part: Notebook.Part) {
            if heading != nil { heading?.content.append(part) } else { parts.append(part) }
        }
        func flush() {
            if !buffer.isEmpty { emit(.html(buffer)) }
            buffer = ""
        }

        while let scalar = scalars.next() {
            if dropNewline {
                dropNewline = false
                if scalar == "\n" { continue }
            }
            guard scalar.value >= Placeholder.reservedStart else {
                if inTag {
                    if let open = quote {
                        if scalar == open { quote = nil }
                    } else if scalar == "\"" || scalar == "'" {
                        quote = scalar
                    } else if scalar == ">" {
                        inTag = false
                    }
                } else if scalar == "<" {
                    inTag = true
                }
                buffer.unicodeScalars.append(scalar)
                if scalar == ">", let open = heading, buffer.hasSuffix(open.closing) {
                    buffer.removeLast(open.closing.count)
                    flush()
                    headings[open.number].markup = heading?.content ?? []
                    heading = nil
                    parts.append(.heading(open.number))
                    dropNewline = true
                }
                continue
            }
            if scalar.value == Placeholder.continuation {
                if buffer.hasSuffix("\n") { buffer.removeLast() }
                continue
            }
            let number = Self.readNumber(&scalars)
            switch Placeholder.Kind(rawValue: scalar.value) {
            case .math?:
                guard math.indices.contains(number) else { continue }
                if inTag {
                    buffer += HTML.escape(Self.delimited(math[number]))
                } else {
                    flush()
                    emit(.math(math[number]))
                }
            case .reference?:
                buffer += reference(number, inTag: inTag)
            case .cell?:
                flush()
                emit(.cell(number))
            case .heading?:
                guard heading == nil, headings.indices.contains(number) else { continue }
                let opening = "<h\(headings[number].level)>"
                guard buffer.hasSuffix(opening) else { continue }
                buffer.removeLast(opening.count)
                flush()
                heading = (number, "</h\(headings[number].level)>", [])
            case nil:
                continue
            }
        }
        flush()
        if let open = heading {
            // cmark-gfm always closes a heading; should one stay open, it still is one.
            headings[open.number].markup = open.content
            parts.append(.heading(open.number))
        }
        return parts
    }

    /// Reads placeholder digits up to the closing marker.
    private static func readNumber(_ scalars: inout String.UnicodeScalarView.Iterator) -> Int {
        var number = 0
        while let scalar = scalars.next(), scalar.value != Placeholder.end {
            let digit = Int(scalar.value) - Int(Placeholder.digitZero)
            guard (0...9).contains(digit), number < Int.max / 10 - 9 else { continue }
            number = number * 10 + digit
        }
        return number
    }

    /// Raw HTML as the author wrote it: `text` with each formula's placeholder back to its
    /// delimited TeX and each reference's to `@label` (a line break a formula holds is the
    /// formula's, so the one before a continuation marker goes, as in `resolve`).
    static func verbatim(_ text: String, math: [Math], references: [String]) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= Placeholder.reservedStart }) else { return text }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar.value >= Placeholder.reservedStart else {
                result.unicodeScalars.append(scalar)
                continue
            }
            if scalar.value == Placeholder.continuation {
                if result.hasSuffix("\n") { result.removeLast() }
                continue
            }
            let number = readNumber(&scalars)
            switch Placeholder.Kind(rawValue: scalar.value) {
            case .math? where math.indices.contains(number): result += delimited(math[number])
            case .reference? where references.indices.contains(number): result += "@" + references[number]
            default: continue
            }
        }
        return result
    }

    /// Math as the author wrote it, delimiters included: how it reads where markup cannot go.
    static func delimited(_ math: Math) -> String {
        math.display ? "$$\(math.tex)$$" : "$\(math.tex)$"
    }

    /// A run of heading text or a formula.
    enum Piece {
        case text(String)
        case math(Math)
    }

    /// Heading text (which still holds math placeholders) as runs of text and formulas.
    static func pieces(of text: String, math: [Math]) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.value == Placeholder.Kind.math.rawValue {
                let number = readNumber(&scalars)
                guard math.indices.contains(number) else { continue }
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.math(math[number]))
            } else if scalar.value < Placeholder.reservedStart {
                literal.unicodeScalars.append(scalar)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }
}
