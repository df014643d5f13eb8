package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
