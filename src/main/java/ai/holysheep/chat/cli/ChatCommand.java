package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.attach.AttachException;
import ai.holysheep.chat.attach.Attachment;
import ai.holysheep.chat.attach.FileGatherer;
import ai.holysheep.chat.attach.MessageText;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.RequestLog;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.RequestDefaults;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.render.CodePrinter;
import ai.holysheep.chat.session.ChatSession;
import ai.holysheep.chat.session.ContextTooLongException;
import ai.holysheep.chat.session.ImagesNotTakenException;
import ai.holysheep.chat.stream.Scheduler;
import ai.holysheep.chat.tui.ExternalEditor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The chat itself, one-shot or full-screen, with every option but no subcommands. Most runs are
 * chats, and building picocli's models of the subcommands (about 0.2 s of reflection) is work
 * they never use; {@link RootCommand} adds the subcommands for the runs that name one.
 */
@Command(
        name = "holysheep-chat",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "A terminal chat for OpenAI-compatible AI gateways (HolySheep AI by default).",
            "With a PROMPT, or text piped into stdin, it asks once and streams the answer to stdout.",
            "With neither, on a terminal, it opens the full-screen chat (F1 there lists the keys)."
        },
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  holysheep-chat                           (in a terminal: interactive chat)",
            "  holysheep-chat \"explain a Unix pipe in one paragraph\"",
            "  holysheep-chat --model deepseek-v3.2 \"explain this error\"",
            "  git diff | holysheep-chat \"write a commit message\"",
            "  holysheep-chat --format json \"hi\" | jq -r 'select(.type==\"delta\").text'",
            "  holysheep-chat -p local \"hello\"          (a profile from the config file)",
            "  holysheep-chat -r shell \"undo my last commit\"   (a role: see holysheep-chat roles)",
            "  holysheep-chat -f src/Main.java -f screenshot.png \"why does this fail?\"",
            "  holysheep-chat -- models                  (a prompt that looks like a command)",
            "  holysheep-chat config init && holysheep-chat doctor",
            "",
            "Environment: HOLYSHEEP_API_KEY, HOLYSHEEP_BASE_URL, HOLYSHEEP_MODEL,",
            "  HOLYSHEEP_CONFIG, HOLYSHEEP_SERVER_TOKEN (a member token for rooms and join),",
            "  HOLYSHEEP_DEBUG (any value: a stack trace with an unexpected error),",
            "  NO_COLOR (any value: no colour), COLUMNS (width of rendered answers),",
            "  VISUAL / EDITOR (for /edit), HTTPS_PROXY / HTTP_PROXY / NO_PROXY,",
            "  XDG_CONFIG_HOME, XDG_DATA_HOME (history), XDG_STATE_HOME (logs),",
            "  XDG_CACHE_HOME.",
            "",
            "Exit status:",
            "  0    the answer was received",
            "  1    an unexpected error",
            "  2    usage or configuration error",
            "  3    authentication or permission refused (HTTP 401/403)",
            "  4    gave up on the network or the server",
            "  5    request rejected (unknown model, context too long, bad request…)",
            "  6    api_key_cmd did not finish within api_key_cmd_timeout",
            "  130  interrupted"
        })
public class ChatCommand implements Callable<Integer> {
    /** How one-shot output is written. */
    enum Format { text, json }

    private final Io io;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    HistoryOptions history = new HistoryOptions();

    @Mixin
    DiagnosticsOptions diagnostics = new DiagnosticsOptions();

    @Mixin
    RetryOptions retry = new RetryOptions();

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "System prompt for this request.")
    String system;

    @Option(names = {"-r", "--role"}, paramLabel = "NAME",
            description = "Answer in a role: its system prompt, and its model and temperature if it names them (see: holysheep-chat roles).")
    String role;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (0–2).")
    Double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens the answer may have.")
    Integer maxTokens;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "Attach a file (repeatable): text goes in a fenced block under its path, an image (png, jpeg, webp, gif) as an image. A directory gives its text files, minus what .gitignore and hidden directories leave out; a quoted glob is expanded; - is stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-e", "--editor"},
            description = "Write the message in $VISUAL or $EDITOR (else vi), starting from the prompt and piped stdin; an editor that fails or leaves it empty sends nothing.")
    boolean editor;

    @Option(names = "--no-stream", description = "Ask for the whole answer at once instead of streaming it.")
    boolean noStream;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (the answer alone) or json (one event per line). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--raw", description = "Write the answer's markdown as the model sent it, without rendering it (the default when stdout is not a terminal).")
    boolean raw;

    @Option(names = "--code", description = "Print only the code blocks of the answer, plain (for a file or a shell), once it has all arrived.")
    boolean code;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour: auto (on a terminal, unless NO_COLOR is set), always or never. Default: ${DEFAULT-VALUE}.")
    AnswerStyle.Choice color;

    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "What to ask. Piped stdin is added after a blank line.")
    List<String> prompt = new ArrayList<>();

    public ChatCommand(Io io) {
        this.io = io;
    }

    Io io() {
        return io;
    }

    Settings settings() {
        return new ConfigLoader(io.env(), io::warn).load(connection.overrides(system, temperature, maxTokens)
                .withRetry(retry.overrides()).withRole(role));
    }

    /** The --verbose log, disabled without it. */
    RequestLog requestLog() {
        return diagnostics.requestLog(io);
    }

    /** The gateway client every command should use: proxy and --verbose log included. */
    GatewayClient gateway(Settings settings) {
        return Gateways.client(settings, diagnostics.requestLog(io));
    }

    @Override
    public Integer call() throws Exception {
        // Before either chat starts: the full-screen chat sends them too.
        if (temperature != null && !RequestDefaults.validTemperature(temperature)) {
            throw new CliException(ExitCode.USAGE, "--temperature must be between 0 and 2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new CliException(ExitCode.USAGE, "--max-tokens must be at least 1");
        }
        if (code && format == Format.json) {
            throw new CliException(ExitCode.USAGE, "--code prints plain code; it cannot be used with --format json");
        }
        if (prompt.isEmpty() && io.stdinIsTerminal() && !editor && files.isEmpty()) {
            // Checked before lanterna starts: without a terminal on both ends it would wait about
            // ten seconds for size reports and then read keys from a pipe.
            if (!io.stdoutIsTerminal()) {
                throw new CliException(ExitCode.USAGE,
                        "the full-screen chat needs a terminal on stdout; to ask once give a prompt: holysheep-chat \"hello\" > answer.txt");
            }
            return InteractiveChat.run(settings(), io, history, diagnostics.requestLog(io));
        }
        Settings loaded = settings();
        List<Attachment> attached = attachments(loaded);
        boolean stdinRead = files.contains("-");
        String text = editor ? edited(Prompt.draft(prompt, io, stdinRead))
                : Prompt.compose(prompt, io, stdinRead, !attached.isEmpty());
        String message = MessageText.of(text, attached);
        try (GatewayChoice gateway = GatewayChoice.open(loaded, diagnostics.requestLog(io));
             ChatSession session = history.session(gateway.settings(), io)) {
            Settings settings = gateway.settings();
            if (gateway.simulated()) {
                io.error(GatewayChoice.SIMULATED_NOTICE);
            }
            session.windowsFrom(gateway.client()::modelInfo);
            ChatRequest request;
            try {
                request = session.beginTurn(message, MessageText.images(attached));
            } catch (ContextTooLongException e) {
                throw new CliException(ExitCode.REJECTED, e.getMessage());
            } catch (ImagesNotTakenException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage());
            }
            session.contextNote().ifPresent(io::error);
            TurnOutput output = format == Format.json
                    ? new JsonOutput(io, settings.price(request.model()))
                    : new TextOutput(io, () -> code ? codePrinter() : AnswerStyle.printer(io, raw, color),
                            AnswerStyle.colour(color, io.stderrIsTerminal(), io.env()));
            OneShot oneShot = new OneShot(gateway.client(), LoggedOutput.wrap(output, diagnostics.requestLog(io)),
                    session.recorder(), settings.retry(), Scheduler.system());
            return noStream ? oneShot.whole(request) : oneShot.stream(request);
        }
    }

    /** {@code -f}: the files, read before anything is asked; files passed over are warned of. */
    private List<Attachment> attachments(Settings settings) {
        if (files.isEmpty()) {
            return List.of();
        }
        if (files.contains("-") && io.stdinIsTerminal()) {
            throw new CliException(ExitCode.USAGE, "-f - attaches stdin, but stdin is a terminal: pipe the file in");
        }
        try {
            FileGatherer.Gathered gathered = new FileGatherer(Path.of(""), settings.attach().maxBytes())
                    .gather(files, io::in);
            gathered.skipped().forEach(io::warn);
            return gathered.files();
        } catch (AttachException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }

    private String edited(String draft) throws IOException, InterruptedException {
        ExternalEditor.Outcome outcome = ExternalEditor.from(io.env()).edit(draft);
        if (outcome instanceof ExternalEditor.Outcome.NothingToSend nothing) {
            throw new CliException(ExitCode.USAGE, nothing.reason() + "; nothing was sent");
        }
        return ((ExternalEditor.Outcome.Edited) outcome).text();
    }

    private CodePrinter codePrinter() {
        return new CodePrinter(io.out(), () -> io.warn("the answer held no code block, so --code printed nothing"
                + (history.noSave ? "" : " (holysheep-chat conversations show reads it)")));
    }
}
