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
