import Foundation
import Testing

@testable import NeuriteInterpreter

/// `save`, `load` and `export` from the language: round trips through the files they write.
@Suite struct FileCommandTests {
    static let setUp = """
        model net { input 2; dense 4, relu; dense 1, sigmoid }
        data ring = circle(n: 60, noise: 0.1, seed: 1)
        let r = train net on ring with epochs: 3, lr: 0.1, seed: 2
        """

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "neurite-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Save then load gives the same predictions bit for bit, and training on from the file equals
    /// training on without the save.
    @Test func saveThenLoadIsTheSameModel() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let test = TestSession()
        let result = test.run(Self.setUp + "\nsave net to \"\(folder)/net.safetensors\"\nlet back = load \"\(folder)/net.safetensors\"")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.contains("saved \(folder)/net.safetensors"))
        #expect(test.value("predict(back, ring.features) == predict(net, ring.features)") == "true")
        #expect(test.value("back.epochs") == "3")
        #expect(test.value("back.label") == "\"net\"")
        test.run("let a = train copy(net) on ring with epochs: 2, lr: 0.1, seed: 5\nlet b = train back on ring with epochs: 2, lr: 0.1, seed: 5")
        #expect(test.value("a.loss == b.loss") == "true")
        #expect(test.value("b.epochs") == "2")
        #expect(test.value("back.epochs") == "5")
    }

    @Test func loadIntoAModelOfTheSameLayers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let test = TestSession()
        test.run(Self.setUp + "\nsave net to \"\(folder)/w.safetensors\"\nmodel same { input 2; dense 4, relu; dense 1, sigmoid }")
        #expect(test.value("predict(same, [1, 2]) == predict(net, [1, 2])") == "false")
        test.run("load \"\(folder)/w.safetensors\" into same")
        #expect(test.value("predict(same, [1, 2]) == predict(net, [1, 2])") == "true")
        let wrong = test.run("model wide { input 2; dense 5, relu; dense 1, sigmoid }\nload \"\(folder)/w.safetensors\" into wide")
        #expect(wrong.errors.contains("tensor '0.weight' has shape [4, 2], the model needs [5, 2]"), "\(wrong.errors)")
        let missing = test.run("load \"\(folder)/nothing.safetensors\"")
        #expect(missing.errors.contains("nothing.safetensors"), "\(missing.errors)")
    }

    @Test func exportWritesCSVAndAPyTorchScript() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let test = TestSession()
        let result = test.run(Self.setUp + """

            export r to "\(folder)/run.csv"
            export ring to "\(folder)/ring.csv"
            export predict(net, ring.features) to "\(folder)/p.csv"
            export net to "\(folder)/net.py" on ring with epochs: 5, lr: 0.1, l1: 0.01, l2: 0.002
            """)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let run = try String(contentsOfFile: folder + "/run.csv", encoding: .utf8).split(separator: "\n")
        #expect(run.count == 4)
        #expect(run.first?.hasPrefix("epoch,steps,loss") == true)
        #expect(test.value("r.loss[2]") == String(run[3].split(separator: ",")[2]))
        let ring = try String(contentsOfFile: folder + "/ring.csv", encoding: .utf8).split(separator: "\n")
        #expect(ring.count == 61 && ring[0] == "x,y,label")
        #expect(try String(contentsOfFile: folder + "/p.csv", encoding: .utf8).split(separator: "\n").count == 61)
        for file in ["net.py", "net.safetensors", "net-data.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file)")
        }
        let script = try String(contentsOfFile: folder + "/net.py", encoding: .utf8)
        #expect(script.contains("net.safetensors") && script.contains("net-data.csv"))
        #expect(script.contains("\nL1 = 0.01  #") && script.contains("\nL2 = 0.002  #") && script.contains("add_penalties(model)\n"))
        // The script is Python that parses (when the tests have a Python, as Scripts/test gives them).
        if let python = ProcessInfo.processInfo.environment["NEURITE_PYTHON"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", folder + "/net.py"]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }

    @Test(arguments: [
        ("save net", "'save' needs a file to write"),
        ("export r to 3", "'to' must be a file name such as \"out.csv\", got number"),
        ("export net to \"/tmp/x.py\"", "a PyTorch script needs the data it trains on"),
        ("let both = train net, net on ring with epochs: 1\nexport both to \"/tmp/x.csv\"", "cannot export a runs"),
        ("save net into net", "'save' takes no 'into' clause"),
    ])
    func mistakesAreExplained(source: String, message: String) {
        let test = TestSession()
        test.run(Self.setUp)
        let result = test.run(source)
        #expect(result.errors.contains(message), "\(result.errors)")
    }
}
