/// The one place where text becomes HTML or XML: every string that weave writes into markup,
/// and did not receive as markup from cmark-gfm, passes through these functions.
public enum HTML {
    /// Escapes text for an HTML or XML text node or a double-quoted attribute value.
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An element with escaped attribute values around content that is already markup.
    public static func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: String
    ) -> String {
        "<\(name)\(attributeList(attributes, element: name))>\(content)</\(name)>"
    }

    /// A void element (`<meta>`, `<link>`, …) with escaped attribute values.
    public static func void(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) -> String {
        "<\(name)\(attributeList(attributes, element: name))>"
    }

    /// ` name="value"` pairs in the given order, values escaped; empty values are written too.
    /// A URL attribute (`href`, `src`, …) whose value `SafeURL` finds dangerous is written
    /// empty; `element` names the element they belong to (an `img` may show a `data:image/png`).
    public static func attributeList(_ attributes: KeyValuePairs<String, String>, element: String = "") -> String {
        var text = ""
        for (name, value) in attributes {
            let kept = SafeURL.keeps(attribute: name, of: element, value: value.unicodeScalars) ? value : ""
            text += " \(name)=\"\(escape(kept))\""
        }
        return text
    }

    /// A JSON string literal that can stand inside a `<script>` element: quotes, backslashes,
    /// control characters and U+2028/2029 escaped, and `<` written `\u003c`, so no `</script>`
    /// (or `<!--`) in the text can end the element.
    public static func scriptJSONString(_ text: some StringProtocol) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "<": result += "\\u003c"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
