package ai.holysheep.chat.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates commands for picocli, handing the process's {@link Io} to those that take one. The
 * no-argument form exists for picocli's build-time generators (shell completions, man page),
 * which instantiate the factory by class name.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final Io io;

    public CommandFactory() {
        this(Io.system());
    }

    public CommandFactory(Io io) {
        this.io = io;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> withIo = type.getDeclaredConstructor(Io.class);
            return withIo.newInstance(io);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
