package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.Main;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimGatewayCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine command() {
        CommandLine cli = new CommandLine(new SimGatewayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    @Test
    void printsTheBaseUrlAndServesUntilInterrupted() throws Exception {
        CommandLine cli = command();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> exit.complete(cli.execute("--faults", "503@2", "--seed", "3", "--tokens-per-second", "0")));
        runner.start();

        String baseUrl = awaitLine();
        assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+/v1"), baseUrl);
        assertTrue(err.toString().contains("listening on " + baseUrl));
        assertTrue(err.toString().contains("503@2"));
        HttpResponse<String> models = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/models")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, models.statusCode());

        runner.interrupt();
        assertEquals(130, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aBadFaultSpecIsAUsageErrorWithOneClearLine() {
        int status = command().execute("--faults", "explode@1");

        assertEquals(2, status);
        assertTrue(err.toString().contains("unknown kind \"explode\""), err.toString());
        assertFalse(err.toString().contains("Exception"));
    }

    @Test
    void aNegativePaceIsAUsageError() {
        assertEquals(2, command().execute("--tokens-per-second", "-1"));
        assertTrue(err.toString().contains("tokens per second"), err.toString());
    }

    @Test
    void isASubcommandOfHolysheepChatAndReportsABusyPortInOneLine() throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Io io = new Io(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of(), false, false, false);
        try (SimGateway taken = SimGateway.start(SimOptions.defaults())) {
            int status = Main.run(new String[] {"sim-gateway", "--port", Integer.toString(taken.port())}, io);

            assertEquals(ExitCode.USAGE, status);
            String message = stderr.toString(StandardCharsets.UTF_8);
            assertTrue(message.startsWith("holysheep-chat: sim-gateway: cannot listen on 127.0.0.1:" + taken.port()), message);
            assertEquals(1, message.lines().count());
        }
    }

    /** Polls with a deadline: the command prints once its socket is listening. */
    private String awaitLine() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String printed = out.toString();
            if (printed.endsWith(System.lineSeparator())) {
                return printed.strip();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no base URL printed");
    }
}
