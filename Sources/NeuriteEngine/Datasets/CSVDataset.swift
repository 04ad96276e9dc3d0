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

/// How to read a CSV file with a header row into a ``Dataset``.
public struct CSVOptions: Sendable, Equatable {
    /// The label column's name; nil means the last column.
    public var labelColumn: String?
    /// The feature columns' names, in the order wanted; nil means every column but the label, in file order.
    public var featureColumns: [String]?
    /// Classes or real targets.
    public var task: DatasetTask
    /// How class indices are assigned (classification only).
    public var classOrder: ClassOrder

    public init(
        labelColumn: String? = nil, featureColumns: [String]? = nil, task: DatasetTask = .classification,
        classOrder: ClassOrder = .sorted
    ) {
        self.labelColumn = labelColumn
        self.featureColumns = featureColumns
        self.task = task
        self.classOrder = classOrder
    }
}

extension Dataset {
    /// Reads a CSV file (see ``csv(text:source:options:)``); errors name the path as given.
    public static func csv(path: String, options: CSVOptions = CSVOptions()) throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.fileUnreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw DatasetError.fileUnreadable(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.fileUnreadable(path: path, reason: "permission denied or read error")
        }
        return try csv(text: String(decoding: data, as: UTF8.self), source: path, options: options)
    }

    /// Parses CSV text whose first record is a header of column names. Every feature field must be a
    /// finite number; the label column gives classes (named by their text) or, for `.regression`, numbers.
    /// Errors name `source`, the 1-based line and the column.
    public static func csv(text: String, source: String = "<csv>", options: CSVOptions = CSVOptions()) throws -> Dataset {
        let records = try CSVParser.records(text, source: source)
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
        let featureIndices = try options.featureColumns.map { try $0.map(column) }
            ?? names.indices.filter { $0 != labelIndex }
        guard !featureIndices.isEmpty else {
            throw DatasetError.invalidArgument(name: "feature columns", reason: "at least one is needed")
        }
        if featureIndices.contains(labelIndex) {
            throw DatasetError.invalidArgument(
                name: "feature columns", reason: "'\(names[labelIndex])' is the label column")
        }
        let rows = records.dropFirst()
        guard !rows.isEmpty else { throw DatasetError.noDataRows(source: source) }

        var features: [Double] = []
        features.reserveCapacity(rows.count * featureIndices.count)
        var labels: [String] = []
        labels.reserveCapacity(rows.count)
        for record in rows {
            guard record.fields.count == names.count else {
                throw DatasetError.fieldCount(
                    source: source, line: record.line, expected: names.count, got: record.fields.count)
            }
            for index in featureIndices {
                features.append(try number(record, index, names, source))
            }
            labels.append(record.fields[labelIndex])
        }
        let featureNames = featureIndices.map { names[$0] }

        switch options.task {
        case .regression:
            let targets = try rows.map { try number($0, labelIndex, names, source) }
            return DatasetBuilder.values(
                features: features, width: featureIndices.count, targets: targets, featureNames: featureNames)
        case .classification:
            if let blank = labels.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw DatasetError.emptyLabel(
                    source: source, line: rows[rows.startIndex + blank].line, column: names[labelIndex])
            }
            let classNames = orderedClasses(labels, options.classOrder)
            let indexOf = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
            return DatasetBuilder.classes(
                features: features, width: featureIndices.count, labels: labels.map { indexOf[$0] ?? 0 },
                classCount: classNames.count, classNames: classNames, featureNames: featureNames)
        }
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
