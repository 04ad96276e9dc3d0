import Foundation
import NeuriteEngine
import NeuritePlot

/// Trains jobs on worker threads while the calling thread draws them on the terminal: a progress
/// line per model, or the live dashboard (``LiveDashboard``) once training has lasted `after`
/// seconds. Frames are drawn at most every ``frameInterval``, and less often when drawing is slow
/// (at most a twentieth of the time goes to drawing), from snapshots, never on a training
/// thread, each as one write (``LiveRedraw``); the terminal's size is read before every frame, so
/// a resize re-lays the frame. The last frame stays on screen.
struct LiveTraining {
    enum Display {
        /// One progress line per model that has started.
        case progressLines
        /// The dashboard, once training has lasted this many seconds (progress lines until then).
        case dashboard(after: Double)
    }

    static let frameInterval = 0.1
    /// Seconds waited per second spent drawing: frames cost at most 1/20 of the time.
    static let pausePerDrawing = 19.0
    /// The longest wait between two frames, however slow drawing is.
    static let longestPause = 1.0

    let display: Display
    let monitor: TrainingMonitor
    let dashboard: LiveDashboard?
    let sink: any OutputSink
    /// The terminal's size now (columns, rows).
    let size: () -> (columns: Int, rows: Int)
    let canvas: CanvasKind
    let color: ColorMode

    /// Trains `jobs` with `workers` threads and returns each job's outcome in order.
    func run(_ jobs: [TrainingJob], workers: Int) -> [Result<TrainingRun, any Error>] {
        let work = BackgroundTraining(jobs: jobs, workers: workers)
        work.start()
        var redraw = LiveRedraw()
        var dashboardShown = false
        let clock = ContinuousClock()
        var nextFrame = clock.now + .seconds(Self.frameInterval)
        var drawnSize = size()
        // Wake every ``frameInterval`` to notice a resize at once; draw when a frame is due.
        while !work.wait(seconds: Self.frameInterval) {
            let now = clock.now
            guard now >= nextFrame || size() != drawnSize else { continue }
            monitor.requestSnapshots()
            drawnSize = size()
            dashboardShown = draw(&redraw, dashboardShown: dashboardShown)
            // Drawing takes a core from training: keep it to a twentieth of the time, up to a
            // frame a second.
            let pause = min(Self.longestPause, max(Self.frameInterval, (clock.now - now).seconds * Self.pausePerDrawing))
            nextFrame = clock.now + .seconds(pause)
        }
        _ = draw(&redraw, dashboardShown: dashboardShown)
        sink.writeProgress(redraw.finish())
        return work.results
    }

    /// Draws one frame; returns whether the dashboard is showing.
    private func draw(_ redraw: inout LiveRedraw, dashboardShown: Bool) -> Bool {
        let (columns, rows) = size()
        let progress = monitor.progress
        var showDashboard = dashboardShown
        if case .dashboard(let after) = display, dashboard != nil, monitor.elapsed >= after { showDashboard = true }
        let lines: [String]
        if showDashboard, let dashboard {
            lines = dashboard.frame(progress).lines(columns: columns, rows: rows, canvas: canvas, color: color)
        } else {
            lines = progress.filter(\.started).map { model in
                ProgressLine(
                    label: model.label, current: model.epoch, total: model.totalEpochs, losses: model.losses,
                    metrics: ProgressLine.trainingMetrics(accuracy: model.accuracy, validationLoss: model.validationLoss),
                    elapsed: model.seconds
                ).render(canvas: canvas, color: color, maxWidth: columns - 1)
            }
        }
        if !lines.isEmpty { sink.writeProgress(redraw.frame(lines, columns: columns, rows: rows)) }
        return showDashboard
    }
}

/// Training running on its own thread; the results are read after ``wait(seconds:)`` says it ended.
private final class BackgroundTraining: @unchecked Sendable {
    // The jobs' objects are touched by the training thread alone until `done` is signalled.
    private let jobs: [TrainingJob]
    private let workers: Int
    private let done = DispatchSemaphore(value: 0)
    private var finished = false
    private(set) var results: [Result<TrainingRun, any Error>] = []

    init(jobs: [TrainingJob], workers: Int) {
        self.jobs = jobs
        self.workers = workers
    }

    func start() {
        let thread = Thread { [self] in
            results = Trainer.train(jobs, workers: workers)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits up to `seconds`; true once training has ended (and from then on).
    func wait(seconds: Double) -> Bool {
        if finished { return true }
        finished = done.wait(timeout: .now() + seconds) == .success
        return finished
    }
}
