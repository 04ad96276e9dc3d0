import NeuriteEngine
import NeuriteNumerics

/// A benchmark workload: a network, its data and how many timed steps to run.
struct Workload {
    let name: String
    let title: String
    let inputWidth: Int
    let specs: [LayerSpec]
    let loss: Loss
    let batchSize: Int
    let steps: Int
    /// Made on demand (the large synthetic sets take a moment).
    let makeData: @Sendable () -> Dataset

    /// Dense layer shapes (input, output), for FLOP counts and the sgemm ceiling.
    var denseShapes: [(Int, Int)] {
        var width = inputWidth
        var shapes: [(Int, Int)] = []
        for spec in specs {
            if case let .dense(units, _, _, _) = spec {
                shapes.append((width, units))
                width = units
            }
        }
        return shapes
    }

    /// Multiply-adds × 2 per training step: forward, weight gradient, and input gradient except for
    /// the first layer.
    var flopsPerStep: Double {
        denseShapes.enumerated().reduce(0.0) { total, entry in
            let (index, (fanIn, fanOut)) = entry
            let products = index == 0 ? 2.0 : 3.0
            return total + products * 2 * Double(batchSize * fanIn * fanOut)
        }
    }

    static func all(scale: Double) -> [Workload] {
        func steps(_ n: Int) -> Int { Swift.max(Int(Double(n) * scale), 10) }
        let deep = [LayerSpec.dense(16, .relu)] + Array(repeating: LayerSpec.dense(16, .relu), count: 7) + [.dense(1)]
        let swish = ScalarExpression.multiply(.input, .activation(.sigmoid, .input))
        let userDense = { (units: Int) in
            LayerSpec.dense(units: units, activation: .custom(UserActivation(name: "act", expression: swish)),
                            weights: nil, bias: nil)
        }
        let deepUser = Array(repeating: userDense(16), count: 8) + [.dense(1)]
        let deepSwish = Array(repeating: LayerSpec.dense(16, .silu), count: 8) + [.dense(1)]
        let regression = ToyDatasets.product(count: 3200, seed: 2)
        return [
            Workload(name: "W1", title: "playground 2-8-8-1 tanh/sigmoid BCE b10", inputWidth: 2,
                     specs: [.dense(8, .tanh), .dense(8, .tanh), .dense(1, .sigmoid)], loss: .binaryCrossEntropy,
                     batchSize: 10, steps: steps(10_000), makeData: { ToyDatasets.spiral(count: 500, noise: 0.1, seed: 1) }),
            Workload(name: "W2", title: "deep-narrow 2-(16 relu)x8-1 MSE b32", inputWidth: 2, specs: deep,
                     loss: .meanSquaredError, batchSize: 32, steps: steps(5_000), makeData: { regression }),
            Workload(name: "W2-swish", title: "W2 with built-in swish", inputWidth: 2, specs: deepSwish,
                     loss: .meanSquaredError, batchSize: 32, steps: steps(5_000), makeData: { regression }),
            Workload(name: "W2-user", title: "W2 with fn act(x) = x * sigmoid(x)", inputWidth: 2, specs: deepUser,
                     loss: .meanSquaredError, batchSize: 32, steps: steps(5_000), makeData: { regression }),
            Workload(name: "W3", title: "mnist-mlp 784-256-256-10 relu softmax-CE b128", inputWidth: 784,
                     specs: [.dense(256, .relu), .dense(256, .relu), .dense(10), .softmax],
                     loss: .softmaxCrossEntropy, batchSize: 128, steps: steps(500),
                     makeData: { ToyDatasets.randomClassification(count: 128 * 20, width: 784, classCount: 10, seed: 3) }),
            Workload(name: "W4", title: "wide 1024-2048-2048-10 relu softmax-CE b256", inputWidth: 1024,
                     specs: [.dense(2048, .relu), .dense(2048, .relu), .dense(10), .softmax],
                     loss: .softmaxCrossEntropy, batchSize: 256, steps: steps(50),
                     makeData: { ToyDatasets.randomClassification(count: 256 * 5, width: 1024, classCount: 10, seed: 4) }),
        ]
    }
}
