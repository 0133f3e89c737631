/// The one rule for every URL weave writes into a page: a URL that would run script or open
/// a document of the author's making when followed is never written.
///
/// The rule is cmark-gfm's own (`_scan_dangerous_url` in its `scanners.re`): a URL whose
/// scheme is `javascript:`, `vbscript:`, `file:` or `data:` is dangerous, except that an image
/// may come from `data:image/png`, `data:image/gif`, `data:image/jpeg` or `data:image/webp`.
/// cmark-gfm matches the bytes as written; a browser is more lenient, so the scheme is read
/// here as a browser might read it, and then some: character references are decoded (as in an
/// attribute value), then percent escapes, then every control character and space is removed
/// (a browser strips them before the scheme, and tabs and line breaks anywhere), and letters
/// are compared without case. `java&#x09;script:`, ` JaVaScRiPt:` and `%6Aavascript:` are all
/// dangerous. A URL that is not is kept byte for byte.
public enum SafeURL {
    /// Whether `url` must not be written; `asImage`: it is an image's source.
    public static func isDangerous(_ url: some StringProtocol, asImage: Bool = false) -> Bool {
        isDangerous(scalars: Array(url.unicodeScalars), asImage: asImage)
    }

    /// As `isDangerous(_:asImage:)`, for a URL given as its scalars.
    static func isDangerous(scalars url: [Unicode.Scalar], asImage: Bool = false) -> Bool {
        let probe = schemeProbe(url)
        if probe.hasPrefix("javascript:") || probe.hasPrefix("vbscript:") || probe.hasPrefix("file:") { return true }
        guard probe.hasPrefix("data:") else { return false }
        return !(asImage && imageDataPrefixes.contains { probe.hasPrefix($0) })
    }

    /// `url` when it may be written, else the empty string (an `href=""` that goes nowhere).
    public static func filtered(_ url: String, asImage: Bool = false) -> String {
        isDangerous(url, asImage: asImage) ? "" : url
    }

    /// A relative link to the file `name` beside the page: a name whose first part holds a `:`
    /// (a notebook called `javascript:x.md`) would read as a scheme, so it starts with `./`.
    public static func relativeLink(toFile name: String) -> String {
        let firstPart = name.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return firstPart.contains(":") ? "./" + name : name
    }

    /// The data URLs an image may have.
    static let imageDataPrefixes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// How many significant characters of a URL decide its scheme here (`javascript:` and a margin).
    static let probeLength = 16

    /// How many times references and percent escapes are decoded: a browser decodes references
    /// once and never a scheme's percent escapes, so three rounds read more than it would.
    static let decodingRounds = 3

    /// The start of `url` as a browser might read its scheme: references and percent escapes
    /// decoded (in rounds, while that changes anything), controls and spaces gone, ASCII letters
    /// in lower case; at most `probeLength` characters.
    static func schemeProbe(_ url: [Unicode.Scalar]) -> String {
        var scalars = url
        // Each round is linear; a bound on their number keeps a URL nested deep from costing
        // time quadratic in its length.
        for _ in 0..<decodingRounds {
            let decoded = percentDecoded(characterReferencesDecoded(scalars))
            if decoded == scalars { break }
            scalars = decoded
        }
        var probe = ""
        for scalar in scalars where scalar.value > 0x20 && scalar.value != 0x7F {
            if (0x41...0x5A).contains(scalar.value), let lower = Unicode.Scalar(scalar.value + 0x20) {
                probe.unicodeScalars.append(lower)
            } else {
                probe.unicodeScalars.append(scalar)
            }
            if probe.unicodeScalars.count >= probeLength { break }
        }
        return probe
    }

    // MARK: Decoding

    /// Named character references that stand for ASCII characters a URL's scheme could be made of
    /// or hidden with (letters have none; `&fjlig;` is two of them).
    static let namedReferences: [String: String] = [
        "Tab": "\t", "NewLine": "\n", "colon": ":", "excl": "!", "quot": "\"", "QUOT": "\"", "num": "#",
        "dollar": "$", "percnt": "%", "amp": "&", "AMP": "&", "apos": "'", "lpar": "(", "rpar": ")",
        "ast": "*", "midast": "*", "plus": "+", "comma": ",", "period": ".", "sol": "/", "semi": ";",
        "lt": "<", "LT": "<", "equals": "=", "gt": ">", "GT": ">", "quest": "?", "commat": "@",
        "lsqb": "[", "lbrack": "[", "bsol": "\\", "rsqb": "]", "rbrack": "]", "Hat": "^", "lowbar": "_",
        "UnderBar": "_", "grave": "`", "DiacriticalGrave": "`", "lcub": "{", "lbrace": "{", "verbar": "|",
        "vert": "|", "VerticalLine": "|", "rcub": "}", "rbrace": "}", "fjlig": "fj",
    ]

    /// `text` with character references decoded as in an HTML attribute value: numeric ones
    /// with or without their `;`, named ones from `namedReferences` with it; others stay.
    static func characterReferencesDecoded(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard text.contains("&") else { return text }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let scalar = text[index]
            guard scalar == "&", let (decoded, length) = reference(in: text, at: index) else {
                result.append(scalar)
                index += 1
                continue
            }
            result.append(contentsOf: decoded)
            index += length
        }
        return result
    }

    /// The reference starting at `text[start]` (an `&`): what it stands for and its length.
    private static func reference(in text: [Unicode.Scalar], at start: Int) -> ([Unicode.Scalar], Int)? {
        var index = start + 1
        guard index < text.count else { return nil }
        if text[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < text.count, text[index] == "x" || text[index] == "X" {
                radix = 16
                index += 1
            }
            let digitsStart = index
            var value: UInt32 = 0
            while index < text.count, let digit = digitValue(text[index], radix: radix) {
                // Past U+10FFFF the value no longer matters: it stands for U+FFFD.
                value = min(value &* radix &+ digit, 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < text.count, text[index] == ";" { index += 1 }
            return ([numericScalar(value)], index - start)
        }
        var name = ""
        while index < text.count, index - start <= 32, isASCIILetterOrDigit(text[index]) {
            name.unicodeScalars.append(text[index])
            index += 1
        }
        guard index < text.count, text[index] == ";", let value = namedReferences[name] else { return nil }
        return (Array(value.unicodeScalars), index + 1 - start)
    }

    /// The character a numeric reference stands for, as HTML decodes it (the C1 controls that
    /// Windows-1252 fills stand for non-ASCII characters; which ones does not matter here).
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46 where radix == 16: scalar.value - 0x41 + 10
        case 0x61...0x66 where radix == 16: scalar.value - 0x61 + 10
        default: nil
        }
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// `text` with each `%XX` replaced by the byte it encodes (a byte above 0x7F becomes the
    /// scalar of the same number: only ASCII matters for a scheme).
    static func percentDecoded(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard text.contains("%") else { return text }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == "%", index + 2 < text.count,
               let high = digitValue(text[index + 1], radix: 16), let low = digitValue(text[index + 2], radix: 16),
               let byte = Unicode.Scalar(high * 16 + low) {
                result.append(byte)
                index += 3
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
