package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.KeyRoute;
import ai.holysheep.chat.config.Origin;
import ai.holysheep.chat.config.Overrides;
import ai.holysheep.chat.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code config init | path | show}: where the settings come from and what they add up to. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Create, locate and explain the configuration.",
        subcommands = {
            ConfigCommand.Init.class, ConfigCommand.PathCommand.class, ConfigCommand.Show.class,
            ConfigCommand.Models.class
        })
public final class ConfigCommand implements Callable<Integer> {
    static final String EXAMPLE = "/ai/holysheep/chat/config/config.example.toml";

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        return new Show().show(root);
    }

    Path location() {
        return new ConfigLoader(root.io().env()).locate(root.connection.config);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write a commented config file (readable by you alone) where it will be read from.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Option(names = "--force", description = "Replace an existing config file.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            Path target = parent.location().toAbsolutePath();
            if (Files.exists(target) && !force) {
                throw new CliException(ExitCode.USAGE,
                        "config " + target + " already exists; use --force to replace it");
            }
            byte[] example;
            try (InputStream in = ConfigCommand.class.getResourceAsStream(EXAMPLE)) {
                if (in == null) {
                    throw new IllegalStateException("the example config is missing from the program");
                }
                example = in.readAllBytes();
            }
            Files.createDirectories(target.getParent());
            // Written beside the target and moved into place, so a crash never leaves half a config,
            // and created with 0600 from the start, so the key it may soon hold is never exposed.
            Path temp = Files.createTempFile(target.getParent(), ".config", ".toml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temp, example);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new CliException(ExitCode.USAGE, "config " + target + " already exists");
            } finally {
                Files.deleteIfExists(temp);
            }
            PrintStream out = parent.root.io().out();
            out.println("Wrote " + target);
            out.println("Next: set your key with `export HOLYSHEEP_API_KEY=sk-...` or api_key_cmd in that file,");
            out.println("then check everything with `holysheep-chat doctor`.");
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = "Print the config file's path (--config, else $HOLYSHEEP_CONFIG, else the XDG location).")
    static final class PathCommand implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Override
        public Integer call() {
            Path path = parent.location();
            Io io = parent.root.io();
            io.out().println(path);
            io.out().flush();
            if (!Files.exists(path) && io.stderrIsTerminal()) {
                io.err().println("(it does not exist yet: `holysheep-chat config init` creates it)");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the effective settings and where each came from, and which key each gateway gets"
                    + " (its source only, never the key).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Override
        public Integer call() {
            return show(parent.root);
        }

        int show(RootCommand root) {
            // Sources are shown, never keys: no command needs running, no password manager unlocking.
            ConfigLoader loader = new ConfigLoader(root.io().env(), root.io()::warn).skippingKeyCommands();
            Overrides flags = root.connection.overrides(null, null, null);
            Settings s = loader.load(flags);
            PrintStream out = root.io().out();
            Path file = s.configFile();
            row(out, "config", file == null ? "(none; " + new ConfigLoader(root.io().env()).locate(root.connection.config)
                    + " does not exist)"
                    : file.toString(), null);
            if (s.profile() != null) {
                row(out, "profile", s.profile(), s.origins().get("profile"));
            }
            row(out, "base_url", s.baseUrl(), s.origins().get("base_url"));
            row(out, "model", s.model(), s.origins().get("model"));
            out.println(line("api_key", s.apiKeySource() == null ? "(none) for " + s.baseUrl()
                    : "from " + s.apiKeySource() + ", sent only to " + s.baseUrl(), null));
            String proxy = s.proxy().isDirect() ? "(direct)" : s.proxy().display();
            String proxySource = s.proxy().isDirect() ? null
                    : "config".equals(s.proxy().source()) ? "file" : "env " + s.proxy().source();
            out.println(line("proxy", proxy, proxySource));
            row(out, "models", String.join(", ", s.models()), null);
            keys(out, loader.keyRoutes(flags));
            out.flush();
            return ExitCode.OK;
        }

        /** Which key each gateway gets, when the file names more than one gateway (profiles). */
        private static void keys(PrintStream out, List<KeyRoute> routes) {
            if (routes.size() < 2) {
                return;
            }
            List<String> gateways = routes.stream()
                    .map(r -> r.profile() == null ? "no profile" : "profile " + TerminalText.oneLine(r.profile())).toList();
            List<String> urls = routes.stream().map(r -> TerminalText.oneLine(r.baseUrl())).toList();
            int gatewayWidth = gateways.stream().mapToInt(TerminalText::width).max().orElse(0);
            int urlWidth = urls.stream().mapToInt(TerminalText::width).max().orElse(0);
            for (int i = 0; i < routes.size(); i++) {
                String source = routes.get(i).keySource();
                out.println(String.format(Locale.ROOT, "%-9s %s  %s  %s", i == 0 ? "keys" : "",
                        TerminalText.padRight(gateways.get(i), gatewayWidth), TerminalText.padRight(urls.get(i), urlWidth),
                        source == null ? "no key" : "key from " + source).stripTrailing());
            }
        }

        private static void row(PrintStream out, String name, String value, Origin origin) {
            out.println(line(name, value, origin == null ? null : origin.label()));
        }

        private static String line(String name, String value, String source) {
            String text = String.format(Locale.ROOT, "%-9s %s", name, value);
            return source == null ? text : text + "  (" + source + ")";
        }
    }

    /** For shell completion of {@code --model}: configured model ids, one a line, no network. */
    @Command(name = "models", hidden = true, description = "Print the configured model ids, one a line.")
    static final class Models implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            Settings s = new ConfigLoader(root.io().env()).skippingKeyCommands()
                    .load(root.connection.overrides(null, null, null));
            for (String model : s.models()) {
                parent.root.io().out().println(model);
            }
            parent.root.io().out().flush();
            return ExitCode.OK;
        }
    }
}
