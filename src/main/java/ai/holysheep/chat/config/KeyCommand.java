package ai.holysheep.chat.config;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code api_key_cmd} (a password manager, usually) within a time limit. Its stdin is closed
 * so it cannot swallow a prompt piped into us; its stderr is the user's, so it can ask for a
 * passphrase. Neither its output nor the command line goes into an error message.
 *
 * <p>The limit holds whether or not the command writes anything: its output is read on a thread of
 * its own while this one waits on the clock. A command that runs out of time, or a client stopped
 * (SIGTERM, SIGINT) while it runs, ends the command's whole process tree, not just the shell.
 */
final class KeyCommand {
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
    /** Far more than any key: a command that prints without end is stopped here, not by memory. */
    private static final int MAX_OUTPUT = 64 * 1024;
    /** How long the tree has to end on SIGTERM (a pinentry restoring the terminal) before SIGKILL. */
    private static final Duration GRACE = Duration.ofMillis(500);
    /** How long a client being stopped waits for a command it is starting to have started. */
    private static final Duration STARTING = Duration.ofSeconds(1);

    private KeyCommand() {
    }

    static String run(String command, Duration limit) {
        // The hook is in place before the command starts, so a client stopped at any moment ends
        // it: the command can be running (and its children too) before start() has returned.
        CompletableFuture<Process> started = new CompletableFuture<>();
        AtomicBoolean clientStopping = new AtomicBoolean();
        Thread endWithUs = new Thread(() -> {
            clientStopping.set(true);
            try {
                endTree(started.get(STARTING.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException | TimeoutException neverStarted) {
                // Nothing to end.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "end-api-key-cmd");
        try {
            Runtime.getRuntime().addShutdownHook(endWithUs);
        } catch (IllegalStateException shuttingDown) {
            throw new ConfigException("stopped before api_key_cmd could run");
        }
        try {
            Process process;
            try {
                process = new ProcessBuilder("sh", "-c", command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
            } catch (IOException e) {
                started.completeExceptionally(e);
                throw new ConfigException("api_key_cmd could not be run: " + e.getMessage());
            }
            started.complete(process);
            return awaitKey(process, limit);
        } catch (ConfigException e) {
            // The command ended because the client is being stopped, not through a fault of its own.
            throw clientStopping.get() ? new ConfigException("stopped while api_key_cmd was running") : e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(endWithUs);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it ends the tree.
            }
        }
    }

    private static String awaitKey(Process process, Duration limit) {
        FutureTask<byte[]> output = new FutureTask<>(() -> readAtMost(process.getInputStream()));
        Thread reader = new Thread(output, "api-key-cmd-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] out;
        try {
            // The end of its output first: an output too long ends the wait at once.
            out = output.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut(process, limit);
            }
        } catch (TimeoutException e) {
            throw timedOut(process, limit);
        } catch (ExecutionException e) {
            endTree(process);
            throw new ConfigException("api_key_cmd's output could not be read: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endTree(process);
            throw new ConfigException("interrupted while running api_key_cmd");
        }
        if (process.exitValue() != 0) {
            throw new ConfigException("api_key_cmd failed with exit status " + process.exitValue());
        }
        String key = new String(out, StandardCharsets.UTF_8).strip();
        if (key.isEmpty()) {
            throw new ConfigException("api_key_cmd printed no key");
        }
        return key;
    }

    private static KeyCommandTimeout timedOut(Process process, Duration limit) {
        endTree(process);
        return new KeyCommandTimeout(limit);
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            if (buf.size() + n > MAX_OUTPUT) {
                throw new IOException("it printed more than " + MAX_OUTPUT / 1024 + " KiB, and a key is one line");
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    /**
     * Asks the shell and everything under it to stop, then kills what is left after a grace period.
     * The tree is listed first: once the shell is gone its children belong to init and can no
     * longer be found from it.
     */
    private static void endTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(CompletableFuture.allOf(exits), process.onExit())
                    .get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Not all gone in time: the rest is killed below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
