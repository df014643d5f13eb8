package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventChannelTest {
    @Test
    void textsThatArriveWhileTheConsumerIsBusyComeOutAsOneEvent() throws Exception {
        EventChannel channel = new EventChannel();
        channel.accept(new StreamEvent.Delta("안녕"));
        channel.accept(new StreamEvent.Delta("하세요"));
        channel.accept(new StreamEvent.Delta(", world"));

        assertEquals(new StreamEvent.Delta("안녕하세요, world"), channel.take());
        assertTrue(channel.isEmpty());
    }

    @Test
    void otherEventsKeepTheirPlaceBetweenTexts() throws Exception {
        EventChannel channel = new EventChannel();
        channel.accept(new StreamEvent.Reasoning("think"));
        channel.accept(new StreamEvent.Reasoning("ing"));
        channel.accept(new StreamEvent.Delta("a"));
        channel.accept(new StreamEvent.Delta("b"));
        StreamEvent.Resumed resumed = new StreamEvent.Resumed(2, 2, false);
        channel.accept(resumed);
        channel.accept(new StreamEvent.Delta("c"));
        channel.accept(new StreamEvent.Reasoning("more"));
        channel.accept(new StreamEvent.Delta("d"));
        StreamEvent.Done done = new StreamEvent.Done("stop");
        channel.accept(done);

        assertEquals(new StreamEvent.Reasoning("thinking"), channel.take());
        assertEquals(new StreamEvent.Delta("ab"), channel.take());
        assertSame(resumed, channel.take());
        assertEquals(new StreamEvent.Delta("c"), channel.take());
        assertEquals(new StreamEvent.Reasoning("more"), channel.take());
        assertEquals(new StreamEvent.Delta("d"), channel.take());
        assertSame(done, channel.take());
        assertTrue(channel.isEmpty());
    }

    @Test
    void aTextTakenAloneIsHandedOnAsItCame() throws Exception {
        EventChannel channel = new EventChannel();
        StreamEvent.Delta delta = new StreamEvent.Delta("x");
        channel.accept(delta);
        assertSame(delta, channel.take());

        // Once taken, the next text starts a new event rather than joining the one shown.
        channel.accept(new StreamEvent.Delta("y"));
        assertEquals(new StreamEvent.Delta("y"), channel.take());
    }

    @Test
    void aWaitingConsumerIsWokenByTheNextEvent() throws Exception {
        EventChannel channel = new EventChannel();
        CompletableFuture<StreamEvent> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return channel.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(taken.isDone());
        channel.accept(new StreamEvent.Delta("late"));
        assertEquals(new StreamEvent.Delta("late"), taken.get(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS));
    }

    /** Runs {@code consume} on a thread of its own and returns once that thread is blocked in it. */
    private static CompletableFuture<StreamEvent> blockedIn(Consume consume, Thread.State state) throws Exception {
        CompletableFuture<StreamEvent> result = new CompletableFuture<>();
        Thread consumer = new Thread(() -> {
            try {
                result.complete(consume.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "consumer");
        consumer.setDaemon(true);
        consumer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (consumer.getState() != state && !result.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the consumer never blocked: " + consumer.getState());
            }
            Thread.onSpinWait();
        }
        return result;
    }

    private interface Consume {
        StreamEvent run() throws InterruptedException;
    }

    @Test
    void aConsumerAlreadyAsleepInTakeIsWokenByTheNextEvent() throws Exception {
        EventChannel channel = new EventChannel();
        CompletableFuture<StreamEvent> taken = blockedIn(channel::take, Thread.State.WAITING);
        assertFalse(taken.isDone());
        channel.accept(new StreamEvent.Delta("늦게"));
        assertEquals(new StreamEvent.Delta("늦게"), taken.get(10, TimeUnit.SECONDS));
        assertTrue(channel.isEmpty());
    }

    @Test
    void pollGivesWhatIsWaitingAtOnceAndNullWhenNothingCameInTime() throws Exception {
        EventChannel channel = new EventChannel();
        assertNull(channel.poll(0));
        assertNull(channel.poll(TimeUnit.MILLISECONDS.toNanos(1)));
        channel.accept(new StreamEvent.Delta("a"));
        channel.accept(new StreamEvent.Delta("b"));
        assertFalse(channel.isEmpty());
        assertEquals(new StreamEvent.Delta("ab"), channel.poll(TimeUnit.SECONDS.toNanos(60)));
        assertTrue(channel.isEmpty());
    }

    @Test
    void aConsumerAsleepInPollIsWokenByTheNextEventLongBeforeItsTimeout() throws Exception {
        EventChannel channel = new EventChannel();
        CompletableFuture<StreamEvent> polled = blockedIn(() -> channel.poll(TimeUnit.MINUTES.toNanos(5)),
                Thread.State.TIMED_WAITING);
        StreamEvent done = new StreamEvent.Done("stop");
        channel.accept(done);
        assertSame(done, polled.get(10, TimeUnit.SECONDS));
    }
}
