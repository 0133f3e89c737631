// swift-tools-version:6.0
import PackageDescription

// The targets are the pipeline: Notebook (load) → Site (render, write) → weave (command line).
// Engine is the network engine cells run against; it imports nothing of weave.
let package = Package(
    name: "weave",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "weave", targets: ["weave"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // ENGINE-TARGETS-BEGIN
        .systemLibrary(name: "CBLAS"),
        // Vector kernels compiled for AVX2 and AVX-512 as well, chosen at run time from the CPU.
        .target(name: "CKernels"),
        .target(name: "Engine", dependencies: ["CBLAS", "CKernels"]),
        .executableTarget(name: "EngineBench", dependencies: ["Engine"], path: "Benchmarks/EngineBench"),
        // ENGINE-TARGETS-END
        // KERNEL-TARGETS-BEGIN
        .target(
            name: "Kernel",
            dependencies: [
                "Engine",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftOperators", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            ]
        ),
        .executableTarget(name: "KernelBench", dependencies: ["Kernel"], path: "Benchmarks/KernelBench"),
        // KERNEL-TARGETS-END
        // FIGURES-TARGETS-BEGIN
        .target(name: "Figures", dependencies: ["Kernel", "Markup"]),
        // FIGURES-TARGETS-END
        .target(name: "Markup"),
        .target(name: "Notebook", dependencies: ["CMarkGFM", "Markup", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "Site",
            dependencies: [
                "Notebook", "Kernel", "Figures", "Markup",
                // The highlighter uses swift-syntax's own classification of Swift source.
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            ]
        ),
        .executableTarget(
            name: "weave",
            dependencies: ["Site", "Notebook", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Notebook"], exclude: ["Cases"]),
        // ENGINE-TESTS-BEGIN
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        // ENGINE-TESTS-END
        // KERNEL-TESTS-BEGIN
        .testTarget(name: "KernelTests", dependencies: ["Kernel"], exclude: ["Cases"]),
        // KERNEL-TESTS-END
        // FIGURES-TESTS-BEGIN
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Kernel", "Notebook", "Site"], exclude: ["Cases", "Gallery"]),
        // FIGURES-TESTS-END
        .testTarget(name: "weaveTests", dependencies: ["weave", "Site"]),
    ],
    swiftLanguageModes: [.v6]
)
