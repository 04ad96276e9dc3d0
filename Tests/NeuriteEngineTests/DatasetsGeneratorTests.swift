import Foundation
import Testing
@testable import NeuriteEngine

@Suite struct DatasetsPlaygroundTests {
    @Test(arguments: PlaygroundDataset.allCases, [200, 201])
    func shapeAndTargets(dataset: PlaygroundDataset, count: Int) throws {
        let data = try dataset.generate(count: count, noise: 0.1, seed: 1)
        #expect(data.features.shape == [count, 2])
        #expect(data.featureNames == ["x", "y"])
        if dataset.isRegression {
            #expect(data.classCount == nil)
            #expect(data.targetWidth == 1)
            #expect(data.valuesForTesting.count == count)
        } else {
            #expect(data.classCount == 2)
            #expect(data.classNames == ["-1", "+1"])
            #expect(data.labelsForTesting.count == count)
        }
    }

    @Test(arguments: PlaygroundDataset.allCases)
    func sameSeedSameBitsDifferentSeedDifferentData(dataset: PlaygroundDataset) throws {
        let a = try dataset.generate(count: 100, noise: 0.2, seed: 42)
        let b = try dataset.generate(count: 100, noise: 0.2, seed: 42)
        let c = try dataset.generate(count: 100, noise: 0.2, seed: 43)
        #expect(a.bitsForTesting == b.bitsForTesting)
        #expect(a.bitsForTesting != c.bitsForTesting)
    }

    @Test(arguments: [PlaygroundDataset.circle, .gauss, .spiral], [100, 101])
    func noiselessHalvesAreExact(dataset: PlaygroundDataset, count: Int) throws {
        let data = try dataset.generate(count: count, noise: 0, seed: 3)
        #expect(data.classHistogramForTesting == [count / 2, count - count / 2])
    }

    @Test func samplesAreShuffledLikeThePlayground() throws {
        let labels = try PlaygroundDataset.circle.generate(count: 200, seed: 5).labelsForTesting
        let changes = zip(labels, labels.dropFirst()).filter { $0 != $1 }.count
        #expect(changes > 50, "labels still in blocks: \(changes) changes")
    }

    @Test func circleNoiselessGeometry() throws {
        let data = try PlaygroundDataset.circle.generate(count: 500, noise: 0, seed: 7)
        for (point, label) in zip(data.rowsForTesting, data.labelsForTesting) {
            let radius = hypot(point[0], point[1])
            if label == 1 {
                #expect(radius <= 2.5 + 1e-5)
            } else {
                #expect(radius >= 3.5 - 1e-5 && radius <= 5 + 1e-5)
            }
        }
    }

    @Test func circleNoiseFlipsSomeLabelsButNotPositions() throws {
        let data = try PlaygroundDataset.circle.generate(count: 500, noise: 0.5, seed: 7)
        let radii = data.rowsForTesting.map { hypot($0[0], $0[1]) }
        // Points stay on the disc or the ring; only the labels (decided on the noisy point) change.
        #expect(radii.allSatisfy { $0 <= 2.5 + 1e-5 || ($0 >= 3.5 - 1e-5 && $0 <= 5 + 1e-5) })
        let disagreeing = zip(radii, data.labelsForTesting).filter { ($0 < 2.5) != ($1 == 1) }.count
        #expect(disagreeing > 10)
        #expect(disagreeing < 250)
    }

    @Test func xorNoiselessLabelIsSignOfProduct() throws {
        let data = try PlaygroundDataset.xor.generate(count: 500, noise: 0, seed: 9)
        for (point, label) in zip(data.rowsForTesting, data.labelsForTesting) {
            #expect(label == (point[0] * point[1] >= 0 ? 1 : 0))
            #expect(abs(point[0]) >= 0.3 - 1e-6 && abs(point[0]) <= 5.3 + 1e-5)
            #expect(abs(point[1]) >= 0.3 - 1e-6 && abs(point[1]) <= 5.3 + 1e-5)
        }
        let positives = data.classHistogramForTesting[1]
        #expect(positives > 200 && positives < 300)
    }

    @Test func xorNoiseFlipsSomeLabels() throws {
        let data = try PlaygroundDataset.xor.generate(count: 500, noise: 0.5, seed: 9)
        let disagreeing = zip(data.rowsForTesting, data.labelsForTesting)
            .filter { ($0[0] * $0[1] >= 0) != ($1 == 1) }.count
        #expect(disagreeing > 10)
    }

    @Test(arguments: [(0.0, 0.5), (0.5, 4.0)])
    func gaussClustersHaveThePlaygroundVariance(noise: Double, variance: Double) throws {
        let data = try PlaygroundDataset.gauss.generate(count: 4000, noise: noise, seed: 11)
        for (label, centre) in [(1, 2.0), (0, -2.0)] {
            let xs = zip(data.rowsForTesting, data.labelsForTesting).filter { $1 == label }.map { $0.0[0] }
            let (mean, deviation) = meanAndDeviation(xs)
            #expect(abs(mean - centre) < 0.15, "class \(label) mean \(mean)")
            #expect(abs(deviation - variance.squareRoot()) < 0.1, "class \(label) std \(deviation)")
        }
    }

    @Test func spiralNoiselessPointsLieOnTwoArms() throws {
        let data = try PlaygroundDataset.spiral.generate(count: 300, noise: 0, seed: 13)
        for (point, label) in zip(data.rowsForTesting, data.labelsForTesting) {
            let r = hypot(point[0], point[1])
            #expect(r < 5)
            // Arm +1 follows (r sin t, r cos t) with t = 1.75·2π·r/5; arm −1 is the same turned by π.
            let t = 1.75 * 2 * Double.pi * r / 5 + (label == 1 ? 0 : Double.pi)
            #expect(abs(point[0] - r * sin(t)) < 1e-3 && abs(point[1] - r * cos(t)) < 1e-3, "\(point) class \(label)")
        }
    }

    @Test func spiralNoiseMovesPointsOffTheArms() throws {
        let data = try PlaygroundDataset.spiral.generate(count: 300, noise: 0.3, seed: 13)
        let offArm = zip(data.rowsForTesting, data.labelsForTesting).filter { point, label in
            let r = hypot(point[0], point[1])
            let t = 1.75 * 2 * Double.pi * r / 5 + (label == 1 ? 0 : Double.pi)
            return abs(point[0] - r * sin(t)) > 1e-2
        }.count
        #expect(offArm > 100)
    }

    @Test func planeTargetIsScaledSum() throws {
        let clean = try PlaygroundDataset.plane.generate(count: 300, noise: 0, seed: 17)
        for (point, value) in zip(clean.rowsForTesting, clean.valuesForTesting) {
            #expect(abs(value - (point[0] + point[1]) / 10) < 1e-5)
            #expect(abs(point[0]) <= 6 && abs(point[1]) <= 6)
        }
        let noisy = try PlaygroundDataset.plane.generate(count: 300, noise: 0.3, seed: 17)
        let moved = zip(noisy.rowsForTesting, noisy.valuesForTesting)
            .filter { abs($1 - ($0[0] + $0[1]) / 10) > 1e-3 }.count
        #expect(moved > 250)
    }

    @Test(arguments: [
        (-4.0, 2.5, 1.0), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
        (-4, 3.5, 0.5), (0, 0, 0), (6, 6, 0),
    ])
    func multiGaussianBumps(x: Double, y: Double, expected: Double) {
        #expect(abs(PlaygroundDataset.multiGaussianValue(x, y) - expected) < 1e-12)
    }

    @Test func multiGaussianTargetsStayInRange() throws {
        let data = try PlaygroundDataset.multiGaussian.generate(count: 1200, noise: 0, seed: 19)
        let values = data.valuesForTesting
        #expect(values.allSatisfy { $0 >= -1 && $0 <= 1 })
        #expect(values.contains { $0 > 0.5 } && values.contains { $0 < -0.5 })
        #expect(values.contains { $0 == 0 })
    }

    @Test(arguments: PlaygroundDataset.allCases)
    func invalidArgumentsAreErrorsNotTraps(dataset: PlaygroundDataset) {
        for (count, noise, name) in [(0, 0.0, "count"), (-5, 0, "count"), (10, -0.1, "noise"), (10, .nan, "noise")] {
            let message = datasetErrorDescription { try dataset.generate(count: count, noise: noise, seed: 1) }
            #expect(message?.hasPrefix("invalid \(name):") == true, "\(message ?? "no error")")
        }
    }

    @Test func defaultCountsFollowThePlayground() {
        #expect(PlaygroundDataset.circle.defaultCount == 500)
        #expect(PlaygroundDataset.plane.defaultCount == 1200)
    }
}

@Suite struct DatasetsScikitStyleTests {
    @Test(arguments: [100, 101])
    func moonsLieOnTwoArcs(count: Int) throws {
        let data = try SyntheticData.moons(count: count, noise: 0, seed: 2)
        #expect(data.features.shape == [count, 2])
        #expect(data.classHistogramForTesting == [count / 2, count - count / 2])
        for (p, label) in zip(data.rowsForTesting, data.labelsForTesting) {
            if label == 0 {
                #expect(abs(hypot(p[0], p[1]) - 1) < 1e-5 && p[1] >= -1e-6)
            } else {
                #expect(abs(hypot(p[0] - 1, p[1] - 0.5) - 1) < 1e-5 && p[1] <= 0.5 + 1e-6)
            }
        }
    }

    @Test func moonsNoiseHasTheGivenDeviation() throws {
        let clean = try SyntheticData.moons(count: 2000, noise: 0, seed: 4)
        let noisy = try SyntheticData.moons(count: 2000, noise: 0.1, seed: 4)
        let radialErrors = zip(noisy.rowsForTesting, noisy.labelsForTesting).map { p, label in
            label == 0 ? hypot(p[0], p[1]) - 1 : hypot(p[0] - 1, p[1] - 0.5) - 1
        }
        #expect(abs(meanAndDeviation(radialErrors).deviation - 0.1) < 0.02)
        #expect(clean.bitsForTesting != noisy.bitsForTesting)
    }

    @Test func circlesUseTheFactor() throws {
        let data = try SyntheticData.circles(count: 200, factor: 0.5, noise: 0, seed: 6)
        #expect(data.classHistogramForTesting == [100, 100])
        for (p, label) in zip(data.rowsForTesting, data.labelsForTesting) {
            #expect(abs(hypot(p[0], p[1]) - (label == 0 ? 1 : 0.5)) < 1e-5)
        }
        let again = try SyntheticData.circles(count: 200, factor: 0.5, noise: 0.05, seed: 6)
        let again2 = try SyntheticData.circles(count: 200, factor: 0.5, noise: 0.05, seed: 6)
        #expect(again.bitsForTesting == again2.bitsForTesting)
    }

    @Test(arguments: [1.0, -0.1, 1.5, Double.nan])
    func circlesRejectABadFactor(factor: Double) {
        let message = datasetErrorDescription { try SyntheticData.circles(count: 10, factor: factor, seed: 1) }
        #expect(message?.hasPrefix("invalid factor") == true)
    }

    @Test func blobsAroundRandomCentres() throws {
        let data = try SyntheticData.blobs(count: 100, centers: 3, standardDeviation: 0, seed: 8)
        #expect(data.classHistogramForTesting == [34, 33, 33])
        #expect(data.classNames == ["0", "1", "2"])
        // With no spread every sample of a class sits on its centre, inside the box.
        var centres: [Int: [Double]] = [:]
        for (p, label) in zip(data.rowsForTesting, data.labelsForTesting) {
            if let centre = centres[label] { #expect(centre == p) } else { centres[label] = p }
            #expect(p.allSatisfy { $0 >= -10 && $0 <= 10 })
        }
        #expect(Set(centres.values.map { $0.description }).count == 3)
    }

    @Test func blobsAroundGivenCentres() throws {
        let centres = [[0.0, 0, 0], [5, 5, 5]]
        let data = try SyntheticData.blobs(count: 4000, centers: centres, standardDeviation: 0.5, seed: 10)
        #expect(data.features.shape == [4000, 3])
        #expect(data.featureNames == ["x1", "x2", "x3"])
        for (label, centre) in centres.enumerated() {
            for dimension in 0..<3 {
                let values = zip(data.rowsForTesting, data.labelsForTesting).filter { $1 == label }.map { $0.0[dimension] }
                let (mean, deviation) = meanAndDeviation(values)
                #expect(abs(mean - centre[dimension]) < 0.05)
                #expect(abs(deviation - 0.5) < 0.05)
            }
        }
    }

    @Test func blobsValidateCentres() {
        #expect(datasetErrorDescription { try SyntheticData.blobs(centers: [[0, 0], [1]], seed: 1) }?
            .contains("centre 2 has 1 coordinates") == true)
        #expect(datasetErrorDescription { try SyntheticData.blobs(centers: [], seed: 1) } != nil)
        #expect(datasetErrorDescription { try SyntheticData.blobs(centers: 0, seed: 1) } != nil)
        #expect(datasetErrorDescription { try SyntheticData.blobs(standardDeviation: -1, seed: 1) } != nil)
        #expect(datasetErrorDescription { try SyntheticData.blobs(box: 1...1, seed: 1) } != nil)
    }
}

@Suite struct DatasetsFunctionRegressionTests {
    @Test func noiselessTargetsAreTheFunction() throws {
        let data = try SyntheticData.regression(function: sin, over: -3...3, count: 200, noise: 0, seed: 1)
        #expect(data.features.shape == [200, 1])
        #expect(data.featureNames == ["x"])
        for (x, y) in zip(data.rowsForTesting.map { $0[0] }, data.valuesForTesting) {
            #expect(x >= -3 && x < 3)
            #expect(abs(y - sin(x)) < 1e-5)
        }
    }

    @Test func noiseHasTheGivenDeviation() throws {
        let data = try SyntheticData.regression(function: { 2 * $0 }, count: 4000, noise: 0.1, seed: 2)
        let residuals = zip(data.rowsForTesting, data.valuesForTesting).map { $1 - 2 * $0[0] }
        #expect(abs(meanAndDeviation(residuals).deviation - 0.1) < 0.01)
    }

    @Test func gridSamplingIsEvenlySpacedWithBothEnds() throws {
        let data = try SyntheticData.regression(function: { $0 * $0 }, over: -1...1, count: 5, sampling: .grid, seed: 0)
        #expect(data.rowsForTesting.map { $0[0] } == [-1, -0.5, 0, 0.5, 1])
        #expect(data.valuesForTesting == [1, 0.25, 0, 0.25, 1])
    }

    @Test func batchEvaluatorGivesTheSameDataAsTheScalarFunction() throws {
        let scalar = try SyntheticData.regression(function: cos, count: 50, noise: 0.2, seed: 3)
        let batch = try SyntheticData.regression(evaluator: { $0.map(cos) }, count: 50, noise: 0.2, seed: 3)
        #expect(scalar.bitsForTesting == batch.bitsForTesting)
        let other = try SyntheticData.regression(function: cos, count: 50, noise: 0.2, seed: 4)
        #expect(scalar.bitsForTesting != other.bitsForTesting)
    }

    @Test func badFunctionsAndArgumentsAreErrors() {
        #expect(datasetErrorDescription {
            try SyntheticData.regression(function: { 1 / $0 }, over: -1...1, count: 3, sampling: .grid, seed: 0)
        } == "the function gives inf at x = 0.0; every value must be finite")
        #expect(datasetErrorDescription { try SyntheticData.regression(evaluator: { _ in [1] }, count: 3, seed: 0) }?
            .contains("gave 1 values for 3 inputs") == true)
        #expect(datasetErrorDescription { try SyntheticData.regression(function: sin, over: 2...2, seed: 0) }?
            .hasPrefix("invalid range") == true)
        #expect(datasetErrorDescription { try SyntheticData.regression(function: sin, count: 0, seed: 0) } != nil)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try SyntheticData.regression(function: { _ in throw Failure() }, seed: 0) }
    }
}

@Suite struct DatasetsFeatureMapTests {
    @Test func mapsComputeThePlaygroundFeatures() throws {
        let data = try Dataset(
            features: Tensor(shape: [2, 2], values: [1, 2, -0.5, 3]), targets: .classes([0, 1], classCount: 2),
            classNames: ["a", "b"])
        let mapped = try data.mapped(FeatureMap.allCases)
        #expect(mapped.featureNames == ["x", "y", "x²", "y²", "x·y", "sin x", "sin y"])
        #expect(mapped.classNames == ["a", "b"])
        #expect(mapped.labelsForTesting == [0, 1])
        let expected: [[Double]] = [[1, 2, 1, 4, 2, sin(1), sin(2)], [-0.5, 3, 0.25, 9, -1.5, sin(-0.5), sin(3)]]
        for (row, want) in zip(mapped.rowsForTesting, expected) {
            for (got, value) in zip(row, want) { #expect(abs(got - value) < 1e-6) }
        }
        #expect(try data.mapped([.xTimesY]).rowsForTesting == [[2], [-1.5]])
    }

    @Test func mapsNeedTwoFeaturesAndAtLeastOneMap() throws {
        let wide = try SyntheticData.blobs(count: 4, centers: [[0, 0, 0]], seed: 1)
        #expect(datasetErrorDescription { try wide.mapped([.x]) }?.contains("needs 2 features") == true)
        let flat = try PlaygroundDataset.xor.generate(count: 4, seed: 1)
        #expect(datasetErrorDescription { try flat.mapped([]) } != nil)
    }
}

@Suite struct DatasetsNamedGeneratorTests {
    @Test(arguments: DatasetGenerator.allCases)
    func everyNamedGeneratorMakesTwoDimensionalDataWithDefaults(generator: DatasetGenerator) throws {
        #expect(try DatasetGenerator.named(generator.rawValue) == generator)
        let data = try generator.generate(seed: 1)
        #expect(data.features.shape == [generator.defaultCount, 2])
        #expect((data.classCount == nil) == generator.isRegression)
        #expect(data.bitsForTesting == (try generator.generate(seed: 1)).bitsForTesting)
        #expect(!generator.summary.isEmpty)
        #expect(datasetErrorDescription { try generator.generate(count: 0, seed: 1) }
            == "invalid count: must be positive, got 0")
    }

    @Test func playgroundNamesGiveThePlaygroundData() throws {
        let named = try DatasetGenerator.spiral.generate(count: 60, noise: 0.1, seed: 3)
        let direct = try PlaygroundDataset.spiral.generate(count: 60, noise: 0.1, seed: 3)
        #expect(named.bitsForTesting == direct.bitsForTesting)
    }

    @Test func unknownNamesListTheGenerators() {
        let listed = DatasetGenerator.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        #expect(datasetErrorDescription { try DatasetGenerator.named("spirla") }
            == "no generated data set 'spirla'; available: \(listed)")
        #expect(throws: DatasetError.unknownGenerator(name: "circel", available: DatasetGenerator.allCases.map(\.rawValue))) {
            try DatasetGenerator.named("circel")
        }
    }

    @Test func hugeSizesAreRefusedNotAttempted() {
        #expect(datasetErrorDescription { try PlaygroundDataset.xor.generate(count: 1 << 40, seed: 1) }
            == "invalid count: must be at most 10000000, got \(1 << 40)")
        #expect(datasetErrorDescription { try SyntheticData.blobs(count: 10, dimensions: 1 << 40, seed: 1) }?
            .hasPrefix("invalid size") == true)
        #expect(datasetErrorDescription { try SyntheticData.blobs(count: 1000, dimensions: 1_000_000, seed: 1) }?
            .hasPrefix("invalid size") == true)
    }
}
