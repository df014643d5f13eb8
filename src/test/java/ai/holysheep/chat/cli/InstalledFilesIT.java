package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Needs;
import ai.holysheep.chat.tui.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files {@code mvn package} generates and {@code scripts/install} installs: run after
 * packaging (failsafe), against target/ exactly as a user's shell would load them.
 */
class InstalledFilesIT {
    static final Path TARGET = Path.of("target");
    static final Path BASH = TARGET.resolve("completions/holysheep-chat.bash");
    static final Path ZSH = TARGET.resolve("completions/_holysheep-chat");

    @TempDir
    Path tmp;

    record Ran(int exitCode, String stdout, String stderr) {
    }

    Ran run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        // Hermetic: a developer's own key, gateway, config or XDG directories never reach the child.
        pb.environment().keySet().removeIf(name -> name.startsWith("HOLYSHEEP_") || name.startsWith("XDG_"));
        pb.environment().putAll(env);
        Path out = tmp.resolve("out-" + System.nanoTime());
        Path err = tmp.resolve("err-" + System.nanoTime());
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + String.join(" ", command));
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Sources the script in bash and completes {@code words}, the last one being completed. */
    Ran complete(Map<String, String> env, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        String script = "source " + BASH.toAbsolutePath() + "\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + String.join(" ", words) + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_holysheep-chat\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(env, "bash", "-c", script);
    }

    @Test
    void theBashCompletionLoadsAndCompletesOptionsAndCommands() throws Exception {
        assertEquals(0, run(Map.of(), "bash", "-n", BASH.toString()).exitCode());
        Ran options = complete(Map.of(), "holysheep-chat", "--mo");
        assertEquals(0, options.exitCode(), options.stderr());
        assertEquals("--model\n", options.stdout());
        Ran commands = complete(Map.of(), "holysheep-chat", "doc");
        assertEquals("doctor\n", commands.stdout());
        Ran verbose = complete(Map.of(), "holysheep-chat", "models", "--verb");
        assertEquals("--verbose\n", verbose.stdout());
    }

    @Test
    void modelNamesCompleteFromTheConfiguredModels() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = bin.resolve("holysheep-chat");
        Files.writeString(launcher, "#!/bin/sh\nexec java -jar '" + TARGET.resolve("holysheep-chat.jar").toAbsolutePath()
                + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Path config = tmp.resolve("cfg/holysheep-chat/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "base_url = \"http://127.0.0.1:9/v1\"\nmodels = [\"qwen-local\", \"qwen-big\", \"other\"]\n");
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "XDG_CONFIG_HOME", tmp.resolve("cfg").toString(), "HOME", tmp.toString());
        Ran models = complete(env, "holysheep-chat", "-m", "qwen");
        assertEquals(0, models.exitCode(), models.stderr());
        assertEquals("qwen-local\nqwen-big\n", models.stdout());
    }

    @Test
    void theZshCompletionParses() throws Exception {
        Needs.that(onPath("zsh"), "zsh");
        Ran r = run(Map.of(), "zsh", "-n", ZSH.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.readString(ZSH).startsWith("#compdef holysheep-chat\n"));
    }

    /** Tab pressed in an interactive zsh, in a real terminal, with the completion on fpath as installed. */
    @Test
    void theZshCompletionCompletesOnTab() throws Exception {
        Needs.that(onPath("zsh"), "zsh");
        Needs.that(Tmux.available(), "tmux");
        Path functions = Files.createDirectories(tmp.resolve("zsh-functions"));
        Files.copy(ZSH, functions.resolve("_holysheep-chat"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = bin.resolve("holysheep-chat");
        Files.writeString(launcher, "#!/bin/sh\nexec java -jar '" + TARGET.resolve("holysheep-chat.jar").toAbsolutePath()
                + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Files.writeString(tmp.resolve(".zshrc"), "fpath=(" + functions + " $fpath)\n"
                + "autoload -Uz compinit && compinit -u -d " + tmp.resolve(".zcompdump") + "\n"
                + "PATH=" + bin + ":$PATH\nPROMPT='zsh> '\n");
        String zsh = "env -i PATH=" + System.getenv("PATH") + " ZDOTDIR=" + tmp + " HOME=" + tmp + " TERM=xterm-256color zsh -i";
        try (Tmux terminal = new Tmux(120, 20, zsh)) {
            // capture-pane drops trailing blanks, so a line never ends in a space here.
            terminal.await("the prompt", s -> s.contains("zsh>"));

            terminal.type("holysheep-chat --form");
            terminal.press("Tab");
            terminal.await("--format completed", s -> s.contains("zsh> holysheep-chat --format\n"));
            terminal.press("Tab");
            terminal.await("its values listed", s -> s.contains("json") && s.contains("text"));

            terminal.press("C-u");
            terminal.type("holysheep-chat conversations ");
            terminal.press("Tab");
            terminal.await("the subcommands listed",
                    s -> s.contains("delete") && s.contains("export") && s.contains("list") && s.contains("search"));
        }
    }

    @Test
    void theManPageRendersWithEveryOption() throws Exception {
        Needs.that(onPath("man"), "man (man-db)");
        Ran r = run(Map.of("MANWIDTH", "100", "MAN_KEEP_FORMATTING", "0"), "man", "-l",
                TARGET.resolve("man/holysheep-chat.1").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        String page = r.stdout().replaceAll(".\b", "");
        for (String expected : new String[] {"NAME", "SYNOPSIS", "OPTIONS", "--model", "--verbose", "--log-bodies",
                "doctor", "config", "Examples:"}) {
            assertTrue(page.contains(expected), expected + " in\n" + page);
        }
    }

    @Test
    void installUpgradeAndUninstallTouchExactlyTheManifestedFiles() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Ran first = run(Map.of(), "bash", "scripts/install", "--no-build", "--prefix", prefix.toString());
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(first.stdout().contains("fpath=(" + prefix.resolve("share/zsh/site-functions")), first.stdout());
        Path manifest = prefix.resolve("share/holysheep-chat/installed-files");
        List<String> files = Files.readAllLines(manifest);
        for (String expected : new String[] {"bin/holysheep-chat", "share/holysheep-chat/holysheep-chat.jar",
                "share/bash-completion/completions/holysheep-chat", "share/zsh/site-functions/_holysheep-chat",
                "share/man/man1/holysheep-chat.1"}) {
            assertTrue(files.contains(prefix.resolve(expected).toString()), expected + " in " + files);
            assertTrue(Files.exists(prefix.resolve(expected)), expected);
        }

        Ran version = run(Map.of(), prefix.resolve("bin/holysheep-chat").toString(), "--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().startsWith("holysheep-chat "), version.stdout());
        assertTrue(Files.readString(prefix.resolve("bin/holysheep-chat"))
                .contains(prefix.resolve("share/holysheep-chat/holysheep-chat.jar").toString()), "runs the installed copy");

        // A chat run makes the start-up archive beside the installed jar, as the checkout's launcher does.
        Map<String, String> user = Map.of("HOME", tmp.toString(), "XDG_CONFIG_HOME", tmp.resolve("cfg").toString(),
                "XDG_DATA_HOME", tmp.resolve("data").toString(), "XDG_STATE_HOME", tmp.resolve("state").toString());
        Ran chat = run(user, prefix.resolve("bin/holysheep-chat").toString(), "hello");
        assertEquals(0, chat.exitCode(), chat.stderr());
        assertTrue(chat.stdout().contains("simulated gateway"), chat.stdout());
        Path archive = prefix.resolve("share/holysheep-chat/holysheep-chat.jsa");
        // The run ends with its answer; the archive is dumped after it, in the background.
        assertTrue(LauncherArchive.awaitMade(archive, Duration.ofSeconds(60)), "archive made next to the installed jar");
        assertTrue(files.contains(archive.toString()), "the archive is in the manifest");
        Ran cached = run(user, prefix.resolve("bin/holysheep-chat").toString(), "hello");
        assertEquals(chat.stdout(), cached.stdout(), "same answer with the archive in use");

        Ran again = run(Map.of(), "bash", "scripts/install", "--no-build", "--prefix", prefix.toString());
        assertEquals(0, again.exitCode(), again.stderr());
        assertEquals(files, Files.readAllLines(manifest));

        Path unrelated = Files.writeString(prefix.resolve("bin/someone-elses-tool"), "keep me");
        Ran removed = run(Map.of(), "bash", "scripts/install", "--uninstall", "--prefix", prefix.toString());
        assertEquals(0, removed.exitCode(), removed.stderr());
        List<Path> left = new ArrayList<>();
        try (Stream<Path> all = Files.walk(prefix)) {
            all.filter(Files::isRegularFile).forEach(left::add);
        }
        assertEquals(List.of(unrelated), left);
        assertFalse(Files.exists(manifest));

        Ran nothing = run(Map.of(), "bash", "scripts/install", "--uninstall", "--prefix", prefix.toString());
        assertEquals(2, nothing.exitCode());
    }
}
