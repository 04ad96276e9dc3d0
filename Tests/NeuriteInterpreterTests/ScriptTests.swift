import Foundation
import Testing

@Suite struct ScriptTests {
    /// The folder is found and every script in it checks something (a script without an
    /// `# expect` would pass whatever it printed).
    @Test func everyScriptChecksSomething() throws {
        try #require(!ScriptRunner.scriptNames.isEmpty, "no scripts in \(ScriptRunner.scriptsFolder.path)")
        for name in ScriptRunner.scriptNames {
            let text = try String(contentsOf: ScriptRunner.scriptsFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(!ScriptRunner.expectations(in: text).isEmpty, "\(name) has no # expect")
        }
    }

    @Test(arguments: ScriptRunner.scriptNames)
    func script(_ name: String) throws {
        let failures = try ScriptRunner.run(path: ScriptRunner.scriptsFolder.appendingPathComponent(name).path)
        for failure in failures { Issue.record("\(failure)") }
    }
}
