import Testing
@testable import NeuriteEngine

/// `ToyDatasets.moons` and `.spiral` are the data generators' sets, not copies that could drift.
@Suite struct ToyDatasetsTests {
    static func labels(_ data: Dataset) -> [Int]? {
        if case .classes(let labels, _) = data.targets { return labels }
        return nil
    }

    @Test(arguments: [(count: 500, noise: 0.1, seed: UInt64(1)), (count: 7, noise: 0.0, seed: UInt64(9))])
    func spiralIsThePlaygroundSpiral(count: Int, noise: Double, seed: UInt64) throws {
        let toy = ToyDatasets.spiral(count: count, noise: noise, seed: seed)
        let playground = try PlaygroundDataset.spiral.generate(count: count, noise: noise, seed: seed)
        #expect(toy.count == count)
        #expect(toy.features.values == playground.features.values)
        #expect(Self.labels(toy) == Self.labels(playground))
    }

    @Test(arguments: [(count: 120, noise: 0.1, seed: UInt64(2)), (count: 5, noise: 0.0, seed: UInt64(3))])
    func moonsAreTheSyntheticMoons(count: Int, noise: Double, seed: UInt64) throws {
        let toy = ToyDatasets.moons(count: count, noise: noise, seed: seed)
        let synthetic = try SyntheticData.moons(count: count, noise: noise, seed: seed)
        #expect(toy.count == count)
        #expect(toy.features.values == synthetic.features.values)
        #expect(Self.labels(toy) == Self.labels(synthetic))
    }

    @Test func invalidArgumentsGiveAnEmptySet() {
        #expect(ToyDatasets.moons(count: 0, noise: 0.1, seed: 1).count == 0)
        #expect(ToyDatasets.spiral(count: 10, noise: -1, seed: 1).count == 0)
        #expect(ToyDatasets.spiral(count: 10, noise: -1, seed: 1).featureWidth == 2)
    }
}
