package ai.holysheep.chat.bench;

import ai.holysheep.chat.Main;
import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.cli.Gateways;
import ai.holysheep.chat.cli.Io;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.Overrides;
import ai.holysheep.chat.config.Settings;
import ai.holysheep.chat.stream.EventChannel;
import ai.holysheep.chat.stream.StreamEvent;
import ai.holysheep.chat.stream.Turn;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Measurements taken inside this JVM once it is warm, so that neither JVM start-up nor JIT
 * warm-up hides what the client itself costs per request and per token.
 */
final class InProcess {
    private final String baseUrl;
    private final Path scratch;

    InProcess(String baseUrl, Path scratch) {
        this.baseUrl = baseUrl;
        this.scratch = scratch;
    }

    /**
     * Seconds from {@link Turn#start()} (the request is built, a new connection opened and the
     * request sent) to the first {@link StreamEvent.Delta} reaching the thread that shows it.
     * Every run builds its client as the one-shot command does, new, so that, like a new curl
     * process, it opens a new connection.
     */
    double firstDelta() throws InterruptedException, IOException {
        Settings settings = new ConfigLoader(env()).load(Overrides.NONE);
        GatewayClient client = Gateways.client(settings);
        try {
            ChatRequest request = new ChatRequest("gpt-4.1", List.of(ChatMessage.user("benchmark")), null, null);
            EventChannel channel = new EventChannel();
            long start = System.nanoTime();
            new Turn(client, request, channel, settings.retry()).start();
            long first = -1;
            while (true) {
                StreamEvent event = channel.take();
                if (first < 0 && event instanceof StreamEvent.Delta) {
                    first = System.nanoTime();
                }
                if (event.isTerminal()) {
                    if (!(event instanceof StreamEvent.Done)) {
                        throw new IOException("the stream ended with " + event);
                    }
                    break;
                }
            }
            if (first < 0) {
                throw new IOException("the stream carried no answer text");
            }
            return (first - start) / 1e9;
        } finally {
            client.close();
        }
    }

    private Map<String, String> env() {
        return Map.of("HOLYSHEEP_BASE_URL", baseUrl, "HOLYSHEEP_API_KEY", "bench",
                "HOLYSHEEP_CONFIG", scratch.resolve("no-config.toml").toString(),
                "XDG_DATA_HOME", scratch.resolve("data").toString());
    }

    /**
     * Seconds for the whole one-shot command ({@link Main#run}: options, config, request, stream,
     * output) with stdout going to /dev/null through the same kind of stream the process uses.
     */
    double oneShotToDevNull() throws IOException {
        try (PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream("/dev/null"), 1 << 16),
                false, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(new FileOutputStream("/dev/null"), true, StandardCharsets.UTF_8)) {
            Io io = new Io(new ByteArrayInputStream(new byte[0]), out, err, env(), false, false, false);
            long start = System.nanoTime();
            int status = Main.run(new String[] {"benchmark"}, io);
            out.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status != 0) {
                throw new IOException("one-shot exited with " + status);
            }
            return seconds;
        }
    }
}
