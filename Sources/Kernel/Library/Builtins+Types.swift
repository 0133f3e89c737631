extension Builtins {
    func registerTypes() {
        defineType(TypeObject("Double", construct: { arguments, _ in
            let value = try match(arguments, Signature("Double(_:)", .any))[0]
            switch value {
            case let .int(number): return .double(Double(number))
            case .double: return value
            case let .string(text): return Double(text).map { .double($0) } ?? .none
            default: throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type 'Double'")
            }
        }, members: [
            .property("pi") { _, _ in .double(.pi) }, .property("infinity") { _, _ in .double(.infinity) },
            .property("nan") { _, _ in .double(.nan) },
            .property("greatestFiniteMagnitude") { _, _ in .double(.greatestFiniteMagnitude) },
            .property("leastNonzeroMagnitude") { _, _ in .double(.leastNonzeroMagnitude) },
            .property("ulpOfOne") { _, _ in .double(.ulpOfOne) },
        ]))
        defineType(TypeObject("Int", construct: { arguments, _ in
            let value = try match(arguments, Signature("Int(_:)", .any))[0]
            switch value {
            case .int: return value
            case let .double(number):
                guard number.isFinite else {
                    throw Failure("Double value cannot be converted to Int because it is either infinite or NaN")
                }
                guard number > -9.223372036854775808e18, number < 9.223372036854775808e18 else {
                    throw Failure("Double value \(Value.format(number)) cannot be converted to Int because the result would be greater than Int.max or less than Int.min")
                }
                return .int(Int(number))
            case let .string(text): return Int(text).map { .int($0) } ?? .none
            case let .bool(flag): return .int(flag ? 1 : 0)
            default: throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type 'Int'")
            }
        }, members: [.property("max") { _, _ in .int(.max) }, .property("min") { _, _ in .int(.min) }]))
        defineType(TypeObject("String", construct: { arguments, runtime in
            if let first = arguments.first, first.label == "format" {
                guard case let .string(template) = first.value, arguments.dropFirst().allSatisfy({ $0.label == nil }) else {
                    throw Failure("expected String(format: String, _: CVarArg...)")
                }
                return .string(try Format.format(template, arguments.dropFirst().map(\.value)))
            }
            let (index, values) = try match(arguments, [
                Signature("String(_:)", .any), Signature("String(describing:)", .any),
                Signature("String(repeating:count:)", .string, .int),
            ])
            switch index {
            case 0:
                if case let .array(items, _) = values[0], items.allSatisfy(\.isString) {
                        var text = BoundedText()
                    for item in items { try text.append(item.string) }
                    return .string(text.text)
                }
                return .string(try values[0].described())
            case 1: return .string(try values[0].described())
            default:
                let piece = values[0].string, count = values[1].int
                guard count >= 0 else { throw Failure("String(repeating:count:) needs a count ≥ 0") }
                if piece.isEmpty || count == 0 { return .string("") }
                let (bytes, overflow) = piece.utf8.count.multipliedReportingOverflow(by: count)
                try Budgets.checkText(overflow ? Int.max : bytes, plus: overflow ? 1 : 0)
                return .string(String(repeating: piece, count: count))
            }
        }))
        defineType(TypeObject("Bool", construct: { arguments, _ in
            let value = try match(arguments, Signature("Bool(_:)", .any))[0]
            switch value {
            case .bool: return value
            case let .string(text): return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .none
            default: throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type 'Bool'")
            }
        }))
        defineType(TypeObject("Array", construct: { arguments, runtime in
            var arguments = arguments
            var elementType: String?
            if let last = arguments.last, last.label == "_elementType" {
                elementType = last.value.string
                arguments.removeLast()
            }
            if arguments.isEmpty { return .list([]) }
            let (index, values) = try match(arguments, [Signature("Array(_:)", .any), Signature("Array(repeating:count:)", .any, .int)])
            var result: [Value]
            if index == 0 {
                result = try Sequences.array(values[0], limit: runtime.limits.tensorElements)
            } else {
                let count = values[1].int
                guard count >= 0 else { throw Failure("Array(repeating:count:) needs a count ≥ 0, got \(count)") }
                try runtime.checkElements(count, "Array(repeating:count:)")
                try runtime.spend(count / 16)
                result = Array(repeating: values[0], count: count)
            }
            if elementType == "Double" {
                result = try result.map { value in
                    guard let number = value.asDouble else {
                        throw Failure("cannot convert value of type '\(value.typeName)' to expected element type 'Double'")
                    }
                    return .double(number)
                }
            }
            return try .nested(result)
        }))
        for name in ["Set", "Character", "Float", "Dictionary"] where name != "Float" {
            defineType(TypeObject(name, construct: { _, _ in throw Failure("\(name) is not supported in cells") }))
        }
    }
}
