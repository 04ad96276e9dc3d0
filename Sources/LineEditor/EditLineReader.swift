import CEditLine
import Glibc

/// Settings of an interactive ``EditLineReader``.
public struct EditLineConfiguration: Sendable {
    /// Name libedit uses for `~/.editrc` sections.
    public var programName: String
    public var primaryPrompt: String
    public var continuationPrompt: String
    /// Entries kept in memory (and in the history file).
    public var historyCapacity: Int

    public init(
        programName: String, primaryPrompt: String, continuationPrompt: String,
        historyCapacity: Int = 1000
    ) {
        self.programName = programName
        self.primaryPrompt = primaryPrompt
        self.continuationPrompt = continuationPrompt
        self.historyCapacity = historyCapacity
    }
}

/// Interactive line editing on a terminal through libedit's native API: emacs key bindings,
/// Up/Down through the history, Ctrl-R incremental history search, Tab completion through a
/// callback, and a history file saved after every entry.
///
/// Ctrl-C at the prompt reports ``LineInput/interrupted`` only if the process has a SIGINT handler
/// installed without SA_RESTART (``Terminal/installInterruptHandler(_:)``).
/// Call ``Terminal/useUTF8Locale()`` before creating a reader, or non-ASCII input is dropped.
/// Creating a reader installs a SIGCONT handler, so that after Ctrl-Z and `fg` the prompt is
/// redrawn with the line typed so far.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    /// Where libedit draws: standard output, or standard error when only that is a terminal.
    private let editorDescriptor: Int32
    private let history: OpaquePointer
    private let primaryPrompt: UnsafeMutablePointer<CChar>
    private let continuationPrompt: UnsafeMutablePointer<CChar>
    private var prompt = PromptKind.primary
    private let historyFile: HistoryFile?
    private var unsavedEntries: [String] = []
    private let complete: (String) -> CompletionResult
    private let reportError: (String) -> Void
    private var reportedSaveError = false
    private let historyCapacity: Int
    public private(set) var historyEntries: [String] = []

    /// - Parameters:
    ///   - historyFile: where the history persists; nil keeps it in memory.
    ///   - complete: given the text before the cursor, the word to complete and its candidates.
    ///   - reportError: how to tell the user the history file could not be read or written
    ///     (reported once; editing goes on).
    /// Returns nil if libedit cannot be initialised (no usable terminal).
    public init?(
        configuration: EditLineConfiguration, historyFile: HistoryFile?,
        complete: @escaping (String) -> CompletionResult,
        reportError: @escaping (String) -> Void
    ) {
        // The prompt callback must return C strings that outlive it: copied once, freed in deinit.
        let primaryPrompt: UnsafeMutablePointer<CChar>? = strdup(configuration.primaryPrompt)
        let continuationPrompt: UnsafeMutablePointer<CChar>? = strdup(configuration.continuationPrompt)
        guard let primaryPrompt, let continuationPrompt, let history = history_init() else {
            free(primaryPrompt)
            free(continuationPrompt)
            return nil
        }
        // With standard output redirected but standard error on the terminal, libedit would
        // fall back to plain reading without a prompt or keys: edit on standard error instead.
        let editsOnStandardError = !Terminal.isTerminal(STDOUT_FILENO) && Terminal.isTerminal(STDERR_FILENO)
        let initialised = editsOnStandardError
            ? neurite_el_init_std_editing_on_stderr(configuration.programName)
            : neurite_el_init_std(configuration.programName)
        guard let editLine = initialised else {
            history_end(history)
            free(primaryPrompt)
            free(continuationPrompt)
            return nil
        }
        self.editLine = editLine
        self.editorDescriptor = editsOnStandardError ? STDERR_FILENO : STDOUT_FILENO
        self.history = history
        self.primaryPrompt = primaryPrompt
        self.continuationPrompt = continuationPrompt
        self.historyFile = historyFile
        self.complete = complete
        self.reportError = reportError
        self.historyCapacity = max(1, configuration.historyCapacity)

        neurite_history_set_size(history, Int32(clamping: configuration.historyCapacity))
        neurite_history_set_unique(history, 1)
        neurite_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        neurite_el_set_editor(editLine, "emacs")
        neurite_el_set_signal(editLine, 0)
        neurite_el_set_history(editLine, history)
        neurite_el_set_prompt(editLine) { editLine in
            guard let editLine, let reader = EditLineReader.from(editLine) else { return nil }
            return reader.prompt == .primary ? reader.primaryPrompt : reader.continuationPrompt
        }
        neurite_el_add_function(
            editLine, "neurite-complete", "Complete the word before the cursor"
        ) { editLine, _ in
            guard let editLine, let reader = EditLineReader.from(editLine) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor()
        }
        neurite_el_bind(editLine, "^I", "neurite-complete")
        neurite_el_bind(editLine, "^R", "em-inc-search-prev")
        ResumeSignal.install()

        if let historyFile {
            do {
                for entry in try historyFile.load() { addToMemory(entry) }
            } catch {
                reportOnce("\(error)")
            }
        }
    }

    deinit {
        saveHistory()
        el_end(editLine)
        history_end(history)
        free(primaryPrompt)
        free(continuationPrompt)
    }

    private static func from(_ editLine: OpaquePointer) -> EditLineReader? {
        guard let data = neurite_el_client_data(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    public func readLine(_ prompt: PromptKind) -> LineInput {
        self.prompt = prompt
        while true {
            el_resize(editLine)
            var count: Int32 = 0
            errno = 0
            if let line = el_gets(editLine, &count) {
                var text = String(cString: line)
                if text.hasSuffix("\n") { text.removeLast() }
                return .line(text)
            }
            guard count < 0 || errno == EINTR else {
                writeToTerminal("\n")
                return .endOfInput
            }
            if ResumeSignal.consume() {
                // Back from Ctrl-Z: reset libedit (it re-reads the terminal settings) and redraw the
                // prompt with what had been typed.
                let typed = textBeforeCursor(upToEnd: true)
                writeToTerminal("\n")
                el_reset(editLine)
                if !typed.isEmpty, !typed.contains("\n") { el_push(editLine, typed) }
                continue
            }
            writeToTerminal("^C\n")
            el_reset(editLine)
            return .interrupted
        }
    }

    /// Adds `entry` to the history and saves it; an entry longer than the history file's
    /// `maximumEntryBytes` (64 KiB without a file) is not kept at all.
    public func recordHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace), entry != historyEntries.last else { return }
        let maximumBytes = historyFile?.maximumEntryBytes ?? HistoryFile.defaultMaximumEntryBytes
        guard entry.utf8.count <= maximumBytes else { return }
        addToMemory(entry)
        unsavedEntries.append(entry)
        // While saving fails (another session holds the lock, say), keep only what the file would.
        if unsavedEntries.count > historyCapacity { unsavedEntries.removeFirst() }
        saveHistory()
    }

    /// Writes the entries not yet saved to the history file (merging with other sessions).
    public func saveHistory() {
        guard let historyFile, !unsavedEntries.isEmpty else { return }
        do {
            try historyFile.append(unsavedEntries)
            unsavedEntries.removeAll()
        } catch {
            reportOnce("\(error)")
        }
    }

    private func addToMemory(_ entry: String) {
        neurite_history_enter(history, entry)
        historyEntries.append(entry)
        if historyEntries.count > historyCapacity { historyEntries.removeFirst() }
    }

    private func reportOnce(_ message: String) {
        guard !reportedSaveError else { return }
        reportedSaveError = true
        reportError(message)
    }

    private func completeAtCursor() -> UInt8 {
        switch CompletionAction.decide(complete(textBeforeCursor(upToEnd: false))) {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .insert(let text):
            return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let words):
            let width = Terminal.size(of: editorDescriptor)?.columns ?? 80
            writeToTerminal("\n" + ColumnList.format(words, width: width))
            return UInt8(CC_REDISPLAY)
        }
    }

    /// The line being edited, up to the cursor (or to its end).
    private func textBeforeCursor(upToEnd: Bool) -> String {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer,
              let end = upToEnd ? info.lastchar : info.cursor
        else { return "" }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: max(0, end - buffer))
        return String(decoding: bytes, as: UTF8.self)
    }

    private func writeToTerminal(_ text: String) {
        let out = editorDescriptor == STDERR_FILENO ? neurite_stderr() : neurite_stdout()
        fputs(text, out)
        fflush(out)
    }
}
