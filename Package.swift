// swift-tools-version:6.0
import Foundation
import PackageDescription

// The targets are the pipeline, in the order data flows; each imports only targets above it.
//
//   Markup      text utilities: HTML escaping, heading slugs, "did you mean" suggestions
//   Notebook    .md bytes ─▶ Notebook (cmark-gfm, math, front matter, cells and headings with extents)
//   Engine      tensors, networks, training, random streams (BLAS); knows nothing of weave
//   Outputs     what a cell produces: text, display values, expectations, cell errors
//   Kernel      cell source + session ─▶ outputs (swift-syntax front end, interpreter, bindings)
//   Execution   Notebook ─▶ ExecutedNotebook: the one place cells run
//   Figures     outputs ─▶ output bundles (plain text, HTML/SVG, LaTeX, title, alt)
//   Site        ExecutedNotebook + bundles ─▶ pages, index, assets, written atomically
//   Export      ExecutedNotebook + bundles ─▶ .ipynb
//   Serve       notebooks on disk ─▶ the site in memory over HTTP, rebuilt and reloaded on change
//   WeaveCommands  the command line: arguments, messages, exit codes
//   weave, weave-serve  the two programs (weave-serve, which weave serve runs, holds the web server)
//
// swift-syntax: the toolchain ships it built (library evolution) in `lib/swift/host` beside
// the `swift` binary; using it saves compiling swift-syntax (about ten minutes in release on
// two cores). Where the toolchain lacks it, or WEAVE_SWIFT_SYNTAX=package, the package is used.

/// The toolchain folder holding swift-syntax's modules and libraries, when it has them.
func toolchainSwiftSyntax() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if environment["WEAVE_SWIFT_SYNTAX"] == "package" { return nil }
    let manager = FileManager.default
    var candidates: [String] = []
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
        let swift = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
        guard manager.isExecutableFile(atPath: swift.path) else { continue }
        let binary = swift.resolvingSymlinksInPath()
        candidates.append(binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib/swift/host").path)
    }
    let needed = ["SwiftSyntax", "SwiftParser", "SwiftOperators", "SwiftDiagnostics", "SwiftParserDiagnostics", "SwiftIDEUtils"]
    return candidates.first { host in
        needed.allSatisfy { name in
            manager.fileExists(atPath: host + "/\(name).swiftmodule") && manager.fileExists(atPath: host + "/lib\(name).so")
        }
    }
}

let host = toolchainSwiftSyntax()

/// What a target that imports the named swift-syntax modules needs, on either path.
func swiftSyntax(_ modules: [String]) -> (dependencies: [Target.Dependency], swift: [SwiftSetting], linker: [LinkerSetting]) {
    guard let host else {
        return (modules.map { .product(name: $0, package: "swift-syntax") }, [], [])
    }
    return ([], [.unsafeFlags(["-I", host])],
            [.unsafeFlags(["-L", host, "-Xlinker", "-rpath", "-Xlinker", host])] + modules.map { .linkedLibrary($0) })
}

/// Targets that import Kernel or Site (even without swift-syntax of their own) must see the
/// toolchain's swift-syntax modules that those modules were built against.
let seesSwiftSyntax: [SwiftSetting] = host.map { [.unsafeFlags(["-I", $0])] } ?? []

let kernelSyntax = swiftSyntax(["SwiftSyntax", "SwiftParser", "SwiftOperators", "SwiftDiagnostics", "SwiftParserDiagnostics"])
let highlighterSyntax = swiftSyntax(["SwiftSyntax", "SwiftParser", "SwiftIDEUtils"])

var dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // The HTTP server of `weave serve`: pure Swift, about 11 s of a first debug build here
    // (Hummingbird, on SwiftNIO, takes minutes; docs/site.md).
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
]
if host == nil {
    dependencies.append(.package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"))
}

let package = Package(
    name: "weave",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "weave", targets: ["weave"]),
        .executable(name: "weave-serve", targets: ["weave-serve"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: dependencies,
    targets: [
        // C libraries from Debian: cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev), OpenBLAS, libcrypto.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CBLAS"),
        // SHA-256 for the execution cache, from OpenSSL's libcrypto (libssl-dev).
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        // Vector kernels compiled for AVX2 and AVX-512 as well, chosen at run time from the CPU.
        .target(name: "CKernels"),

        // The pipeline.
        .target(name: "Markup"),
        .target(name: "Notebook", dependencies: ["CMarkGFM", "Markup", .product(name: "Yams", package: "Yams")]),
        .target(name: "Engine", dependencies: ["CBLAS", "CKernels"]),
        .target(name: "Outputs"),
        .target(
            name: "Kernel",
            dependencies: ["Markup", "Engine", "Outputs"] + kernelSyntax.dependencies,
            swiftSettings: kernelSyntax.swift,
            linkerSettings: kernelSyntax.linker
        ),
        .target(name: "Execution", dependencies: ["Notebook", "Engine", "Outputs", "Kernel", "COpenSSL"], swiftSettings: seesSwiftSyntax),
        .target(name: "Figures", dependencies: ["Markup", "Notebook", "Outputs"]),
        .target(
            name: "Site",
            // The highlighter uses swift-syntax's own classification of Swift source.
            dependencies: ["Markup", "Notebook", "Outputs", "Execution", "Figures"] + highlighterSyntax.dependencies,
            swiftSettings: highlighterSyntax.swift,
            linkerSettings: highlighterSyntax.linker
        ),
        .target(name: "Export", dependencies: ["Markup", "Notebook", "Outputs", "Execution", "Figures"], swiftSettings: seesSwiftSyntax),
        .target(
            name: "Serve",
            dependencies: ["Markup", "Notebook", "Execution", "Site", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: seesSwiftSyntax
        ),
        .target(
            name: "WeaveCommands",
            dependencies: ["Notebook", "Execution", "Site", "Export", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: seesSwiftSyntax
        ),
        .executableTarget(name: "weave", dependencies: ["WeaveCommands"], swiftSettings: seesSwiftSyntax),
        // `weave serve` runs this program, beside weave: only it loads the web server.
        .executableTarget(name: "weave-serve", dependencies: ["WeaveCommands", "Serve"], swiftSettings: seesSwiftSyntax),

        // Fuzz targets (make fuzz): libFuzzer entry points when built with -DFUZZING,
        // replayers of saved inputs otherwise.
        .executableTarget(name: "FuzzLoader", dependencies: ["Notebook"], path: "Fuzz/Loader"),
        .executableTarget(name: "FuzzCells", dependencies: ["Kernel"], path: "Fuzz/Cells", swiftSettings: seesSwiftSyntax),

        // Benchmarks (make bench).
        .executableTarget(name: "EngineBench", dependencies: ["Engine"], path: "Benchmarks/EngineBench"),
        .executableTarget(name: "KernelBench", dependencies: ["Kernel"], path: "Benchmarks/KernelBench", swiftSettings: seesSwiftSyntax),

        // One test target per library target, in the same order, and what they share.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkupTests", dependencies: ["Markup", "TestSupport"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "Outputs", "TestSupport"], exclude: ["Cases"], swiftSettings: seesSwiftSyntax),
        .testTarget(name: "ExecutionTests", dependencies: ["Execution", "Notebook", "Outputs", "Kernel"], swiftSettings: seesSwiftSyntax),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Outputs", "Kernel", "Notebook", "Execution", "Site"], exclude: ["Cases", "Gallery"], swiftSettings: seesSwiftSyntax),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Notebook", "Execution", "Figures"], exclude: ["Cases"], swiftSettings: seesSwiftSyntax),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Notebook", "Execution", "Outputs"], swiftSettings: seesSwiftSyntax),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Site", "Execution", "Notebook"], swiftSettings: seesSwiftSyntax),
        .testTarget(name: "weaveTests", dependencies: ["weave", "weave-serve", "Site"], swiftSettings: seesSwiftSyntax),
    ],
    swiftLanguageModes: [.v6]
)
