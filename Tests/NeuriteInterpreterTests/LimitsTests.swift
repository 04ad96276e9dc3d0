import Testing

@testable import NeuriteInterpreter

/// Every size limit of the interpreter is checked before the work it guards (Docs/limits.md):
/// these tests would hang or exhaust memory if a check came after the work, and they assert
/// that nothing was done (no output) besides the error.
@Suite struct LimitsTests {
    @Test func aComprehensionOverTooLargeARangeFailsBeforeItsFirstElement() {
        let test = TestSession()
        // `print` shows each element evaluated: none may be.
        let result = test.run("[print(x) for x in 1..1e8]")
        #expect(result.outcome == .failed)
        #expect(result.output == "")
        #expect(result.errors.contains("too large: 100000000 elements (the limit is 10000000)"))
    }

    @Test func aComprehensionWithAConditionStillWalksWithinTheLimit() {
        #expect(TestSession().value("len([x for x in 1..1e6 if x % 1000 == 0])") == "1000")
    }

    @Test(arguments: ["sum(0..1e18)", "mean(0..1e18)", "sum([x for x in 0..1e18])", "[x for x in 0..1e18 if x < 0]"])
    func walkingTooLongARangeFailsAtOnce(source: String) {
        let result = TestSession().run(source)
        #expect(result.outcome == .failed)
        #expect(result.errors.contains("too many elements to walk: 1000000000000000001 (the limit is 1000000000)"))
    }

    @Test func aStreamedSumWithinTheLimitStillWorks() {
        #expect(TestSession().value("sum(1..1e6)") == "500000500000")
    }

    /// Doubling a string stops at the limit (16 MiB) instead of growing until memory runs out.
    @Test func stringsHaveASizeLimit() {
        let test = TestSession()
        let result = test.run("fn double(s, n) = if n == 0 then s else double(s + s, n - 1)\nlen(double(\"ab\", 40))")
        #expect(result.outcome == .failed)
        #expect(result.errors.contains("string too long: 33554432 bytes (the limit is 16 MiB)"))
        #expect(test.value("len(double(\"ab\", 22))") == "8388608")  // 8 MiB is fine
    }

    /// A line longer than 1 MiB is refused before parsing (which would cost ~90× its size).
    @Test func anOverlongSourceLineIsRefusedBeforeParsing() {
        let test = TestSession()
        let line = "let x = " + String(repeating: "1+", count: 600_000) + "1"
        let result = test.run("let a = 1\n" + line + "\nprint(a)")
        #expect(result.outcome == .failed)
        #expect(result.output == "")  // nothing ran: the whole entry is refused
        #expect(result.errors == "<test>:2: error: the line is too long: 1200009 bytes (the limit is 1 MiB); split it into shorter lines\n")
        #expect(Limits.overlongLine(in: String(repeating: "x", count: 2 << 20))?.bytes == 2 << 20)
        #expect(Limits.overlongLine(in: String(repeating: "x\n", count: 1 << 20)) == nil)  // long text, short lines
    }

    @Test func histogramBinsAreBounded() {
        let result = TestSession().run("histogram [1, 0, 5] with bins: 10000, width: 1000")
        #expect(result.outcome == .failed)
        #expect(result.output == "")
        #expect(result.errors.contains("bins"))
    }
}
