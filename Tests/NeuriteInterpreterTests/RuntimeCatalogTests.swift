import Foundation
import NeuriteLanguage
import Testing

@testable import NeuriteInterpreter

/// Runtime errors are data: each has an id from ``RuntimeErrorID`` and its text from the one catalog
/// (`Sources/NeuriteInterpreter/Diagnostics/RuntimeDiagnostics+*.swift`).
@Suite struct RuntimeCatalogTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file of a module, by its path below `Sources/<module>`.
    static func sourceFiles(of module: String = "NeuriteInterpreter") throws -> [(path: String, text: String)] {
        let folder = root.appendingPathComponent("Sources/" + module)
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        var files: [(String, String)] = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            files.append((path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)))
        }
        #expect(files.count > 5, "the sources of \(module) were not found at \(folder.path)")
        return files
    }

    static func isCatalog(_ path: String) -> Bool {
        path.hasPrefix("Diagnostics/RuntimeDiagnostics+")
    }

    /// (a) Each id has exactly one catalog entry, and the entry is named as its id.
    @Test func everyIDHasOneCatalogEntryNamedAfterIt() throws {
        let catalog = try Self.sourceFiles().filter { Self.isCatalog($0.path) }
        #expect(catalog.count >= 5)
        let entry = try Regex(#"static (?:func|var) (\w+)[^{]*\{\s*Self\(\s*\.(\w+),"#)
        var ids: [String] = []
        for file in catalog {
            for match in file.text.matches(of: entry) {
                let name = String(try #require(match.output[1].substring))
                let id = String(try #require(match.output[2].substring))
                #expect(name == id, "\(file.path): '\(name)' makes a message with id '\(id)'")
                ids.append(id)
            }
            // Every message made in the file is made by an entry the pattern saw.
            #expect(file.text.matches(of: try Regex(#"Self\(\s*\."#)).count == file.text.matches(of: entry).count,
                    "\(file.path) makes a message outside a 'static func/var NAME { Self(.NAME, …) }' entry")
        }
        let counts = Dictionary(ids.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts.filter { $0.value > 1 }.isEmpty, "ids with more than one entry: \(counts.filter { $0.value > 1 })")
        #expect(Set(ids) == Set(RuntimeErrorID.allCases.map(\.rawValue)),
                "without an entry: \(Set(RuntimeErrorID.allCases.map(\.rawValue)).subtracting(ids))")
    }

    /// (b) No error site outside the catalog writes its message as a literal, and no one writes
    /// `error:` by hand instead of going through ``DiagnosticFormatter`` (nor, in the executable,
    /// `warning:`; a diverged training run's `warning:` is a line of the run's report on standard
    /// output, not a diagnostic).
    @Test(arguments: ["NeuriteInterpreter", "neurite"])
    func noErrorTextOutsideTheCatalog(module: String) throws {
        let literalMessage = try Regex(#"(?:RuntimeError|[^\w.]error|call\.error|RuntimeMessage)\(\s*""#)
        let handWritten = try Regex(module == "neurite" ? #""[^"\n]*\b(?:error|warning): "# : #""[^"\n]*\berror: "#)
        for file in try Self.sourceFiles(of: module) where !Self.isCatalog(file.path) {
            // A message may start on the line after the opening parenthesis: look across lines too.
            for match in file.text.matches(of: literalMessage) {
                let number = file.text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                #expect(Bool(false), "\(file.path):\(number): a literal message: \(file.text[match.range])")
            }
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                #expect(!line.contains(literalMessage), "\(file.path):\(number + 1): \(code)")
                #expect(!line.contains(handWritten), "\(file.path):\(number + 1) writes its own 'error:': \(code)")
            }
        }
    }

    /// The check above can fail: it finds a literal message and a hand-written prefix.
    @Test func theSourceCheckSeesALiteralMessage() throws {
        let literalMessage = try Regex(#"(?:RuntimeError|[^\w.]error|call\.error|RuntimeMessage)\(\s*""#)
        #expect("throw RuntimeError(\"boom\", at: span)".firstMatch(of: literalMessage) != nil)
        #expect("throw RuntimeError(\n    \"boom\", at: span)".firstMatch(of: literalMessage) != nil)
        #expect("throw call.error(\"boom\")".firstMatch(of: literalMessage) != nil)
        #expect(" throw error(\"boom\", argument: 0)".firstMatch(of: literalMessage) != nil)
        #expect("throw RuntimeError(.noMember(typeName: t, member: m), at: span)".firstMatch(of: literalMessage) == nil)
    }

    static let setUp = "model m { input 2; dense 4, relu; dense 1, sigmoid }\ndata d = circle(n: 40, seed: 1)\n"

    /// A program and the id of the error it stops with: what kind of error, not its English.
    static let cases: [(source: String, id: RuntimeErrorID)] = [
        ("nope + 1", .unknownName),
        ("let v = [1, 2, 3]\nv[7]", .indexOutOfRange),
        ("let v = [1, 2]\nv[0.5]", .indexNotWhole),
        ("1 + [1, 2] * [1, 2, 3]", .shapeMismatch),
        ("fn f(x) = f(x)\nf(1)", .recursionTooDeep),
        ("fn f(x) = x\nf(1, 2)", .tooManyArguments),
        ("fn f(x, y) = x\nf(1)", .missingArgument),
        ("let x = 3\nx(1)", .notCallable),
        ("[1, 2].size", .noMember),
        ("0..1 step 0", .rangeStepZero),
        ("if 1 then 2 else 3", .conditionNotBoolean),
        ("max([])", .emptyVector),
        ("dot([1, 2], [1, 2, 3])", .dotLengthMismatch),
        ("clamp(1, 2, 1)", .clampBounds),
        ("len(1)", .lenNeedsCollection),
        ("dataset(\"irsi\")", .datasetFailure),
        ("model q { dense 4 }", .modelMustStartWithInput),
        ("model q { input 2; input 3; dense 1 }", .inputGivenTwice),
        (setUp + "m.layers[0].bias[99] = 1", .assignmentIndexOutOfRange),
        ("let v = [1]\nv[0] = 2", .assignmentTarget),
        (setUp + "train m on d with lr: []", .sweepEmptyList),
        (setUp + "save m", .fileCommandNeedsFile),
        ("let s = \"ab\"\nfn grow(t, n) = if n == 0 then t else grow(t + t, n - 1)\ngrow(s, 30)", .stringTooLong),
        (setUp + "train m", .trainNeedsData),
        (setUp + "train m on 3", .expectedDataset),
        (setUp + "model w { input 3; dense 1, sigmoid }\ntrain w on d", .inputWidthMismatch),
        (setUp + "summary 3", .summaryNeedsModelOrDataset),
        (setUp + "show 3", .showNeedsDataset),
        (setUp + "plot m", .needsRunsNotModel),
        ("plot [[1, 2], [3, 4]] over 0..1", .notPlottable),
        ("heatmap 3", .heatmapNeedsMatrix),
        (setUp + "train m on d with epochs: 1, validation: 0.001", .validationHoldsNothing),
    ]

    @Test(arguments: cases.indices)
    func errorCarriesItsID(index: Int) {
        let (source, id) = Self.cases[index]
        let test = TestSession()
        #expect(test.run(source).outcome == .failed, "\(source)")
        #expect(test.sink.diagnostics.map(\.id) == [id.rawValue], "\(source)\n\(test.sink.errors)")
    }

    @Test func theTableCoversEveryGroupOfTheCatalog() throws {
        let ids = Set(Self.cases.map(\.id.rawValue))
        for file in try Self.sourceFiles() where Self.isCatalog(file.path) && !file.path.hasSuffix("+Session.swift") {
            let named = file.text.matches(of: try Regex(#"Self\(\s*\.(\w+),"#)).compactMap { $0.output[1].substring }
            #expect(named.contains { ids.contains(String($0)) }, "no case asserts an id from \(file.path)")
        }
    }

    @Test func metaCommandErrorsCarryIDsAndTheirOrigin() {
        let test = TestSession()
        #expect(test.session.meta(":hepl", origin: "<stdin>") == .handled(.failed))
        #expect(test.sink.diagnostics.map(\.id) == [RuntimeErrorID.unknownMetaCommand.rawValue])
        #expect(test.sink.errors == "<stdin>: error: unknown command ':hepl'; did you mean ':help'?\n")
        test.sink.clear()
        #expect(test.session.meta(":load /nonexistent/x.nn") == .handled(.failed))
        #expect(test.sink.diagnostics.map(\.id) == [RuntimeErrorID.fileNotReadable.rawValue])
        #expect(test.sink.errors == "<repl>: error: cannot read '/nonexistent/x.nn': no such file, or not readable\n")
        test.sink.clear()
        #expect(test.session.meta(":time") == .handled(.failed))
        #expect(test.sink.diagnostics.map(\.id) == [RuntimeErrorID.timeNeedsExpression.rawValue])
    }
}
