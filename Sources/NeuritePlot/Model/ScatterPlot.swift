/// Points of a 2-D dataset coloured by class, optionally over a decision-boundary background.
///
/// ```swift
/// var plot = ScatterPlot(title: "moons", classNames: ["a", "b"])
/// plot.add(x: xs, y: ys, classes: labels)
/// plot.background = DecisionBackground(xRange: -2...3, yRange: -1...1.5, probabilities: grid)
/// ```
public struct ScatterPlot: Plottable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Names of classes 0, 1, …; classes without a name are called "class k".
    public var classNames: [String]
    /// Shading of the plane by predicted class; its ranges become the plot's axes.
    public var background: DecisionBackground?
    public private(set) var x: [Double] = []
    public private(set) var y: [Double] = []
    /// Class of each point (0-based); negative classes are drawn as class 0.
    public private(set) var classes: [Int] = []
    /// Points dropped because `x`, `y` and `classes` had different lengths.
    public private(set) var unpaired = 0

    public init(title: String = "", xLabel: String = "", yLabel: String = "", classNames: [String] = [],
                background: DecisionBackground? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.classNames = classNames
        self.background = background
    }

    /// Adds points; `classes` defaults to class 0 for all. Extra values of longer arrays are
    /// ignored (and reported).
    public mutating func add(x newX: [Double], y newY: [Double], classes newClasses: [Int]? = nil) {
        let labels = newClasses ?? Array(repeating: 0, count: min(newX.count, newY.count))
        let n = min(newX.count, newY.count, labels.count)
        x += newX.prefix(n)
        y += newY.prefix(n)
        classes += labels.prefix(n).map { min(max(0, $0), ScatterPlot.maxClass) }
        unpaired += max(newX.count, newY.count, labels.count) - n
    }

    /// Classes above this are drawn as this class (keeps counts and colours bounded).
    static let maxClass = 9_999

    /// The number of classes shown: named ones and any that occur.
    var classCount: Int {
        max(classNames.count, (classes.max() ?? -1) + 1, background?.classCount ?? 0)
    }

    func className(_ index: Int) -> String {
        index < classNames.count && !classNames[index].isEmpty ? classNames[index] : "class \(index)"
    }
}

/// A grid of predictions over a rectangle of the plane, drawn behind scatter points.
/// Row 0 of the grid is at `yRange.lowerBound` (the bottom), column 0 at `xRange.lowerBound`.
public struct DecisionBackground: Sendable, Equatable {
    /// What each grid point holds.
    public enum Values: Sendable, Equatable {
        /// The predicted class of each grid point.
        case classes([[Int]])
        /// The probability of class 1 at each grid point (binary classification).
        case probabilities([[Double]])
    }

    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var values: Values

    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, classes: [[Int]]) {
        self.xRange = xRange
        self.yRange = yRange
        self.values = .classes(classes)
    }

    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, probabilities: [[Double]]) {
        self.xRange = xRange
        self.yRange = yRange
        self.values = .probabilities(probabilities)
    }

    var classCount: Int {
        switch values {
        case .classes(let grid): return min(grid.joined().max() ?? -1, ScatterPlot.maxClass) + 1
        case .probabilities: return 2
        }
    }

    /// The class at world point (x, y), or nil outside the grid or where the value is NaN.
    func classAt(x: Double, y: Double) -> Int? {
        let rows: Int
        switch values {
        case .classes(let grid): rows = grid.count
        case .probabilities(let grid): rows = grid.count
        }
        guard rows > 0, let row = Self.index(y, in: yRange, count: rows) else { return nil }
        switch values {
        case .classes(let grid):
            guard let column = Self.index(x, in: xRange, count: grid[row].count) else { return nil }
            return min(max(0, grid[row][column]), ScatterPlot.maxClass)
        case .probabilities(let grid):
            guard let column = Self.index(x, in: xRange, count: grid[row].count) else { return nil }
            let p = grid[row][column]
            guard p.isFinite else { return nil }
            return p >= 0.5 ? 1 : 0
        }
    }

    /// The grid cell along one axis holding `value`, or nil outside the range.
    static func index(_ value: Double, in range: ClosedRange<Double>, count: Int) -> Int? {
        guard count > 0, value.isFinite else { return nil }
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 0 }
        let f = (value - range.lowerBound) / span
        guard f >= 0, f <= 1 else { return nil }
        return min(count - 1, Int(f * Double(count)))
    }
}
