#if canImport(Glibc)
import Glibc
#endif

/// The update rule of an optimizer, with its hyper-parameters.
public enum OptimizerKind: Sendable, Equatable {
    case sgd
    /// v ← μv + g; w ← w − ηv.
    case momentum(Double)
    /// v ← μv + g; w ← w − η(g + μv).
    case nesterov(Double)
    /// Adam with bias correction; weight decay (if any) is added to the gradient (L2).
    case adam(beta1: Double, beta2: Double, epsilon: Double)
    /// Adam with decoupled weight decay: w ← w − η·λ·w besides the Adam step.
    case adamW(beta1: Double, beta2: Double, epsilon: Double)
    /// s ← ρs + (1−ρ)g²; w ← w − ηg / (√s + ε).
    case rmsProp(rho: Double, epsilon: Double)
    /// s ← s + g²; w ← w − ηg / (√s + ε).
    case adagrad(epsilon: Double)

    /// The name used in summaries.
    public var name: String {
        switch self {
        case .sgd: return "sgd"
        case .momentum: return "momentum"
        case .nesterov: return "nesterov"
        case .adam: return "adam"
        case .adamW: return "adamw"
        case .rmsProp: return "rmsprop"
        case .adagrad: return "adagrad"
        }
    }
}

/// Everything that decides how gradients become updates.
public struct OptimizerOptions: Sendable, Equatable {
    public var kind: OptimizerKind
    public var learningRate: Double
    /// L2 factor λ. Applied to weight matrices only (parameters named `weights`), never to biases:
    /// added to the gradient (λw) for every kind except AdamW, where it is decoupled.
    public var weightDecay: Double
    /// L1 penalty α‖W‖₁ on weight matrices, part of the loss: α·sign(w) is added to the gradient
    /// before clipping, for every kind (0 at w = 0).
    public var l1: Double = 0
    /// L2 penalty (β/2)‖W‖² on weight matrices, part of the loss: βw is added to the gradient before
    /// clipping, for every kind — Adam included, unlike AdamW's decoupled `weightDecay`.
    public var l2: Double = 0
    /// Rescale all gradients together when their global norm exceeds this.
    public var clipNorm: Double?
    /// Clamp every gradient component into [−clipValue, clipValue] (applied before clipNorm).
    public var clipValue: Double?
    public var schedule: LearningRateSchedule

    public init(
        kind: OptimizerKind = .sgd, learningRate: Double = 0.01, weightDecay: Double = 0,
        clipNorm: Double? = nil, clipValue: Double? = nil, schedule: LearningRateSchedule = .constant
    ) {
        self.kind = kind
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.clipNorm = clipNorm
        self.clipValue = clipValue
        self.schedule = schedule
    }

    /// Throws on settings that cannot train.
    public func validate() throws {
        guard learningRate.isFinite, learningRate >= 0 else {
            throw EngineError.invalidSetting(name: "learning rate", reason: "\(learningRate) is not a finite number ≥ 0")
        }
        for (name, value) in [("l1", l1), ("l2", l2)] where !(value.isFinite && value >= 0) {
            throw EngineError.invalidSetting(name: name, reason: "\(value) is not a finite number ≥ 0")
        }
        guard weightDecay.isFinite, weightDecay >= 0 else {
            throw EngineError.invalidSetting(name: "weight decay", reason: "\(weightDecay) is not a finite number ≥ 0")
        }
        if let clipNorm, !(clipNorm > 0) {
            throw EngineError.invalidSetting(name: "clip norm", reason: "\(clipNorm) is not > 0")
        }
        if let clipValue, !(clipValue > 0) {
            throw EngineError.invalidSetting(name: "clip value", reason: "\(clipValue) is not > 0")
        }
        try schedule.validate()
        func check(_ name: String, _ value: Double, _ range: ClosedRange<Double>, open: Bool = false) throws {
            guard value.isFinite, range.contains(value), !(open && value == range.upperBound) else {
                throw EngineError.invalidSetting(name: name, reason: "\(value) is not in \(open ? "[\(range.lowerBound), \(range.upperBound))" : "\(range)")")
            }
        }
        switch kind {
        case .sgd: break
        case .momentum(let mu), .nesterov(let mu): try check("momentum", mu, 0...1, open: true)
        case let .adam(b1, b2, eps), let .adamW(b1, b2, eps):
            try check("beta1", b1, 0...1, open: true)
            try check("beta2", b2, 0...1, open: true)
            try check("epsilon", eps, 0...1)
        case let .rmsProp(rho, eps):
            try check("rho", rho, 0...1, open: true)
            try check("epsilon", eps, 0...1)
        case .adagrad(let eps): try check("epsilon", eps, 0...1)
        }
    }
}

/// Applies updates to a fixed list of parameters, keeping per-parameter state (velocities, moments).
public final class Optimizer {
    public let options: OptimizerOptions
    public let parameters: [Parameter]
    /// Optimizer steps taken so far.
    public private(set) var stepCount = 0
    /// ‖Δw‖ of each parameter in the last step, when ``recordUpdateNorms`` was on.
    public private(set) var lastUpdateNorms: [Double]
    /// Whether the next steps measure their update norms (for update:weight probes).
    public var recordUpdateNorms = false
    private var first: [Tensor]
    private var second: [Tensor]

    public init(options: OptimizerOptions, parameters: [Parameter]) throws {
        try options.validate()
        self.options = options
        self.parameters = parameters
        first = parameters.map { Tensor(shape: $0.value.shape) }
        second = parameters.map { Tensor(shape: $0.value.shape) }
        lastUpdateNorms = Array(repeating: 0, count: parameters.count)
        lastLearningRate = options.learningRate
    }

    /// The learning rate the last step used (the base rate before any step).
    public private(set) var lastLearningRate: Double = 0

    /// The learning rate the next step will use.
    public var currentLearningRate: Double {
        options.learningRate * options.schedule.factor(atStep: stepCount)
    }

    /// The global Euclidean norm of all gradients.
    public func gradientNorm() -> Double {
        var total = 0.0
        for p in parameters { total += Kernels.sumOfSquares(p.gradient.storage, count: p.gradient.count) }
        return total.squareRoot()
    }

    /// Clips the gradients as configured, then updates every parameter once.
    public func step() {
        addPenaltyGradients()
        clipGradients()
        lastLearningRate = currentLearningRate
        let lr = Float(lastLearningRate)
        stepCount += 1
        let t = Double(stepCount)
        for (index, parameter) in parameters.enumerated() {
            let n = parameter.value.count
            let w = parameter.value.storage, g = parameter.gradient.storage
            let m = first[index].storage, v = second[index].storage
            let decay = parameter.name == "weights" ? Float(options.weightDecay) : 0
            let record = recordUpdateNorms
            var updateSquares: Double = 0
            @inline(__always) func apply(_ i: Int, _ delta: Float) {
                w[i] -= delta
                if record { updateSquares += Double(delta * delta) }
            }
            var i = 0
            switch options.kind {
            case .sgd:
                if decay == 0 && !record {
                    while i < n { w[i] -= lr * g[i]; i &+= 1 }
                } else {
                    while i < n { apply(i, lr * (g[i] + decay * w[i])); i &+= 1 }
                }
            case .momentum(let mu):
                let mu = Float(mu)
                while i < n { m[i] = mu * m[i] + g[i] + decay * w[i]; apply(i, lr * m[i]); i &+= 1 }
            case .nesterov(let mu):
                let mu = Float(mu)
                while i < n {
                    let grad = g[i] + decay * w[i]
                    m[i] = mu * m[i] + grad
                    apply(i, lr * (grad + mu * m[i]))
                    i &+= 1
                }
            case let .adam(b1, b2, eps), let .adamW(b1, b2, eps):
                let decoupled: Bool
                if case .adamW = options.kind { decoupled = true } else { decoupled = false }
                let c1 = Float(1 / (1 - Glibc.pow(b1, t))), c2 = Float(1 / (1 - Glibc.pow(b2, t)))
                let (fb1, fb2, fe) = (Float(b1), Float(b2), Float(eps))
                while i < n {
                    let grad = decoupled ? g[i] : g[i] + decay * w[i]
                    m[i] = fb1 * m[i] + (1 - fb1) * grad
                    v[i] = fb2 * v[i] + (1 - fb2) * grad * grad
                    let mHat = m[i] * c1, vHat = v[i] * c2
                    var delta = lr * mHat / (vHat.squareRoot() + fe)
                    if decoupled { delta += lr * decay * w[i] }
                    apply(i, delta)
                    i &+= 1
                }
            case let .rmsProp(rho, eps):
                let (r, e) = (Float(rho), Float(eps))
                while i < n {
                    let grad = g[i] + decay * w[i]
                    v[i] = r * v[i] + (1 - r) * grad * grad
                    apply(i, lr * grad / (v[i].squareRoot() + e))
                    i &+= 1
                }
            case .adagrad(let eps):
                let e = Float(eps)
                while i < n {
                    let grad = g[i] + decay * w[i]
                    v[i] += grad * grad
                    apply(i, lr * grad / (v[i].squareRoot() + e))
                    i &+= 1
                }
            }
            if record { lastUpdateNorms[index] = updateSquares.squareRoot() }
        }
    }

    /// The L1 and L2 penalties' gradients, added to the weight matrices' gradients.
    private func addPenaltyGradients() {
        guard options.l1 > 0 || options.l2 > 0 else { return }
        let (a, b) = (Float(options.l1), Float(options.l2))
        for p in parameters where p.name == "weights" {
            let w = p.value.storage, g = p.gradient.storage
            var i = 0
            while i < p.value.count {
                let sign: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
                g[i] += a * sign + b * w[i]
                i &+= 1
            }
        }
    }

    private func clipGradients() {
        if let limit = options.clipValue {
            let hi = Float(limit), lo = -Float(limit)
            for p in parameters {
                let g = p.gradient.storage
                var i = 0
                while i < p.gradient.count { g[i] = Swift.min(Swift.max(g[i], lo), hi); i &+= 1 }
            }
        }
        if let limit = options.clipNorm {
            let norm = gradientNorm()
            if norm > limit {
                let factor = Float(limit / norm)
                for p in parameters { Kernels.scale(p.gradient.storage, count: p.gradient.count, by: factor) }
            }
        }
    }
}
