#if canImport(Glibc)
import Glibc
#endif

/// A multiplier of the base learning rate as a function of the optimizer step (0 for the first).
public indirect enum LearningRateSchedule: Sendable, Equatable {
    /// Always 1.
    case constant
    /// `factor ^ ⌊step / every⌋` (step decay).
    case step(every: Int, factor: Double)
    /// `rate ^ (step / every)` (smooth exponential decay).
    case exponential(rate: Double, every: Int)
    /// Cosine from 1 down to `minimumFactor` over `steps`, then flat.
    case cosine(steps: Int, minimumFactor: Double)
    /// Linear warm-up from 1/`steps` to 1 over `steps` steps, then `then` (counted from the end of warm-up).
    case warmup(steps: Int, then: LearningRateSchedule)

    /// Throws on a schedule whose multipliers would not be finite and non-negative.
    public func validate() throws {
        func bad(_ reason: String) -> EngineError { .invalidSetting(name: "learning-rate schedule", reason: reason) }
        switch self {
        case .constant: return
        case let .step(every, factor):
            guard every > 0 else { throw bad("step every \(every) is not positive") }
            guard factor.isFinite, factor >= 0 else { throw bad("factor \(factor) is not a finite number ≥ 0") }
        case let .exponential(rate, every):
            guard every > 0 else { throw bad("exponential every \(every) is not positive") }
            guard rate.isFinite, rate > 0 else { throw bad("rate \(rate) is not a finite number > 0") }
        case let .cosine(steps, minimumFactor):
            guard steps > 0 else { throw bad("cosine steps \(steps) is not positive") }
            guard minimumFactor.isFinite, minimumFactor >= 0 else {
                throw bad("minimum factor \(minimumFactor) is not a finite number ≥ 0")
            }
        case let .warmup(steps, then):
            guard steps >= 0 else { throw bad("warm-up steps \(steps) is negative") }
            try then.validate()
        }
    }

    /// The multiplier at `step`.
    public func factor(atStep step: Int) -> Double {
        switch self {
        case .constant: return 1
        case let .step(every, factor):
            return pow(factor, Double(step / Swift.max(every, 1)))
        case let .exponential(rate, every):
            return pow(rate, Double(step) / Double(Swift.max(every, 1)))
        case let .cosine(steps, minimumFactor):
            let progress = Swift.min(Double(step) / Double(Swift.max(steps, 1)), 1)
            return minimumFactor + (1 - minimumFactor) * 0.5 * (1 + cos(Double.pi * progress))
        case let .warmup(steps, then):
            if step < steps { return Double(step + 1) / Double(steps) }
            return then.factor(atStep: step - steps)
        }
    }
}
