/// A data set cut into training, optional validation, and test parts.
public struct DatasetSplit: Sendable {
    public let train: Dataset
    /// Present when a validation fraction above 0 was asked for.
    public let validation: Dataset?
    public let test: Dataset
}

extension Dataset {
    /// The samples in a seeded random order (bit-identical for the same seed).
    public func shuffled(seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        return subset(DatasetBuilder.shuffledOrder(count, &generator))
    }

    /// The first `count` samples (all of them if there are fewer). Throws unless count > 0.
    public func take(_ count: Int) throws -> Dataset {
        try DatasetArgument.positive(count, "count")
        return subset(Array(0..<Swift.min(count, self.count)))
    }

    /// A seeded random split: round(n·test) test samples, round(n·validation) validation samples, the rest
    /// for training. With `stratified`, every class is split in the same proportions (largest remainders
    /// decide the rounding, so the part sizes are the same as without stratification).
    /// Each part keeps a seeded random order. Throws when a fraction is outside [0, 1), they sum to 1 or
    /// more, a requested part would be empty, or `stratified` is asked of regression targets.
    public func split(
        test: Double = 0.2, validation: Double = 0, stratified: Bool = false, seed: UInt64
    ) throws -> DatasetSplit {
        for (name, fraction) in [("test fraction", test), ("validation fraction", validation)] {
            guard fraction.isFinite, fraction >= 0, fraction < 1 else {
                throw DatasetError.invalidArgument(name: name, reason: "must be in 0 ≤ fraction < 1, got \(fraction)")
            }
        }
        guard test + validation < 1 else {
            throw DatasetError.invalidArgument(
                name: "split",
                reason: "test and validation fractions must leave samples for training (sum \(test + validation))")
        }
        let testCount = Int((Double(count) * test).rounded())
        let validationCount = Int((Double(count) * validation).rounded())
        let trainCount = count - testCount - validationCount
        let sizes = [("test", test, testCount), ("validation", validation, validationCount), ("train", 1, trainCount)]
        for (name, fraction, size) in sizes
        where fraction > 0 && size <= 0 {
            throw DatasetError.invalidArgument(
                name: "split", reason: "the \(name) part of \(count) samples would be empty")
        }
        var generator = SeededGenerator(seed: seed)
        var parts: (test: [Int], validation: [Int], train: [Int])
        if stratified {
            guard case let .classes(labels, classCount) = targets else {
                throw DatasetError.needsClasses(operation: "a stratified split")
            }
            parts = Self.stratifiedParts(labels, classCount, testCount, validationCount, &generator)
        } else {
            let order = DatasetBuilder.shuffledOrder(count, &generator)
            parts = (Array(order[..<testCount]), Array(order[testCount..<(testCount + validationCount)]),
                     Array(order[(testCount + validationCount)...]))
        }
        generator.shuffle(&parts.train)
        generator.shuffle(&parts.validation)
        generator.shuffle(&parts.test)
        return DatasetSplit(
            train: subset(parts.train), validation: validation > 0 ? subset(parts.validation) : nil,
            test: subset(parts.test))
    }

    /// Per class: shuffle its samples, then hand out test and validation quotas proportional to the class size.
    private static func stratifiedParts(
        _ labels: [Int], _ classCount: Int, _ testCount: Int, _ validationCount: Int,
        _ generator: inout SeededGenerator
    ) -> (test: [Int], validation: [Int], train: [Int]) {
        var members = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { members[label].append(index) }
        for c in members.indices { generator.shuffle(&members[c]) }
        let sizes = members.map(\.count)
        let testQuota = apportion(testCount, sizes: sizes)
        let validationQuota = apportion(validationCount, sizes: zip(sizes, testQuota).map { $0 - $1 })
        var parts: (test: [Int], validation: [Int], train: [Int]) = ([], [], [])
        for c in members.indices {
            let t = testQuota[c], v = validationQuota[c]
            parts.test += members[c][..<t]
            parts.validation += members[c][t..<(t + v)]
            parts.train += members[c][(t + v)...]
        }
        return parts
    }

    /// Splits `total` over groups in proportion to `sizes` (largest remainder, ties to the lower index),
    /// never giving a group more than its size.
    static func apportion(_ total: Int, sizes: [Int]) -> [Int] {
        let sum = sizes.reduce(0, +)
        guard sum > 0, total > 0 else { return sizes.map { _ in 0 } }
        let ideal = sizes.map { Double($0) * Double(total) / Double(sum) }
        var quota = zip(ideal, sizes).map { Swift.min(Int($0.0.rounded(.down)), $0.1) }
        var remaining = total - quota.reduce(0, +)
        let byRemainder = sizes.indices.sorted {
            let a = ideal[$0] - ideal[$0].rounded(.down), b = ideal[$1] - ideal[$1].rounded(.down)
            return a != b ? a > b : $0 < $1
        }
        while remaining > 0 {
            var gave = false
            for c in byRemainder where remaining > 0 && quota[c] < sizes[c] {
                quota[c] += 1
                remaining -= 1
                gave = true
            }
            if !gave { break }
        }
        return quota
    }
}
