extension SafeURL {
    /// Whether the attribute `name` of an element `element` (both in lower case) may keep
    /// `value`, its text with character references not yet decoded. Attributes that carry no URL
    /// keep anything; those that carry one or a list of them keep only what `isDangerous` lets
    /// through; `refresh`: the element is a `<meta http-equiv="refresh">`, whose `content`
    /// holds a URL after the delay.
    static func keeps<Value: Collection<Unicode.Scalar>>(attribute name: String, of element: String, value: Value,
                                                         refresh: Bool = false) -> Bool {
        switch name {
        case "href", "src", "action", "formaction", "xlink:href", "xml:base", "poster", "background", "data",
             "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "classid", "profile", "usemap":
            return !isDangerous(scalars: Array(value), asImage: isImageSource(name, of: element))
        case "srcset", "imagesrcset", "ping", "archive":
            // Candidates are separated by commas or spaces; a data URL's comma only splits it
            // into its scheme part and its payload, which is checked as harmless text.
            let asImage = isImageSource(name, of: element)
            return pieces(of: value, separatedBy: { $0 == "," || isHTMLSpace($0) })
                .allSatisfy { !isDangerous(scalars: $0, asImage: asImage) }
        case "to", "from", "by", "values":
            // SVG animation can set another attribute (an `href`) to these, `;`-separated.
            return pieces(of: value, separatedBy: { $0 == ";" }).allSatisfy { !isDangerous(scalars: $0) }
        case "content" where refresh:
            return !isDangerous(scalars: refreshTarget(characterReferencesDecoded(Array(value))))
        default:
            return true
        }
    }

    /// Whether the attribute is where an image comes from, which may be a `data:image/…` URL.
    static func isImageSource(_ name: String, of element: String) -> Bool {
        switch name {
        case "poster", "background": true
        case "src", "srcset", "imagesrcset", "lowsrc", "dynsrc": ["img", "source", "picture", "input"].contains(element)
        case "href", "xlink:href": element == "image"
        default: false
        }
    }

    /// `value`'s pieces between separators, character references decoded first.
    private static func pieces(of value: some Collection<Unicode.Scalar>, separatedBy isSeparator: (Unicode.Scalar) -> Bool) -> [[Unicode.Scalar]] {
        characterReferencesDecoded(Array(value)).split(whereSeparator: isSeparator).map(Array.init)
    }

    /// The URL of a refresh's `content` (`5; url=…`): what follows the delay, `url=` and a quote.
    static func refreshTarget(_ content: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var rest = content[...].drop { isHTMLSpace($0) || (0x30...0x39).contains($0.value) || $0 == "." }
        rest = rest.drop { isHTMLSpace($0) || $0 == ";" || $0 == "," }
        if rest.prefix(3).map({ Character($0).lowercased() }).joined() == "url" {
            let afterName = rest.dropFirst(3).drop(while: isHTMLSpace)
            if afterName.first == "=" { rest = afterName.dropFirst().drop(while: isHTMLSpace) }
        }
        return Array(rest.drop { $0 == "\"" || $0 == "'" })
    }

    /// The HTML tokenizer's whitespace, with the carriage return it turns into a line feed.
    static func isHTMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r"
    }
}

extension SafeURL {
    /// `html`, raw HTML as an author wrote it, with every dangerous URL taken out of the
    /// attributes that carry one (`keeps`): a quoted value is emptied (`href=""`), an unquoted
    /// one goes with its attribute. Nothing else changes: event handlers and the rest of raw
    /// HTML are the author's choice.
    ///
    /// Tags are read as a browser's tokenizer reads them (attribute names in any case, `/` or
    /// no space between attributes, quoted and unquoted values, character references). Since
    /// where a browser starts a tag depends on context (a comment, `<noscript>`, `<title>`, foreign
    /// content) this does not know, a tag is read from every `<` that a tag read before does
    /// not hold in a name or an unquoted value, including every `<` inside quoted values. Taking
    /// text out can join what was apart, so the pass runs again until it finds nothing.
    ///
    /// HTML made to defeat this (tags within values within tags, so deep that reading them
    /// costs far more than the text is long, or that a few passes do not settle) is not
    /// guessed at: it becomes `omitted`, what safe mode writes for any raw HTML.
    public static func disarmingURLs(inRawHTML html: String) -> String {
        guard html.unicodeScalars.contains("<") else { return html }
        var scalars = Array(html.unicodeScalars)
        var changed = false
        for _ in 0..<passes {
            guard let removals = dangerousRanges(in: scalars) else { return omitted(html) }
            if removals.isEmpty {
                guard changed else { return html }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
            scalars = removing(removals, from: scalars)
            changed = true
        }
        return omitted(html)
    }

    /// What cmark-gfm's safe mode writes in place of raw HTML, with the line break an HTML
    /// block's text ends with.
    static func omitted(_ html: String) -> String {
        "<!-- raw HTML omitted -->" + (html.hasSuffix("\n") ? "\n" : "")
    }

    /// How many passes may find something before the HTML is given up on.
    static let passes = 8

    /// How many characters reading tags may cost for each character of the text (and a margin).
    static let readingBudget = (perCharacter: 16, margin: 1 << 16)

    /// An attribute as a tag's reading found it.
    struct Attribute {
        var name: String
        var nameStart: Int
        /// The value's characters, quotes excluded; nil for an attribute without a value.
        var content: Range<Int>?
        /// Whether the value is quoted.
        var quoted: Bool
        /// Where the attribute ends (after its closing quote, if any).
        var end: Int
    }

    /// A tag read from one `<`.
    struct Tag {
        var name: String
        var attributes: [Attribute]
        /// Just after the tag's `>`, or the end of the text.
        var end: Int
    }

    /// The ranges to take out of `text`, in order and not overlapping; nil when reading its
    /// tags would cost more than `readingBudget` allows.
    static func dangerousRanges(in text: [Unicode.Scalar]) -> [Range<Int>]? {
        var held = [Bool](repeating: false, count: text.count)
        var ranges: [Range<Int>] = []
        var budget = text.count * readingBudget.perCharacter + readingBudget.margin
        for start in text.indices where text[start] == "<" && !held[start] {
            guard let tag = readTag(text, at: start) else { continue }
            budget -= tag.end - start
            if budget < 0 { return nil }
            for position in (start + 1)..<tag.end { held[position] = true }
            for attribute in tag.attributes {
                guard attribute.quoted, let content = attribute.content else { continue }
                for position in content { held[position] = false }
            }
            let refresh = tag.name == "meta" && tag.attributes.contains { attribute in
                guard attribute.name == "http-equiv", let content = attribute.content else { return false }
                let value = characterReferencesDecoded(Array(text[content])).filter { !isHTMLSpace($0) }
                return String(String.UnicodeScalarView(value)).lowercased() == "refresh"
            }
            for attribute in tag.attributes {
                guard let content = attribute.content,
                      !keeps(attribute: attribute.name, of: tag.name, value: text[content], refresh: refresh) else { continue }
                ranges.append(attribute.quoted ? content : attribute.nameStart..<attribute.end)
            }
        }
        return merged(ranges)
    }

    /// Reads the start or end tag that begins at `text[start]` (a `<`), as the HTML tokenizer
    /// would; nil when no tag begins there (`<` not followed by a letter or `/` and a letter).
    static func readTag(_ text: [Unicode.Scalar], at start: Int) -> Tag? {
        var index = start + 1
        if index < text.count, text[index] == "/" { index += 1 }
        guard index < text.count, isASCIILetter(text[index]) else { return nil }
        var name = ""
        while index < text.count, !isHTMLSpace(text[index]), text[index] != "/", text[index] != ">" {
            if name.unicodeScalars.count <= 32 { name.unicodeScalars.append(lowercased(text[index])) }
            index += 1
        }
        var attributes: [Attribute] = []
        while index < text.count {
            // Before an attribute's name: spaces and `/` (a `/` not before `>` is read as a space).
            while index < text.count, isHTMLSpace(text[index]) || text[index] == "/" { index += 1 }
            guard index < text.count else { break }
            if text[index] == ">" {
                index += 1
                return Tag(name: name, attributes: attributes, end: index)
            }
            // The name: its first character may be `=`; then up to a space, `/`, `>` or `=`.
            let nameStart = index
            var attributeName = String(lowercased(text[index]))
            index += 1
            while index < text.count, !isHTMLSpace(text[index]), text[index] != "/", text[index] != ">", text[index] != "=" {
                if attributeName.unicodeScalars.count <= 32 { attributeName.unicodeScalars.append(lowercased(text[index])) }
                index += 1
            }
            var probe = index
            while probe < text.count, isHTMLSpace(text[probe]) { probe += 1 }
            guard probe < text.count, text[probe] == "=" else {
                attributes.append(Attribute(name: attributeName, nameStart: nameStart, content: nil, quoted: false, end: index))
                index = probe
                continue
            }
            index = probe + 1
            while index < text.count, isHTMLSpace(text[index]) { index += 1 }
            guard index < text.count else {
                attributes.append(Attribute(name: attributeName, nameStart: nameStart, content: nil, quoted: false, end: index))
                break
            }
            let first = text[index]
            if first == ">" {
                attributes.append(Attribute(name: attributeName, nameStart: nameStart, content: nil, quoted: false, end: index))
                continue
            }
            if first == "\"" || first == "'" {
                let contentStart = index + 1
                var contentEnd = contentStart
                while contentEnd < text.count, text[contentEnd] != first { contentEnd += 1 }
                index = min(contentEnd + 1, text.count)
                attributes.append(Attribute(name: attributeName, nameStart: nameStart, content: contentStart..<contentEnd,
                                            quoted: true, end: index))
            } else {
                let contentStart = index
                while index < text.count, !isHTMLSpace(text[index]), text[index] != ">" { index += 1 }
                attributes.append(Attribute(name: attributeName, nameStart: nameStart, content: contentStart..<index,
                                            quoted: false, end: index))
            }
        }
        return Tag(name: name, attributes: attributes, end: text.count)
    }

    /// Ranges sorted and joined where they overlap or touch.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `text` without the characters in `ranges` (sorted, apart).
    static func removing(_ ranges: [Range<Int>], from text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        var position = 0
        for range in ranges {
            if range.lowerBound > position { result.append(contentsOf: text[position..<min(range.lowerBound, text.count)]) }
            position = max(position, range.upperBound)
        }
        if position < text.count { result.append(contentsOf: text[position...]) }
        return result
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }
}
