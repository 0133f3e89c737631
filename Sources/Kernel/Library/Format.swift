#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `String(format:)` for the printf conversions numbers need: `%d`, `%f`, `%e`, `%g`,
/// `%s`/`%@`, `%%`, with flags, width and precision.
enum Format {
    static func format(_ template: String, _ values: [Value]) throws -> String {
        var result = ""
        var remaining = values[...]
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            var specifier = "%"
            var conversion: Character?
            while let next = characters.next() {
                if "-+ #0123456789.l".contains(next) {
                    if next != "l" { specifier.append(next) }
                    continue
                }
                conversion = next
                break
            }
            guard let conversion else { throw Failure("String(format:): the format ends inside a conversion") }
            // Flags, then a width, then a precision, as printf defines them: another order
            // (`%.7-f`) is not a conversion printf knows.
            if !Format.isWellFormed(specifier) {
                throw Failure("String(format:): '\(specifier)\(conversion)' is not a conversion: flags (-+ #0) come first, then the width, then '.' and the precision")
            }
            // Width and precision are at most three digits: the text of one conversion stays
            // within printf's buffer, so nothing is cut short without saying so.
            for number in specifier.dropFirst().split(whereSeparator: { !$0.isNumber }) where number.count > 3 {
                throw Failure("String(format:): the width or precision \(number.drop { $0 == "0" }) in '\(specifier)\(conversion)' is larger than 999")
            }
            if conversion == "%" {
                result += "%"
                continue
            }
            guard let value = remaining.popFirst() else {
                throw Failure("String(format:): more conversions than values")
            }
            switch conversion {
            case "d", "i":
                guard case let .int(number) = value else { throw Failure("String(format:): %d needs an Int, got '\(value.typeName)'") }
                result += printf(specifier + "lld", number)
            case "f", "e", "g", "F", "E", "G":
                guard let number = value.asDouble else { throw Failure("String(format:): %\(conversion) needs a number, got '\(value.typeName)'") }
                result += printf(specifier + String(conversion), number)
            case "s", "@":
                result += try value.described()
            default:
                throw Failure("String(format:): the conversion '%\(conversion)' is not supported")
            }
        }
        return result
    }

    /// Whether `specifier` (from `%` to just before the conversion letter) is flags, an
    /// optional width and an optional precision, in that order.
    static func isWellFormed(_ specifier: String) -> Bool {
        var rest = specifier.dropFirst()[...]
        while let first = rest.first, "-+ #0".contains(first) { rest = rest.dropFirst() }
        while let first = rest.first, first.isASCII, first.isNumber { rest = rest.dropFirst() }
        if rest.first == "." {
            rest = rest.dropFirst()
            while let first = rest.first, first.isASCII, first.isNumber { rest = rest.dropFirst() }
        }
        return rest.isEmpty
    }

    private static func printf(_ specifier: String, _ argument: CVarArg) -> String {
        var buffer = [CChar](repeating: 0, count: 1536)
        let count = withVaList([argument]) { list in
            vsnprintf(&buffer, buffer.count, specifier, list)
        }
        guard count >= 0 else { return "" }
        let bytes = buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
