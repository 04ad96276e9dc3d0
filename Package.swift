// swift-tools-version:6.0
// Neurite: a notebook-style scripting REPL for exploring neural networks in a terminal.
// Dependency direction (see Docs/ARCHITECTURE.md):
//   neurite -> NeuriteInterpreter -> {NeuriteLanguage, NeuriteEngine, NeuritePlot, NeuritePixels}
//   NeuritePixels -> {NeuritePlot, CRsvg, CSixel};  neurite -> NeuritePixels (image settings)
//   NeuriteEngine -> {NeuriteNumerics, COpenBLAS};  neurite -> LineEditor -> CEditLine
//   {NeuriteEngine, NeuriteInterpreter, LineEditor} -> SafeFiles
import PackageDescription

let package = Package(
    name: "Neurite",
    products: [
        .executable(name: "neurite", targets: ["neurite"]),
        .executable(name: "neurite-bench", targets: ["NeuriteBench"]),
        .executable(name: "neurite-fuzz", targets: ["NeuriteFuzz"]),
    ],
    targets: [
        // C libraries from Debian, reached through tiny shim modules.
        .systemLibrary(
            name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        .systemLibrary(
            name: "CSixel", pkgConfig: "libsixel", providers: [.apt(["libsixel-dev"])]),

        // Lexer, parser, AST, source locations and diagnostics. Knows nothing of evaluation.
        .target(name: "NeuriteLanguage"),
        // Scalar maths shared by the interpreter and the engine: the activation table,
        // special functions, Taylor-mode automatic differentiation, number formatting.
        .target(name: "NeuriteNumerics"),
        // Tensors, layers, losses, optimizers, datasets, training loop and probes. Never prints.
        .target(
            name: "NeuriteEngine", dependencies: ["NeuriteNumerics", "COpenBLAS", "SafeFiles"],
            resources: [.copy("Resources/data")]),
        // Plot models and renderers (terminal Unicode/ASCII, SVG). Takes plain arrays.
        .target(name: "NeuritePlot"),
        // Pixels of the plots' own SVG: PNG (librsvg + cairo) and terminal image escape sequences
        // (kitty graphics, iTerm2 inline images, sixel through libsixel).
        .target(name: "NeuritePixels", dependencies: ["NeuritePlot", "CRsvg", "CSixel"]),
        // Evaluates the AST, drives the engine, produces output and plots.
        .target(
            name: "NeuriteInterpreter",
            dependencies: [
                "NeuriteLanguage", "NeuriteNumerics", "NeuriteEngine", "NeuritePlot", "NeuritePixels", "SafeFiles",
            ]),
        // Writes that never damage a file: temporary file, fsync, rename; through symbolic links,
        // never over a directory, FIFO, device or socket. No dependencies.
        .target(name: "SafeFiles"),
        // libedit wrapper: history, completion, multi-line input. Knows nothing of the language.
        .target(name: "LineEditor", dependencies: ["CEditLine", "SafeFiles"]),
        // The executable: REPL, script runner.
        .executableTarget(
            name: "neurite",
            dependencies: ["NeuriteInterpreter", "NeuriteLanguage", "NeuritePlot", "NeuritePixels", "LineEditor"]),
        // Benchmarks of the engine (Scripts/bench).
        .executableTarget(name: "NeuriteBench", dependencies: ["NeuriteEngine"]),
        // libFuzzer targets (built with -DFUZZING by Scripts/fuzz); otherwise a replayer of inputs.
        .executableTarget(
            name: "NeuriteFuzz", dependencies: ["NeuriteLanguage", "NeuriteEngine", "NeuriteInterpreter", "LineEditor"]),

        .testTarget(name: "NeuriteLanguageTests", dependencies: ["NeuriteLanguage"], exclude: ["Golden"]),
        .testTarget(name: "NeuriteNumericsTests", dependencies: ["NeuriteNumerics"]),
        .testTarget(name: "NeuriteEngineTests", dependencies: ["NeuriteEngine"]),
        .testTarget(name: "NeuritePlotTests", dependencies: ["NeuritePlot"], exclude: ["Golden"]),
        .testTarget(name: "NeuritePixelsTests", dependencies: ["NeuritePixels", "NeuritePlot", "CRsvg"]),
        .testTarget(
            name: "NeuriteInterpreterTests", dependencies: ["NeuriteInterpreter"],
            exclude: ["Scripts", "Golden"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "SafeFilesTests", dependencies: ["SafeFiles"]),
        .testTarget(
            name: "NeuriteCLITests", dependencies: ["neurite", "LineEditor", "NeuriteInterpreter", "NeuritePlot", "NeuritePixels"]),
    ]
)
