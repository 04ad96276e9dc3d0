import Foundation
import Testing

@testable import NeuriteInterpreter

@Suite struct InterruptTests {
    /// Raises `flag` after `delay` seconds, from another thread.
    func raise(_ flag: InterruptFlag, after delay: Double) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: delay)
            flag.raise()
        }
        thread.start()
    }

    @Test(arguments: [
        "sum([sin(x) for x in 1..100000000])",
        "mean([x for x in 1..100000000 if x > 0])",
        "fn loop(n) = sum([cos(i) for i in 1..n])\nloop(100000000)",
        "len([x for x in 1..9000000 if sum([sin(y) for y in 1..1000]) > 0])",
        "map(fn(x) = sum([sin(y) for y in 1..1000]), linspace(0, 1, 9000000))",
        "fn deep(n) = if n == 0 then sum([cos(y) for y in 1..100000000]) else deep(n - 1)\ndeep(500)",
        "grad(fn(x) = sum([sin(y) for y in 1..100000000]) * x)(1)",
    ])
    func longComputationStopsAndTheSessionGoesOn(_ source: String) {
        let test = TestSession()
        test.run("let kept = 42")
        let start = Date()
        raise(test.interrupt, after: 0.3)
        let result = test.run(source)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.outcome == .interrupted)
        #expect(result.errors == "interrupted\n")
        #expect(elapsed < 10, "took \(elapsed) s to stop")
        #expect(test.value("kept + 1") == "43")
        #expect(test.run("sum(1..10)").outcome == .success)
    }

    /// A Ctrl-C that lands after the entry was accepted but before it starts is not lost: the run
    /// stops before its first statement (even one that never polls), and the flag is cleared after.
    @Test(arguments: ["let x = 1", "1 + 1", "sum(1..10)"])
    func flagRaisedBeforeTheRunStopsItAndIsClearedAfter(_ source: String) {
        let test = TestSession()
        test.interrupt.raise()
        let result = test.run(source)
        #expect(result.outcome == .interrupted)
        #expect(result.errors == "interrupted\n")
        #expect(!test.interrupt.isRaised)
        #expect(test.value("x").hasPrefix("error: "))
        #expect(test.run("1 + 1").outcome == .success)
    }

    /// `:time` and `:load` run through the session too: a pending Ctrl-C stops them.
    @Test(arguments: [":time", ":load"])
    func metaCommandsHonourAPendingInterrupt(_ command: String) throws {
        let script = FileManager.default.temporaryDirectory
            .appendingPathComponent("neurite-interrupt-\(UUID().uuidString).nn")
        try "let loaded = 1\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let test = TestSession()
        test.interrupt.raise()
        let line = command == ":time" ? ":time sum(1..10)" : ":load \(script.path)"
        #expect(test.session.meta(line) == .handled(.interrupted))
        #expect(!test.interrupt.isRaised)
        #expect(test.value("loaded").hasPrefix("error: "))
    }

    @Test func flagRaiseAndClear() {
        let flag = InterruptFlag()
        #expect(!flag.isRaised)
        flag.raise()
        #expect(flag.isRaised)
        flag.clear()
        #expect(!flag.isRaised)
    }
}
