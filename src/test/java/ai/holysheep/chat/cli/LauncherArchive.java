package ai.holysheep.chat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The launcher's start-up archive, which a chat run has dumped in the background after it ends. */
public final class LauncherArchive {
    private LauncherArchive() {
    }

    /**
     * Waits until ARCHIVE exists and the lock beside it (held while it is being made) is gone,
     * watching the directory rather than polling it; false if that has not happened by TIMEOUT.
     */
    public static boolean awaitMade(Path archive, Duration timeout) throws IOException, InterruptedException {
        Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = archive.getFileSystem().newWatchService()) {
            archive.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            while (!(Files.exists(archive) && !Files.exists(lock))) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    return Files.exists(archive) && !Files.exists(lock);
                }
                key.pollEvents();
                key.reset();
            }
            return true;
        }
    }
}
