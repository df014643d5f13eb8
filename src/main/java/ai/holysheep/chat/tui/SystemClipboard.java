package ai.holysheep.chat.tui;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Copies with the desktop's own tool when there is one (wl-copy, xclip, pbcopy); otherwise asks
 * the terminal to do it with OSC 52, which also works over ssh in terminals that allow it.
 */
final class SystemClipboard implements Clipboard {
    private final ChatTerminal terminal;
    private final Map<String, String> env;

    SystemClipboard(ChatTerminal terminal, Map<String, String> env) {
        this.terminal = terminal;
        this.env = env;
    }

    @Override
    public String copy(String text) throws IOException {
        for (List<String> tool : tools()) {
            if (onPath(tool.get(0)) && pipe(tool, text)) {
                return tool.get(0);
            }
        }
        terminal.raw("\u001b]52;c;" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\u0007");
        return "OSC 52 (if the terminal allows it)";
    }

    private List<List<String>> tools() {
        List<List<String>> tools = new ArrayList<>();
        if (env.containsKey("WAYLAND_DISPLAY")) {
            tools.add(List.of("wl-copy"));
        }
        if (env.containsKey("DISPLAY")) {
            tools.add(List.of("xclip", "-selection", "clipboard"));
        }
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac")) {
            tools.add(List.of("pbcopy"));
        }
        return tools;
    }

    private boolean onPath(String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static boolean pipe(List<String> command, String text) {
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
