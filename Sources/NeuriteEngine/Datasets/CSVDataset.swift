import Foundation

/// What the label column of a CSV file becomes.
public enum DatasetTask: String, CaseIterable, Sendable {
    /// Each distinct label text is a class.
    case classification
    /// The label column holds numbers: one real target per row.
    case regression
}

/// The order in which distinct label texts become class indices 0, 1, ….
public enum ClassOrder: String, CaseIterable, Sendable {
    /// Sorted: numerically when every label is a number ("2" before "10"), otherwise by text
    /// (Unicode scalar order). Independent of the row order.
    case sorted
    /// In the order the labels first appear in the file.
    case firstAppearance = "first_appearance"
}

/// What to do with a missing value: an empty field, or in a numeric column `NA`, `N/A`, `NaN`, `nan`,
/// `null`, `NULL` or `?`.
public enum MissingValues: String, CaseIterable, Sendable {
    /// Refuse the file, naming the line and column (the default).
    case error
    /// Leave out every row with a missing value in a column that is used.
    case drop
    /// Replace a missing feature value with the mean of the column's present values (a missing label
    /// is still an error).
    case mean
}

/// How to read a CSV file with a header row into a ``Dataset``.
public struct CSVOptions: Sendable, Equatable {
    /// The label column's name; nil means the last column.
    public var labelColumn: String?
    /// The feature columns' names, in the order wanted; nil means every column but the label, in file order.
    public var featureColumns: [String]?
    /// Columns left out of the features (after ``featureColumns``); they are not read at all.
    public var droppedColumns: [String]
    /// Classes or real targets.
    public var task: DatasetTask
    /// How class indices are assigned (classification only).
    public var classOrder: ClassOrder
    /// The field delimiter (an ASCII character other than a quote or a line break); nil detects
    /// `,`, `;` or tab from the header line.
    public var delimiter: Character?
    /// What to do with missing values.
    public var missing: MissingValues

    public init(
        labelColumn: String? = nil, featureColumns: [String]? = nil, droppedColumns: [String] = [],
        task: DatasetTask = .classification, classOrder: ClassOrder = .sorted, delimiter: Character? = nil,
        missing: MissingValues = .error
    ) {
        self.labelColumn = labelColumn
        self.featureColumns = featureColumns
        self.droppedColumns = droppedColumns
        self.task = task
        self.classOrder = classOrder
        self.delimiter = delimiter
        self.missing = missing
    }
}

/// What reading a CSV file did, for display next to the data set.
public struct CSVReadReport: Sendable, Equatable {
    /// The delimiter used (given or detected).
    public var delimiter: Character
    /// The 1-based lines of the rows left out for missing values (`missing: drop`).
    public var droppedLines: [Int]
    /// How many values of each feature column were filled with the column mean (`missing: mean`).
    public var filledValues: [String: Int]
    /// For classification, the label text of each class index, in index order: `classNames[i]` is class i.
    public var classNames: [String]?
}

extension Dataset {
    /// Reads a CSV file (see ``csv(text:source:options:shouldStop:)``); errors name the path as given.
    public static func csv(path: String, options: CSVOptions = CSVOptions(), shouldStop: () -> Bool = { false }) throws -> Dataset {
        try readCSV(path: path, options: options, shouldStop: shouldStop).dataset
    }

    /// Parses CSV text whose first record is a header of column names. Every feature field must be a
    /// finite number; the label column gives classes (named by their text) or, for `.regression`, numbers.
    /// Errors name `source`, the 1-based line and the column. `shouldStop` is polled regularly (every
    /// 64 KiB and every 4096 rows); when it returns true reading ends with ``DatasetError/interrupted(source:)``.
    public static func csv(
        text: String, source: String = "<csv>", options: CSVOptions = CSVOptions(), shouldStop: () -> Bool = { false }
    ) throws -> Dataset {
        try readCSV(bytes: Array(text.utf8), source: source, options: options, shouldStop: shouldStop).dataset
    }

    /// ``csv(path:options:shouldStop:)`` with a report of what was done (delimiter, dropped rows,
    /// filled values, the class of each label text).
    public static func readCSV(
        path: String, options: CSVOptions = CSVOptions(), shouldStop: () -> Bool = { false }
    ) throws -> (dataset: Dataset, report: CSVReadReport) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.fileUnreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw DatasetError.fileUnreadable(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.fileUnreadable(path: path, reason: "permission denied or read error")
        }
        return try readCSV(bytes: [UInt8](data), source: path, options: options, shouldStop: shouldStop)
    }

    /// ``csv(text:source:options:shouldStop:)`` on the bytes of a file (invalid UTF-8 is an error naming
    /// the line and column), with a report.
    public static func readCSV(
        bytes: [UInt8], source: String = "<csv>", options: CSVOptions = CSVOptions(), shouldStop: () -> Bool = { false }
    ) throws -> (dataset: Dataset, report: CSVReadReport) {
        let delimiter = try delimiterByte(options.delimiter, bytes)
        let records = try CSVParser.records(bytes: bytes, source: source, delimiter: delimiter, shouldStop: shouldStop)
        guard let header = records.first else { throw DatasetError.emptyFile(source: source) }
        let names = header.fields
        guard names.count >= 2 else { throw DatasetError.tooFewColumns(source: source, count: names.count) }
        var firstPosition: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if let first = firstPosition[name] {
                throw DatasetError.repeatedColumn(source: source, name: name, first: first + 1, second: position + 1)
            }
            firstPosition[name] = position
        }
        func column(_ name: String) throws -> Int {
            if let index = names.firstIndex(of: name) { return index }
            throw DatasetError.unknownColumn(source: source, name: name, available: names)
        }
        let labelIndex = try options.labelColumn.map(column) ?? names.count - 1
        let dropped = try Set(options.droppedColumns.map(column))
        if dropped.contains(labelIndex) {
            throw DatasetError.invalidArgument(name: "dropped columns", reason: "'\(names[labelIndex])' is the label column")
        }
        let featureIndices = try (options.featureColumns.map { try $0.map(column) } ?? names.indices.filter { $0 != labelIndex })
            .filter { !dropped.contains($0) }
        guard !featureIndices.isEmpty else {
            throw DatasetError.invalidArgument(name: "feature columns", reason: "at least one is needed")
        }
        if featureIndices.contains(labelIndex) {
            throw DatasetError.invalidArgument(
                name: "feature columns", reason: "'\(names[labelIndex])' is the label column")
        }
        let allRows = records.dropFirst()
        guard !allRows.isEmpty else { throw DatasetError.noDataRows(source: source) }

        let width = featureIndices.count
        var features: [Double] = []
        features.reserveCapacity(allRows.count * width)
        var missingAt: [Int] = []  // flat indices into `features` of values to fill with a mean
        var labels: [String] = []
        labels.reserveCapacity(allRows.count)
        var labelLines: [Int] = []
        var targets: [Double] = []
        var droppedLines: [Int] = []
        for (count, record) in allRows.enumerated() {
            if count % 4096 == 4095, shouldStop() { throw DatasetError.interrupted(source: source) }
            guard record.fields.count == names.count else {
                throw DatasetError.fieldCount(
                    source: source, line: record.line, expected: names.count, got: record.fields.count)
            }
            if options.missing == .drop, rowHasMissing(record, featureIndices, labelIndex, options.task) {
                droppedLines.append(record.line)
                continue
            }
            for index in featureIndices {
                if options.missing == .mean, isMissingNumber(record.fields[index]) {
                    missingAt.append(features.count)
                    features.append(0)
                } else {
                    features.append(try number(record, index, names, source))
                }
            }
            switch options.task {
            case .regression: targets.append(try number(record, labelIndex, names, source))
            case .classification: labels.append(record.fields[labelIndex]); labelLines.append(record.line)
            }
        }
        let rowCount = options.task == .regression ? targets.count : labels.count
        guard rowCount > 0 else { throw DatasetError.noCompleteRows(source: source, dropped: droppedLines.count) }
        let featureNames = featureIndices.map { names[$0] }
        let filled = try fillWithMeans(&features, missingAt, width: width, names: featureNames, source: source)
        var report = CSVReadReport(
            delimiter: Character(Unicode.Scalar(delimiter)), droppedLines: droppedLines, filledValues: filled, classNames: nil)

        switch options.task {
        case .regression:
            let dataset = DatasetBuilder.values(features: features, width: width, targets: targets, featureNames: featureNames)
            return (dataset, report)
        case .classification:
            if let blank = labels.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw DatasetError.emptyLabel(source: source, line: labelLines[blank], column: names[labelIndex])
            }
            let classNames = orderedClasses(labels, options.classOrder)
            let indexOf = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
            report.classNames = classNames
            let dataset = DatasetBuilder.classes(
                features: features, width: width, labels: labels.map { indexOf[$0] ?? 0 },
                classCount: classNames.count, classNames: classNames, featureNames: featureNames)
            return (dataset, report)
        }
    }

    /// The delimiter byte: the option's (checked) or the detected one.
    private static func delimiterByte(_ option: Character?, _ bytes: [UInt8]) throws -> UInt8 {
        guard let option else { return CSVParser.detectDelimiter(bytes) }
        guard let ascii = option.asciiValue, option != "\"", !option.isNewline, ascii != 0 else {
            throw DatasetError.invalidArgument(
                name: "delimiter", reason: "'\(option)' cannot separate fields (use an ASCII character other than a quote or a line break)")
        }
        return ascii
    }

    /// The texts that count as a missing number (besides an empty or blank field).
    static let missingMarkers: Set<String> = ["NA", "N/A", "NaN", "nan", "null", "NULL", "?"]

    static func isMissingNumber(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace) || missingMarkers.contains(text)
    }

    private static func rowHasMissing(_ record: CSVRecord, _ features: [Int], _ label: Int, _ task: DatasetTask) -> Bool {
        if features.contains(where: { isMissingNumber(record.fields[$0]) }) { return true }
        let labelText = record.fields[label]
        return task == .regression ? isMissingNumber(labelText) : labelText.allSatisfy(\.isWhitespace)
    }

    /// Fills `features[missingAt]` with the mean of the present values of their column.
    private static func fillWithMeans(
        _ features: inout [Double], _ missingAt: [Int], width: Int, names: [String], source: String
    ) throws -> [String: Int] {
        guard !missingAt.isEmpty else { return [:] }
        let rows = features.count / width
        var isMissing = [Bool](repeating: false, count: features.count)
        for index in missingAt { isMissing[index] = true }
        var filled: [String: Int] = [:]
        for column in 0..<width {
            var sum = 0.0, present = 0, absent = 0
            for row in 0..<rows {
                let index = row * width + column
                if isMissing[index] { absent += 1 } else { sum += features[index]; present += 1 }
            }
            guard absent > 0 else { continue }
            guard present > 0 else { throw DatasetError.noValuesForMean(source: source, column: names[column]) }
            let mean = sum / Double(present)
            for row in 0..<rows where isMissing[row * width + column] { features[row * width + column] = mean }
            filled[names[column]] = absent
        }
        return filled
    }

    private static func number(_ record: CSVRecord, _ index: Int, _ names: [String], _ source: String) throws -> Double {
        let text = record.fields[index]
        guard let value = Double(text), value.isFinite else {
            throw DatasetError.notANumber(source: source, line: record.line, column: names[index], value: text)
        }
        return value
    }

    /// The distinct labels in the chosen order.
    static func orderedClasses(_ labels: [String], _ order: ClassOrder) -> [String] {
        var seen = Set<String>()
        let distinct = labels.filter { seen.insert($0).inserted }
        switch order {
        case .firstAppearance:
            return distinct
        case .sorted:
            func textBefore(_ a: String, _ b: String) -> Bool {
                a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            }
            let numbers = distinct.compactMap { Double($0) }
            guard numbers.count == distinct.count, numbers.allSatisfy(\.isFinite) else {
                return distinct.sorted(by: textBefore)
            }
            return zip(distinct, numbers)
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : textBefore($0.0, $1.0) }
                .map(\.0)
        }
    }
}
