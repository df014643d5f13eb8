package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.session.TurnRecorder;
import ai.holysheep.chat.stream.EventChannel;
import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.Scheduler;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.time.Duration;

/** Asks once and shows the answer as it streams; returns the exit status. */
final class OneShot {
    /** How long Ctrl+C waits for the answer so far to be saved before the process ends. */
    private static final Duration SAVE_ON_EXIT = Duration.ofSeconds(5);

    private final GatewayClient client;
    private final TurnOutput output;
    private final TurnRecorder recorder;
    private final RetrySettings retry;
    private final Scheduler scheduler;

    OneShot(GatewayClient client, TurnOutput output, TurnRecorder recorder, RetrySettings retry, Scheduler scheduler) {
        this.client = client;
        this.output = output;
        this.recorder = recorder;
        this.retry = retry;
        this.scheduler = scheduler;
    }

    int stream(ChatRequest request) throws InterruptedException {
        EventChannel channel = new EventChannel();
        return run(new Turn(client, request, channel, retry, scheduler), channel);
    }

    /** {@code --no-stream}: the whole answer at once, retried exactly as a streamed one. */
    int whole(ChatRequest request) throws InterruptedException {
        EventChannel channel = new EventChannel();
        return run(Turn.unstreamed(client, request, channel, retry, scheduler), channel);
    }

    private int run(Turn turn, EventChannel channel) throws InterruptedException {
        turn.start();
        output.prepare();
        Thread cancelOnExit = new Thread(() -> cancelAndSave(turn), "cancel-turn");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        try {
            while (true) {
                StreamEvent event = channel.take();
                show(event);
                if (event.isTerminal()) {
                    output.flush();
                    return exitCode(event);
                }
                // Flush once per burst: whatever queued up while this event was shown goes out
                // in the same write. (Spinning for the next event instead costs a core that the
                // network thread needs on a small machine.)
                if (channel.isEmpty()) {
                    output.flush();
                }
            }
        } finally {
            removeHook(cancelOnExit);
        }
    }

    /** Shows the event, then records it: the user never waits for the disk. */
    private void show(StreamEvent event) {
        output.show(event);
        recorder.accept(event);
    }

    /**
     * Ctrl+C: stops the answer, then gives the showing thread a moment to save it as cancelled
     * (the process ends as soon as the shutdown hooks return).
     */
    private void cancelAndSave(Turn turn) {
        turn.cancel();
        try {
            recorder.awaitRecorded(SAVE_ON_EXIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int exitCode(StreamEvent terminal) {
        if (terminal instanceof StreamEvent.Failed f) {
            return exitCode(f);
        }
        if (terminal instanceof StreamEvent.GaveUp) {
            return ExitCode.UNAVAILABLE;
        }
        if (terminal instanceof StreamEvent.Cancelled) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.OK;
    }

    static int exitCode(StreamEvent.Failed failed) {
        FailureKind kind = failed.kind();
        return switch (kind) {
            case AUTH -> ExitCode.AUTH;
            case REJECTED -> ExitCode.REJECTED;
            case UNAVAILABLE, PROTOCOL -> ExitCode.UNAVAILABLE;
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // The JVM is shutting down (Ctrl+C): the hook is running and will cancel the turn.
        }
    }
}
