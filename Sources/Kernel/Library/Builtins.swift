#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names every cell can use without declaring them: standard functions, types, the
/// engine API and the display functions. Nothing here reaches files, network or processes.
final class Builtins {
    private var table: [String: Value] = [:]

    init() {
        registerStandardFunctions()
        registerTypes()
        registerEngine()
        registerDisplays()
        registerFigures()
    }

    var names: [String] { Array(table.keys) }

    func value(_ name: String) -> Value? { table[name] }

    func define(_ name: String, _ body: @escaping ([Argument], Runtime) throws -> Value) {
        table[name] = .function(Builtin(name, body))
    }

    func defineType(_ type: TypeObject) {
        table[type.name] = .object(type)
    }

    private func registerStandardFunctions() {
        define("print") { arguments, runtime in
            var separator = " ", terminator = "\n"
            var items: [String] = []
            for argument in arguments {
                switch argument.label {
                case nil: items.append(try argument.value.described())
                case "separator"?: separator = argument.value.string
                case "terminator"?: terminator = argument.value.string
                case let label?: throw Failure("extra argument '\(label)' in call; expected print(_: Any..., separator: String = \" \", terminator: String = \"\\n\")")
                }
            }
            var line = BoundedText()
            for (index, item) in items.enumerated() {
                try line.append(index == 0 ? item : separator + item)
            }
            try line.append(terminator)
            try runtime.write(line.text)
            return .void
        }
        for name in ["min", "max"] {
            define(name) { arguments, _ in
                guard arguments.count >= 2, arguments.allSatisfy({ $0.label == nil }) else {
                    throw Failure("\(name) takes two or more unlabelled values; expected \(name)(_: T, _: T, _: T...)")
                }
                var best = arguments[0].value
                for argument in arguments.dropFirst() {
                    let value = argument.value
                    let better = name == "min" ? try Operators.compare("<", value, best) : try Operators.compare(">", value, best)
                    if better { best = value }
                }
                let values = arguments.map(\.value)
                if values.contains(where: { if case .double = $0 { return true } else { return false } }), let number = best.asDouble {
                    return .double(number)
                }
                return best
            }
        }
        define("abs") { arguments, _ in
            let value = try match(arguments, Signature("abs(_:)", .any))[0]
            switch value {
            case let .int(number):
                guard number != .min else { throw Failure("arithmetic overflow: abs(\(number)) does not fit in an Int") }
                return .int(abs(number))
            case let .double(number): return .double(abs(number))
            default: throw Failure("cannot convert value of type '\(value.typeName)' to expected argument type 'Double'")
            }
        }
        let functions: [(String, (Double) -> Double)] = [
            ("exp", exp), ("log", log), ("sqrt", { $0.squareRoot() }), ("tanh", tanh), ("sin", sin), ("cos", cos),
            ("tan", tan), ("atan", atan), ("asin", asin), ("acos", acos), ("log2", log2), ("log10", log10),
            ("floor", floor), ("ceil", ceil), ("round", { $0.rounded() }), ("sinh", sinh), ("cosh", cosh), ("exp2", exp2),
        ]
        for (name, function) in functions {
            define(name) { arguments, _ in
                .double(function(try match(arguments, Signature("\(name)(_:)", .double))[0].double))
            }
        }
        define("pow") { arguments, _ in
            let values = try match(arguments, Signature("pow(_:_:)", .double, .double))
            return .double(pow(values[0].double, values[1].double))
        }
        define("atan2") { arguments, _ in
            let values = try match(arguments, Signature("atan2(_:_:)", .double, .double))
            return .double(atan2(values[0].double, values[1].double))
        }
        define("zip") { arguments, runtime in
            let values = try match(arguments, Signature("zip(_:_:)", .any, .any))
            let limit = runtime.limits.tensorElements
            let first = try Sequences.array(values[0], limit: limit), second = try Sequences.array(values[1], limit: limit)
            try runtime.spend(min(first.count, second.count))
            return try .nested(zip(first, second).map { .tuple(Tuple([$0, $1])) })
        }
        define("stride") { arguments, runtime in
            let (index, values) = try match(arguments, [
                Signature("stride(from:to:by:)", .any, .any, .any), Signature("stride(from:through:by:)", .any, .any, .any),
            ])
            return try Builtins.stride(values[0], values[1], values[2], through: index == 1, runtime)
        }
        define("fatalError") { arguments, _ in
            throw Failure("fatal error" + (arguments.first.map { ": \($0.value.description)" } ?? ""))
        }
        define("precondition") { arguments, _ in
            let values = try match(arguments, Signature("precondition(_:_:)", .bool, .defaulted(.string, .string(""))))
            if !values[0].bool { throw Failure("precondition failed" + (values[1].string.isEmpty ? "" : ": \(values[1].string)")) }
            return .void
        }
        define("assert") { arguments, _ in
            let values = try match(arguments, Signature("assert(_:_:)", .bool, .defaulted(.string, .string(""))))
            if !values[0].bool { throw Failure("assertion failed" + (values[1].string.isEmpty ? "" : ": \(values[1].string)")) }
            return .void
        }
    }

    static func stride(_ start: Value, _ end: Value, _ step: Value, through: Bool, _ runtime: Runtime) throws -> Value {
        let spelled = through ? "stride(from:through:by:)" : "stride(from:to:by:)"
        if case let .int(from) = start, case let .int(to) = end, case let .int(by) = step {
            guard by != 0 else { throw Failure("\(spelled): the step must not be zero") }
            var result: [Value] = []
            var current = from
            while by > 0 ? (through ? current <= to : current < to) : (through ? current >= to : current > to) {
                result.append(.int(current))
                try runtime.checkElements(result.count, spelled)
                let (next, overflow) = current.addingReportingOverflow(by)
                if overflow { break }
                current = next
            }
            try runtime.spend(result.count)
            return .list(result)
        }
        guard let from = start.asDouble, let to = end.asDouble, let by = step.asDouble else {
            throw Failure("\(spelled) needs numbers, got '\(start.typeName)', '\(end.typeName)' and '\(step.typeName)'")
        }
        guard by != 0, by.isFinite, from.isFinite, to.isFinite else {
            throw Failure("\(spelled): the bounds and step must be finite and the step not zero")
        }
        // Like Swift's StrideTo<Double>: start + i·step, so errors do not accumulate.
        var result: [Value] = []
        var index = 0.0
        while true {
            let current = from + index * by
            let inside = by > 0 ? (through ? current <= to : current < to) : (through ? current >= to : current > to)
            if !inside { break }
            result.append(.double(current))
            try runtime.checkElements(result.count, spelled)
            index += 1
        }
        try runtime.spend(result.count)
        return .list(result)
    }
}
