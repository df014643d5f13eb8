package ai.holysheep.chat.cli;

/** The process's exit statuses; documented in --help and the README. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int UNAVAILABLE = 4;
    public static final int REJECTED = 5;
    /** {@code api_key_cmd} ran out of its time limit (a password manager waiting for a passphrase, say). */
    public static final int KEY_COMMAND_TIMEOUT = 6;
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
