/// Assembles data sets from Double columns computed by the generators and loaders, in a chosen order.
enum DatasetBuilder {
    /// A classification data set from row-major `features` (`width` per sample) and class indices,
    /// with samples taken in `order` (all samples in their own order when nil).
    static func classes(
        features: [Double], width: Int, labels: [Int], classCount: Int,
        classNames: [String]?, featureNames: [String]?, order: [Int]? = nil
    ) -> Dataset {
        let order = order ?? Array(labels.indices)
        let tensor = matrix(features, width: width, order: order)
        var dataset = Dataset(
            unchecked: tensor, targets: .classes(order.map { labels[$0] }, classCount: classCount),
            classNames: classNames)
        dataset.featureNames = featureNames
        return dataset
    }

    /// A regression data set from row-major `features` and row-major `targets` (`targetWidth` per sample).
    static func values(
        features: [Double], width: Int, targets: [Double], targetWidth: Int = 1,
        featureNames: [String]?, order: [Int]? = nil
    ) -> Dataset {
        let count = width > 0 ? features.count / width : targets.count / Swift.max(targetWidth, 1)
        let order = order ?? Array(0..<count)
        var dataset = Dataset(
            unchecked: matrix(features, width: width, order: order),
            targets: .values(matrix(targets, width: targetWidth, order: order)), classNames: nil)
        dataset.featureNames = featureNames
        return dataset
    }

    /// The rows of a row-major Double matrix, in `order`, as a Float tensor.
    static func matrix(_ values: [Double], width: Int, order: [Int]) -> Tensor {
        let tensor = Tensor(shape: [order.count, width])
        for (row, source) in order.enumerated() {
            for column in 0..<width {
                tensor.storage[row * width + column] = Float(values[source * width + column])
            }
        }
        return tensor
    }

    /// A seeded random permutation of 0..<count.
    static func shuffledOrder(_ count: Int, _ generator: inout SeededGenerator) -> [Int] {
        var order = Array(0..<count)
        generator.shuffle(&order)
        return order
    }
}
