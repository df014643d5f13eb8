package ai.holysheep.chat.cli;

import ai.holysheep.chat.sim.FaultPlan;
import ai.holysheep.chat.sim.SimGateway;
import ai.holysheep.chat.sim.SimOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code holysheep-chat sim-gateway}: runs the simulated gateway on its own, for benchmarks with
 * other clients ({@code curl -N}) and for trying fault specs by hand. The base URL goes to stdout
 * alone so scripts can capture it; the human-readable line goes to stderr.
 */
@Command(name = "sim-gateway", mixinStandardHelpOptions = true,
    description = "Serve the built-in simulated OpenAI-compatible gateway on 127.0.0.1 until interrupted.")
public final class SimGatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: any free port).")
    int port;

    @Option(names = "--faults", paramLabel = "SPEC", converter = FaultSpecConverter.class,
        description = "Faults to inject, e.g. drop@1:bytes=300,503@2,429@3:retry-after=1 or drop:0.2,stall:0.05.")
    FaultPlan faults = FaultPlan.none();

    @Option(names = "--seed", paramLabel = "N", description = "Seed for answer wording and fault choices (default: 0).")
    long seed;

    @Option(names = "--tokens-per-second", paramLabel = "N",
        description = "Streaming pace; 0 streams at full speed (default: ${DEFAULT-VALUE}).")
    double tokensPerSecond = SimOptions.HUMAN_TOKENS_PER_SECOND;

    @Option(names = "--answer-tokens", paramLabel = "N",
        description = "Length of every answer in tokens; 0 keeps its natural length (default: 0).")
    int answerTokens;

    /** Never opened: serving ends only by interruption or JVM shutdown. */
    private final CountDownLatch untilInterrupted = new CountDownLatch(1);

    @Override
    public Integer call() {
        SimOptions options;
        try {
            options = SimOptions.defaults().withPort(port).withFaults(faults).withSeed(seed)
                .withTokensPerSecond(tokensPerSecond).withAnswerTokens(answerTokens);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SimGateway gateway;
        try {
            gateway = SimGateway.start(options);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "sim-gateway: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        // Ctrl-C runs shutdown hooks rather than interrupting this thread; both paths close the gateway.
        Thread hook = new Thread(gateway::close, "sim-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (gateway) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Simulated gateway listening on " + gateway.baseUrl()
                + (faults.isEmpty() ? "" : " with faults " + faults) + " (Ctrl-C to stop)");
            err.flush();
            spec.commandLine().getOut().println(gateway.baseUrl());
            spec.commandLine().getOut().flush();
            untilInterrupted.await();
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        } finally {
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and the hook is closing the gateway; nothing left to undo.
        }
    }

    /** Turns {@code --faults} into a plan, so a bad spec is reported like any bad option value. */
    static final class FaultSpecConverter implements CommandLine.ITypeConverter<FaultPlan> {
        @Override
        public FaultPlan convert(String value) {
            try {
                return FaultPlan.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
