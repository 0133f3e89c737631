import Markup

/// Turns cmark-gfm's HTML, which still holds placeholders, into the notebook's parts:
/// math between HTML pieces, cells at their places, ids on headings.
struct PlaceholderResolver {
    let math: [Math]
    let rawHeadings: [CMarkDocument.RawHeading]
    private(set) var headings: [Notebook.Heading] = []
    private var slugger = Slugger()

    init(math: [Math], rawHeadings: [CMarkDocument.RawHeading]) {
        self.math = math
        self.rawHeadings = rawHeadings
        headings = rawHeadings.map { raw in
            Notebook.Heading(level: raw.level, id: "", text: Self.replacingMath(in: raw.text, math: math),
                             content: Self.parts(of: raw.text, math: math))
        }
        for index in headings.indices {
            headings[index].id = slugger.slug(headings[index].text)
        }
    }

    /// Splits `html` into parts.
    mutating func resolve(_ html: String) -> [Notebook.Part] {
        var parts: [Notebook.Part] = []
        var buffer = ""
        var inTag = false
        var quote: Unicode.Scalar?
        var scalars = html.unicodeScalars.makeIterator()

        func flush() {
            if !buffer.isEmpty { parts.append(.html(buffer)) }
            buffer = ""
        }

        while let scalar = scalars.next() {
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
                    parts.append(.math(math[number]))
                }
            case .cell?:
                flush()
                parts.append(.cell(number))
            case .heading?:
                guard headings.indices.contains(number), buffer.hasSuffix(">") else { continue }
                let id = HTML.escape(headings[number].id)
                buffer.removeLast()
                buffer += " id=\"\(id)\"><a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\"></a>"
            case nil:
                continue
            }
        }
        flush()
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

    /// Math as the author wrote it, delimiters included: how it reads where markup cannot go.
    static func delimited(_ math: Math) -> String {
        math.display ? "$$\(math.tex)$$" : "$\(math.tex)$"
    }

    /// Heading text as escaped text and formulas.
    static func parts(of text: String, math: [Math]) -> [Notebook.Part] {
        var parts: [Notebook.Part] = []
        var literal = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.value == Placeholder.Kind.math.rawValue {
                let number = readNumber(&scalars)
                guard math.indices.contains(number) else { continue }
                if !literal.isEmpty { parts.append(.html(HTML.escape(literal))) }
                literal = ""
                parts.append(.math(math[number]))
            } else if scalar.value < Placeholder.reservedStart {
                literal.unicodeScalars.append(scalar)
            }
        }
        if !literal.isEmpty { parts.append(.html(HTML.escape(literal))) }
        return parts
    }

    /// Heading text with math placeholders turned back into delimited TeX.
    static func replacingMath(in text: String, math: [Math]) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.value == Placeholder.Kind.math.rawValue {
                let number = readNumber(&scalars)
                if math.indices.contains(number) { result += delimited(math[number]) }
            } else if scalar.value < Placeholder.reservedStart {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
