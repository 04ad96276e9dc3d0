import Foundation
import Testing

@testable import NeuriteInterpreter

/// Ctrl-C during `train`: the run stops between steps, is returned marked interrupted (the binding
/// happens), the model keeps its weights, a note is printed, and the session goes on.
@Suite struct TrainingInterruptTests {
    /// Raises `flag` from another thread once `started` shows that training has begun, plus `delay`.
    func raise(_ flag: InterruptFlag, after delay: Double) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: delay)
            flag.raise()
        }
        thread.start()
    }

    static let setup = """
        data ring = circle(n: 200, noise: 0.1, seed: 1)
        model net(act) { input 2; dense 16, act; dense 16, act; dense 1, sigmoid }
        let m = net(relu)
        """

    @Test func interruptedRunIsBoundAndTheModelKeepsItsWeights() {
        let test = TestSession()
        #expect(test.run(Self.setup).outcome == .success)
        let start = Date()
        raise(test.interrupt, after: 0.3)
        let result = test.run("let r = train m on ring with epochs: 1000000, batch: 1")
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.outcome == .success, "\(result.errors)")
        #expect(elapsed < 20, "took \(elapsed) s to stop")
        #expect(result.output.hasPrefix("note: training of net(relu) interrupted after "), "\(result.output)")
        #expect(result.output.hasSuffix("; the model keeps its weights\n"))
        #expect(!test.interrupt.isRaised)
        #expect(test.value("r.stopped") == "\"interrupted\"")
        #expect(test.value("m.trained") == "true")
        let epochs = test.value("r.epochs")
        #expect(test.value("m.epochs") == epochs)
        #expect(test.value("r.steps") != "0")
        // The session goes on: the model predicts, and trains further.
        #expect(test.value("len(predict(m, [0, 0]))") == "1")
        #expect(test.value("(train m on ring with epochs: 1).stopped") == "\"completed\"")
    }

    /// One worker: the model training stops and the next never starts. Two: both were training, both
    /// stop, each keeps its weights and says so.
    @Test(arguments: [1, 2])
    func interruptStopsEveryModelOfAComparison(workers: Int) {
        let test = TestSession()
        #expect(test.run(Self.setup).outcome == .success)
        raise(test.interrupt, after: 0.3)
        let result = test.run("let runs = train net(tanh), net(relu) on ring with epochs: 1000000, batch: 1, workers: \(workers)")
        #expect(result.outcome == .success, "\(result.errors)")
        #expect(result.output.contains("note: training of net(tanh) interrupted"))
        #expect(result.output.contains("note: training of net(relu) interrupted") == (workers == 2), "\(result.output)")
        #expect(test.value("runs.count") == String(workers))
        #expect(test.value("runs[0].stopped") == "\"interrupted\"")
        #expect(test.value("runs[\(workers - 1)].steps") != "0")
        #expect(!test.interrupt.isRaised)
    }
}
