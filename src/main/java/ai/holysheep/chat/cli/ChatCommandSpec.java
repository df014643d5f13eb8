package ai.holysheep.chat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The chat command's model for picocli, built at run time without reading a single annotation.
 * Reading them (the JDK's annotation parser, a proxy class generated per annotation type, all
 * interpreted at start-up) was about a third of what picocli cost a one-shot before its request
 * could be sent. The annotations stay the one definition: at build time {@link #main} writes the
 * options of the annotated model, as picocli builds it, to a list in the jar; a chat run builds
 * the same model from that list through picocli's programmatic API. Without the list (classes
 * run without the build step), the annotated model is used.
 */
public final class ChatCommandSpec {
    static final String LIST = "chat-command-spec.tsv";
    private static final String NONE = "\\N";

    private ChatCommandSpec() {
    }

    /** Build time: writes the list for the annotated {@link ChatCommand} to the file given. */
    public static void main(String[] args) throws IOException {
        Path list = Path.of(args[0]);
        Files.createDirectories(list.toAbsolutePath().getParent());
        CommandSpec annotated = new CommandLine(new ChatCommand(Io.system()), new CommandFactory()).getCommandSpec();
        Files.writeString(list, describe(annotated), StandardCharsets.UTF_8);
    }

    /**
     * The model for {@code command}, from the list made at build time; empty when there is no
     * list. Values parsed are set on {@code command}'s fields (and its mixins'), as picocli sets
     * them for the annotated model.
     */
    public static Optional<CommandSpec> load(ChatCommand command) {
        InputStream in = ChatCommandSpec.class.getResourceAsStream(LIST);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
            String line;
            while ((line = lines.readLine()) != null) {
                add(spec, command, line.split("\t", -1));
            }
            return Optional.of(spec);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("the chat command's model list is unreadable: " + e.getMessage(), e);
        }
    }

    /** One line per part: what it is, where its value goes, then what picocli needs to parse it. */
    static String describe(CommandSpec annotated) {
        StringBuilder out = new StringBuilder();
        row(out, "command", annotated.name(), annotated.versionProvider().getClass().getName());
        for (OptionSpec o : annotated.options()) {
            String kind = o.usageHelp() ? "usage-help" : o.versionHelp() ? "version-help" : "option";
            row(out, kind, kind.equals("option") ? pathOf(annotated, o) : NONE, String.join(",", o.names()),
                    o.type().getName(), auxiliary(o), arity(o), o.paramLabel(), valueOrNone(o.defaultValue()),
                    String.valueOf(o.required()), String.valueOf(o.negatable()));
        }
        for (PositionalParamSpec p : annotated.positionalParameters()) {
            row(out, "positional", pathOf(annotated, p), p.index().originalValue(), p.type().getName(), auxiliary(p),
                    arity(p), p.paramLabel(), valueOrNone(p.defaultValue()), String.valueOf(p.required()), "false");
        }
        return out.toString();
    }

    private static void add(CommandSpec spec, ChatCommand command, String[] f) throws ReflectiveOperationException {
        switch (f[0]) {
            case "command" -> {
                spec.name(f[1]);
                spec.versionProvider((IVersionProvider) Class.forName(f[2]).getDeclaredConstructor().newInstance());
            }
            case "usage-help", "version-help" -> {
                Slot flag = new Slot(null, null);
                flag.set(false);
                spec.addOption(OptionSpec.builder(f[2].split(",")).type(boolean.class).paramLabel(f[6])
                        .usageHelp(f[0].equals("usage-help")).versionHelp(f[0].equals("version-help"))
                        .setter(flag).getter(flag).initialValue(false).build());
            }
            case "option" -> {
                Slot slot = Slot.at(command, f[1]);
                OptionSpec.Builder b = OptionSpec.builder(f[2].split(","))
                        .type(type(f[3])).auxiliaryTypes(types(f[4])).paramLabel(f[6])
                        .required(Boolean.parseBoolean(f[8])).negatable(Boolean.parseBoolean(f[9]))
                        .setter(slot).getter(slot).initialValue(slot.get());
                if (!f[5].equals(NONE)) {
                    b.arity(f[5]);
                }
                if (!f[7].equals(NONE)) {
                    b.defaultValue(f[7]);
                }
                spec.addOption(b.build());
            }
            case "positional" -> {
                Slot slot = Slot.at(command, f[1]);
                PositionalParamSpec.Builder b = PositionalParamSpec.builder().index(f[2])
                        .type(type(f[3])).auxiliaryTypes(types(f[4])).paramLabel(f[6])
                        .required(Boolean.parseBoolean(f[8]))
                        .setter(slot).getter(slot).initialValue(slot.get());
                if (!f[5].equals(NONE)) {
                    b.arity(f[5]);
                }
                if (!f[7].equals(NONE)) {
                    b.defaultValue(f[7]);
                }
                spec.addPositional(b.build());
            }
            default -> throw new IllegalStateException("unknown line in the chat model list: " + f[0]);
        }
    }

    /** The field a value goes to, from the command: {@code name} or {@code mixin.name}. */
    private static String pathOf(CommandSpec annotated, ArgSpec arg) {
        Field field = (Field) arg.userObject();
        if (field.getDeclaringClass().isAssignableFrom(ChatCommand.class)) {
            return field.getName();
        }
        for (Map.Entry<String, CommandSpec> mixin : annotated.mixins().entrySet()) {
            if (mixin.getValue().args().contains(arg)) {
                return mixin.getKey() + "." + field.getName();
            }
        }
        throw new IllegalStateException("no field of the chat command holds " + arg);
    }

    private static String arity(ArgSpec arg) {
        return arg.arity().isUnspecified() ? NONE : arg.arity().originalValue();
    }

    private static String auxiliary(ArgSpec arg) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : arg.auxiliaryTypes()) {
            names.add(type.getName());
        }
        return String.join(",", names);
    }

    private static String valueOrNone(String value) {
        return value == null ? NONE : value;
    }

    private static void row(StringBuilder out, String... fields) {
        for (String field : fields) {
            if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0) {
                throw new IllegalStateException("cannot list a value with a tab or a line break: " + field);
            }
        }
        out.append(String.join("\t", fields)).append('\n');
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return switch (name) {
            case "boolean" -> boolean.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            default -> Class.forName(name);
        };
    }

    private static Class<?>[] types(String names) throws ClassNotFoundException {
        if (names.isEmpty()) {
            return new Class<?>[0];
        }
        String[] each = names.split(",");
        Class<?>[] types = new Class<?>[each.length];
        for (int i = 0; i < each.length; i++) {
            types[i] = type(each[i]);
        }
        return types;
    }

    /** Where one parsed value is kept: a field of the command or of one of its mixins. */
    private static final class Slot implements ISetter, IGetter {
        private final Object owner;
        private final Field field;
        private Object flag;

        private Slot(Object owner, Field field) {
            this.owner = owner;
            this.field = field;
        }

        static Slot at(ChatCommand command, String path) throws ReflectiveOperationException {
            Object owner = command;
            String[] names = path.split("\\.");
            for (int i = 0; i < names.length - 1; i++) {
                owner = accessible(owner.getClass(), names[i]).get(owner);
            }
            return new Slot(owner, accessible(owner.getClass(), names[names.length - 1]));
        }

        private static Field accessible(Class<?> type, String name) throws NoSuchFieldException {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    Field field = c.getDeclaredField(name);
                    field.setAccessible(true);
                    return field;
                } catch (NoSuchFieldException e) {
                    // declared further up
                }
            }
            throw new NoSuchFieldException(type.getName() + "." + name);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            try {
                return (T) (field == null ? flag : field.get(owner));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <T> T set(T value) {
            T previous = get();
            try {
                if (field == null) {
                    flag = value;
                } else {
                    field.set(owner, value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return previous;
        }
    }
}
