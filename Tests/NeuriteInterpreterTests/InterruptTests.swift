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

    @Test func flagIsClearedBeforeEachRun() {
        let test = TestSession()
        test.interrupt.raise()
        #expect(test.run("1 + 1").outcome == .success)
        #expect(!test.interrupt.isRaised)
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
