import Foundation
import Notebook

/// The loader's fuzz target: any bytes, as a notebook file. A located error or a notebook
/// are both fine; a crash, a hang or an unbounded allocation is a bug.
///
/// `make fuzz` builds it with `-sanitize=fuzzer -DFUZZING` and runs it under libFuzzer;
/// built plainly (as `swift build` and `swift test` do), it replays the files it is given,
/// so a crashing input saved by libFuzzer can be run under a debugger.
func loadOne(_ bytes: [UInt8]) {
    _ = try? Notebook.parse(bytes: bytes, path: "fuzz.md")
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point by this name; it hands the command line to
/// libFuzzer's driver.
@_cdecl("FuzzLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzer(&count, &arguments, fuzzLoader)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    loadOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
enum FuzzLoader {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("fuzz-loader: cannot read \(path)")
                continue
            }
            loadOne([UInt8](data))
            print("fuzz-loader: \(path): no crash")
        }
    }
}
#endif
