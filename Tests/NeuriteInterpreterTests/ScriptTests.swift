import Foundation
import Testing

@Suite struct ScriptTests {
    @Test func scriptsExist() {
        #expect(ScriptRunner.scriptNames.count >= 8)
    }

    @Test(arguments: ScriptRunner.scriptNames)
    func script(_ name: String) throws {
        let failures = try ScriptRunner.run(path: ScriptRunner.scriptsFolder.appendingPathComponent(name).path)
        for failure in failures { Issue.record("\(failure)") }
    }
}
