package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import org.junit.jupiter.api.Test;

/** The chat command's model built from the build-time list is the one picocli builds from the annotations. */
class ChatCommandSpecTest {
    private final Io io = new Io(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), false, false, false);

    private CommandSpec annotated(ChatCommand command) {
        return new CommandLine(command, new CommandFactory(io)).getCommandSpec();
    }

    private CommandSpec listed(ChatCommand command) {
        return new CommandLine(ChatCommandSpec.load(command).orElseThrow(), new CommandFactory(io)).getCommandSpec();
    }

    @Test
    void everyOptionAndParameterIsListedAsPicocliBuildsItFromTheAnnotations() {
        CommandSpec a = annotated(new ChatCommand(io));
        CommandSpec l = listed(new ChatCommand(io));

        assertEquals(a.name(), l.name());
        assertEquals(describeAll(a), describeAll(l));
        assertEquals(List.of(a.version()), List.of(l.version()));
    }

    @Test
    void bothModelsParseTheSameCommandLinesIntoTheSameValues() {
        List<String[]> lines = List.of(
                new String[] {"hello", "world"},
                new String[] {"-m", "deepseek-v3.2", "--temperature", "0.5", "--max-tokens", "99", "안녕하세요"},
                new String[] {"--format", "json", "--color", "never", "--raw", "--no-stream", "-s", "be brief", "hi"},
                new String[] {"-c", "--no-save", "--history-db", "/tmp/x.db", "--conversation", "12", "more"},
                new String[] {"--max-retries", "3", "--idle-timeout", "5s", "--connect-timeout", "2s", "--resume", "restart", "q"},
                new String[] {"-p", "local", "--base-url", "http://127.0.0.1:9/v1", "--config", "/tmp/c.toml", "--verbose",
                    "--log-bodies", "--", "--not-an-option"},
                new String[] {"--model=gpt-4.1", "-cs", "terse", "words"},
                new String[] {});
        for (String[] line : lines) {
            ChatCommand fromAnnotations = new ChatCommand(io);
            ChatCommand fromList = new ChatCommand(io);
            new CommandLine(fromAnnotations, new CommandFactory(io)).parseArgs(line);
            new CommandLine(ChatCommandSpec.load(fromList).orElseThrow(), new CommandFactory(io)).parseArgs(line);
            assertEquals(values(annotated(fromAnnotations)), values(annotated(fromList)), String.join(" ", line));
        }
    }

    @Test
    void mistakesAreReportedInTheSameWords() {
        List<String[]> lines = List.of(
                new String[] {"--modle", "x", "hi"},
                new String[] {"hi", "--model"},
                new String[] {"--format", "xml", "hi"},
                new String[] {"--temperature", "warm", "hi"},
                new String[] {"-x"});
        for (String[] line : lines) {
            String fromAnnotations = assertThrows(CommandLine.ParameterException.class,
                    () -> new CommandLine(new ChatCommand(io), new CommandFactory(io)).parseArgs(line)).getMessage();
            String fromList = assertThrows(CommandLine.ParameterException.class,
                    () -> new CommandLine(ChatCommandSpec.load(new ChatCommand(io)).orElseThrow(), new CommandFactory(io))
                            .parseArgs(line)).getMessage();
            assertEquals(fromAnnotations, fromList, String.join(" ", line));
        }
    }

    @Test
    void theCommandNamesAreTheAnnotatedSubcommandsAndTheirAliases() {
        Map<String, Boolean> annotatedNames = new LinkedHashMap<>();
        for (Class<?> type : RootCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = type.getAnnotation(Command.class);
            annotatedNames.put(command.name(), !command.hidden());
            for (String alias : command.aliases()) {
                annotatedNames.put(alias, !command.hidden());
            }
        }
        assertEquals(annotatedNames, RootCommand.commandNames());
    }

    /** Everything about each option and parameter that parsing depends on, in order. */
    private static List<String> describeAll(CommandSpec spec) {
        List<String> all = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            all.add(String.join(",", o.names()) + " " + common(o) + " usageHelp=" + o.usageHelp()
                    + " versionHelp=" + o.versionHelp() + " negatable=" + o.negatable());
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            all.add("index=" + p.index() + " " + common(p));
        }
        return all;
    }

    private static String common(ArgSpec arg) {
        return "type=" + arg.type().getName() + " aux=" + List.of(arg.auxiliaryTypes()) + " arity=" + arg.arity()
                + " label=" + arg.paramLabel() + " default=" + arg.defaultValue() + " required=" + arg.required()
                + " initial=" + arg.initialValue();
    }

    /** Each option's and parameter's value, read through the annotated model of the command parsed. */
    private static Map<String, Object> values(CommandSpec spec) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ArgSpec arg : spec.args()) {
            Object value = arg.getValue();
            values.put(arg.isOption() ? ((OptionSpec) arg).longestName() : "parameters", value);
        }
        return values;
    }
}
