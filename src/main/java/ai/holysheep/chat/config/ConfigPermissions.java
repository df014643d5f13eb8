package ai.holysheep.chat.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Like ssh with a private key: a config file that holds an API key must be readable by its
 * owner alone. Only warned about, because refusing would break a working setup mid-task.
 */
final class ConfigPermissions {
    static final Set<PosixFilePermission> EXPOSING = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private ConfigPermissions() {
    }

    /** The warning to show for {@code path}, if others can read or change it. */
    static Optional<String> warning(Path path) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        if (perms.stream().noneMatch(EXPOSING::contains)) {
            return Optional.empty();
        }
        return Optional.of("config " + path + " holds an API key but is accessible by others; fix: chmod 600 " + path);
    }
}
