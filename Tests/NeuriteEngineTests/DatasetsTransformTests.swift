import Testing
@testable import NeuriteEngine

@Suite struct DatasetsTransformTests {
    @Test func standardisingGivesMeanZeroAndDeviationOne() throws {
        let iris = try BundledDataset.iris.load()
        let (scaled, statistics) = iris.standardised()
        #expect(abs(statistics.means[0] - 5.8433) < 1e-3)
        #expect(scaled.featureNames == iris.featureNames)
        #expect(scaled.labelsForTesting == iris.labelsForTesting)
        for column in 0..<4 {
            let (mean, deviation) = meanAndDeviation(scaled.rowsForTesting.map { $0[column] })
            #expect(abs(mean) < 1e-5)
            #expect(abs(deviation - 1) < 1e-5)
        }
    }

    @Test func aTestSetReusesTheTrainingStatistics() throws {
        let split = try BundledDataset.wine.load().split(test: 0.25, seed: 3)
        let (_, statistics) = split.train.standardised()
        let test = try split.test.standardised(using: statistics)
        let raw = split.test.rowsForTesting[0][12], scaled = test.rowsForTesting[0][12]
        #expect(abs(scaled - (raw - statistics.means[12]) / statistics.standardDeviations[12]) < 1e-4)
        #expect(abs(meanAndDeviation(test.rowsForTesting.map { $0[12] }).mean) > 1e-4)
        let narrow = try PlaygroundDataset.xor.generate(count: 10, seed: 1)
        #expect(datasetErrorDescription { try narrow.standardised(using: statistics) }?.contains("needs 13 features") == true)
    }

    @Test func constantFeaturesBecomeZeroNotNaN() throws {
        let data = try Dataset(
            features: Tensor(shape: [3, 2], values: [1, 5, 2, 5, 3, 5]), targets: .classes([0, 0, 1], classCount: 2))
        #expect(data.standardised().dataset.rowsForTesting.map { $0[1] } == [0, 0, 0])
        #expect(data.normalised().dataset.rowsForTesting.map { $0[1] } == [0, 0, 0])
    }

    @Test(arguments: [(NormalisationRange.unit, 0.0, 1.0), (.symmetric, -1, 1)])
    func normalisingMapsOntoTheRange(range: NormalisationRange, lower: Double, upper: Double) throws {
        let (scaled, statistics) = try BundledDataset.iris.load().normalised(to: range)
        #expect(statistics.minimums[0] == Double(Float(4.3)))
        for column in 0..<4 {
            let values = scaled.rowsForTesting.map { $0[column] }
            #expect(abs(values.min()! - lower) < 1e-6)
            #expect(abs(values.max()! - upper) < 1e-6)
        }
        let other = try BundledDataset.iris.load().take(5).normalised(using: statistics)
        #expect(other.count == 5)
    }

    @Test func shufflingIsASeededPermutation() throws {
        let data = try indexedDataset(labels: (0..<50).map { $0 % 3 }, classCount: 3)
        let a = data.shuffled(seed: 1), b = data.shuffled(seed: 1), c = data.shuffled(seed: 2)
        #expect(a.bitsForTesting == b.bitsForTesting)
        #expect(a.bitsForTesting != c.bitsForTesting)
        let order = a.rowsForTesting.map { Int($0[0]) }
        #expect(order.sorted() == Array(0..<50))
        #expect(order != Array(0..<50))
        #expect(a.labelsForTesting == order.map { $0 % 3 })
    }

    @Test func takeKeepsTheFirstSamples() throws {
        let data = try indexedDataset(labels: [0, 1, 0, 1], classCount: 2)
        #expect(try data.take(2).rowsForTesting == [[0], [1]])
        #expect(try data.take(10).count == 4)
        #expect(datasetErrorDescription { try data.take(0) } == "invalid count: must be positive, got 0")
    }

    @Test(arguments: [(0.2, 0.0, 120, 0, 30), (0.2, 0.1, 105, 15, 30), (0.25, 0.25, 74, 38, 38)])
    func splitSizesAndDisjointParts(test: Double, validation: Double, train: Int, valid: Int, tested: Int) throws {
        let data = try indexedDataset(labels: (0..<150).map { $0 / 50 }, classCount: 3)
        for stratified in [false, true] {
            let split = try data.split(test: test, validation: validation, stratified: stratified, seed: 5)
            #expect(split.train.count == train)
            #expect((split.validation?.count ?? 0) == valid)
            #expect(split.test.count == tested)
            #expect((split.validation == nil) == (validation == 0))
            let ids = [split.train, split.validation, split.test].compactMap { $0 }
                .flatMap { $0.rowsForTesting.map { Int($0[0]) } }
            #expect(ids.sorted() == Array(0..<150))
        }
    }

    @Test func stratifiedSplitsKeepClassProportions() throws {
        let iris = try BundledDataset.iris.load()
        let split = try iris.split(test: 0.2, validation: 0.2, stratified: true, seed: 9)
        #expect(split.test.classHistogramForTesting == [10, 10, 10])
        #expect(split.validation?.classHistogramForTesting == [10, 10, 10])
        #expect(split.train.classHistogramForTesting == [30, 30, 30])

        let cancer = try BundledDataset.breastCancer.load()
        let parts = try cancer.split(test: 0.25, stratified: true, seed: 9)
        #expect(parts.test.count == 142)
        for (c, total) in cancer.classHistogramForTesting.enumerated() {
            #expect(abs(Double(parts.test.classHistogramForTesting[c]) - Double(total) * 142 / 569) < 1)
        }
    }

    @Test func splitsAreDeterministicPerSeed() throws {
        let data = try PlaygroundDataset.spiral.generate(count: 100, seed: 1)
        let a = try data.split(test: 0.3, stratified: true, seed: 4)
        let b = try data.split(test: 0.3, stratified: true, seed: 4)
        let c = try data.split(test: 0.3, stratified: true, seed: 5)
        #expect(a.train.bitsForTesting == b.train.bitsForTesting && a.test.bitsForTesting == b.test.bitsForTesting)
        #expect(a.test.bitsForTesting != c.test.bitsForTesting)
        #expect(a.train.featureNames == ["x", "y"])
    }

    @Test func badSplitsAreErrors() throws {
        let data = try indexedDataset(labels: [0, 1, 0], classCount: 2)
        #expect(datasetErrorDescription { try data.split(test: 1, seed: 0) }?.hasPrefix("invalid test fraction") == true)
        #expect(datasetErrorDescription { try data.split(test: -0.1, seed: 0) } != nil)
        #expect(datasetErrorDescription { try data.split(test: 0.5, validation: 0.5, seed: 0) }?
            .hasPrefix("invalid split") == true)
        #expect(datasetErrorDescription { try data.split(test: 0.1, seed: 0) }
            == "invalid split: the test part of 3 samples would be empty")
        let regression = try PlaygroundDataset.plane.generate(count: 20, seed: 1)
        #expect(datasetErrorDescription { try regression.split(stratified: true, seed: 0) }
            == "a stratified split needs a data set with class labels")
        #expect(try regression.split(test: 0.25, seed: 0).test.count == 5)
    }

    @Test(arguments: [
        (10, [5, 5], [5, 5]), (3, [5, 5], [2, 1]), (4, [1, 9], [0, 4]), (2, [1, 1, 1], [1, 1, 0]), (0, [3, 4], [0, 0]),
    ])
    func apportioningByLargestRemainder(total: Int, sizes: [Int], expected: [Int]) {
        #expect(Dataset.apportion(total, sizes: sizes) == expected)
    }

    @Test func summaryOfClassesAndOfValues() throws {
        let summary = try BundledDataset.iris.load().summary
        #expect(summary.count == 150)
        #expect(summary.features.map(\.name) == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        let first = summary.features[0]
        #expect(abs(first.minimum - 4.3) < 1e-5 && abs(first.maximum - 7.9) < 1e-5)
        #expect(abs(first.mean - 5.8433) < 1e-3 && abs(first.standardDeviation - 0.8253) < 1e-3)
        #expect(summary.classCounts?.map(\.count) == [50, 50, 50])
        #expect(summary.classCounts?.map(\.name) == ["setosa", "versicolor", "virginica"])
        #expect(summary.targets == nil)

        let plane = try PlaygroundDataset.plane.generate(count: 400, noise: 0, seed: 2).summary
        #expect(plane.classCounts == nil)
        let target = try #require(plane.targets?.first)
        #expect(target.name == "target")
        #expect(target.minimum >= -1.2 && target.maximum <= 1.2 && target.minimum < 0 && target.maximum > 0)

        let unnamed = try indexedDataset(labels: [1, 1], classCount: 2).summary
        #expect(unnamed.features.map(\.name) == ["x1"])
        #expect(unnamed.classCounts?.map(\.name) == ["0", "1"])
        #expect(unnamed.classCounts?.map(\.count) == [0, 2])
    }
}

@Suite struct DatasetsColumnTests {
    @Test func columnsAsPlainArrays() throws {
        let data = try Dataset.csv(text: "a,b,label\n1,2,x\n3,4,y\n")
        #expect(data.featureColumn(1) == [2, 4])
        #expect(data.featureColumn(2) == nil)
        #expect(data.featureColumn(-1) == nil)
        #expect(data.classLabels == [0, 1])
        #expect(data.targetColumn(0) == nil)
        #expect(data.columnNames == ["a", "b"])
        let regression = try Dataset.csv(text: "a,t\n1,0.5\n2,1.5\n", options: CSVOptions(task: .regression))
        #expect(regression.targetColumn(0) == [0.5, 1.5])
        #expect(regression.targetColumn(1) == nil)
        #expect(regression.classLabels == nil)
        #expect(try indexedDataset(labels: [0], classCount: 1).columnNames == ["x1"])
    }
}
