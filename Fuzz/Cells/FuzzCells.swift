import Foundation
import Kernel

/// The cell language's fuzz target: any bytes, as the source of one cell run under small
/// limits (so that each input takes milliseconds). A located error or a result are both
/// fine; a crash, a hang or an unbounded allocation is a bug.
///
/// `make fuzz` builds it with `-sanitize=fuzzer -DFUZZING` and runs it under libFuzzer;
/// built plainly, it replays the files it is given (one cell each) and prints what they did.
func runOne(_ bytes: [UInt8]) -> CellRun {
    let session = Session(limits: Limits(steps: 200_000, callDepth: 200, tensorElements: 200_000))
    return session.run(CellCode(source: String(decoding: bytes, as: UTF8.self), firstLine: 1, columnOffset: 0))
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point by this name; it hands the command line to
/// libFuzzer's driver.
@_cdecl("FuzzCells_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzer(&count, &arguments, fuzzCells)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCells(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = runOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
enum FuzzCells {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("fuzz-cells: cannot read \(path)")
                continue
            }
            let run = runOne([UInt8](data))
            print("fuzz-cells: \(path): \(run.error.map { "error \($0.line):\($0.column): \($0.message)" } ?? "ran")")
        }
    }
}
#endif
