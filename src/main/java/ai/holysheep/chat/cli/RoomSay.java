package ai.holysheep.chat.cli;

import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.rooms.Message;
import ai.holysheep.chat.rooms.Room;
import ai.holysheep.chat.rooms.RoomConnection;
import ai.holysheep.chat.rooms.RoomFrame;
import ai.holysheep.chat.rooms.RoomsClient;
import ai.holysheep.chat.rooms.RoomsException;
import ai.holysheep.chat.stream.FailureKind;
import ai.holysheep.chat.stream.Scheduler;
import ai.holysheep.chat.stream.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code rooms say}: posts one message and ends once it is known posted (its echo came back).
 * With {@code --wait} it then shows the model's answer as one-shot shows one, retries on stderr
 * included, and ends with one-shot's exit status.
 *
 * <p>The relay numbers an addressed message and its answer together, so the answer is the
 * message right after it; and it sends the answer before anything it sends later, so a second
 * echo, asked for once the first came, says by arriving first that no model was asked.
 */
final class RoomSay {
    private final RoomsClient client;
    private final RetrySettings retry;
    private final Scheduler scheduler;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    RoomSay(RoomsClient client, RetrySettings retry, Scheduler scheduler) {
        this.client = client;
        this.retry = retry;
        this.scheduler = scheduler;
    }

    /**
     * @param model  the model {@code @ai} asks, or null for the relay's default
     * @param answer where the answer goes; null to end once the message is posted
     */
    int run(String room, String text, String model, Io io, TurnOutput answer) throws InterruptedException {
        Room known = client.room(room);
        RetryNotice notice = new RetryNotice(io);
        try (RoomConnection connection = new RoomConnection(client, room, known.lastSeq(), retry, scheduler,
                new SplittableRandom(), new RoomConnection.Listener() {
                    @Override
                    public void frame(RoomFrame frame) {
                        events.add(frame);
                    }

                    @Override
                    public void state(RoomConnection.State state) {
                        events.add(state);
                    }
                })) {
            connection.start();
            String id = connection.say(text, model);
            Waiting waiting = new Waiting(id, answer);
            while (true) {
                Object next = events.take();
                if (next instanceof RoomConnection.State.Reconnecting r) {
                    StreamEvent.Retrying retrying = new StreamEvent.Retrying(r.attempt(), r.max(), r.delay(),
                            "lost the relay: " + r.reason());
                    if (answer == null) {
                        notice.retrying(retrying);
                    } else {
                        answer.show(retrying);
                    }
                }
                for (StreamEvent shown : waiting.on(next)) {
                    if (shown.isTerminal()) {
                        notice.clear();
                        if (answer != null) {
                            answer.show(shown);
                            answer.flush();
                        } else if (shown instanceof StreamEvent.Failed f) {
                            io.error(f.message());
                        }
                        return OneShot.exitCode(shown);
                    }
                    answer.show(shown);
                }
                if (waiting.wantsMarker()) {
                    connection.echoAgain(id, text, model);
                }
                if (answer != null && events.isEmpty()) {
                    answer.flush();
                }
            }
        }
    }

    /** Where one message and its answer stand, fed every frame and state in order. */
    private static final class Waiting {
        private final String id;
        private final boolean wantsAnswer;
        private long asked = -1;
        private long answer = -1;
        private int printed;
        /** Between a connection's {@code live} and its loss: frames now are not replays. */
        private boolean live;
        /** The second echo was asked for on this connection. */
        private boolean markerSent;

        Waiting(String id, TurnOutput output) {
            this.id = id;
            this.wantsAnswer = output != null;
        }

        /** Whether to ask for the second echo now (once per connection, until the answer is known). */
        boolean wantsMarker() {
            boolean now = wantsAnswer && live && asked >= 0 && answer < 0 && !markerSent;
            markerSent |= now;
            return now;
        }

        /** What to show for {@code next}, in order; a terminal event ends the run. */
        List<StreamEvent> on(Object next) {
            if (next instanceof RoomConnection.State.Closed c) {
                return List.of(new StreamEvent.Failed(kind(c.kind()), c.message()));
            }
            if (next instanceof RoomConnection.State.Connected) {
                live = true;
            } else if (next instanceof RoomConnection.State.Reconnecting) {
                live = false;
                markerSent = false;
            }
            if (!(next instanceof RoomFrame frame)) {
                return List.of();
            }
            if (frame instanceof RoomFrame.Posted p) {
                Message m = p.message();
                if (id.equals(m.id())) {
                    if (asked < 0) {
                        asked = m.seq();
                        return wantsAnswer ? List.of() : List.of(new StreamEvent.Done(null));
                    }
                    if (live && markerSent && answer < 0) {
                        return List.of(new StreamEvent.Failed(FailureKind.REJECTED, "the message was posted (#"
                                + asked + "), but no model was asked: start it with @ai, or @ and a model the relay knows"));
                    }
                    return List.of();
                }
                if (asked >= 0 && m.seq() == asked + 1 && m.fromModel()) {
                    answer = m.seq();
                }
                if (m.seq() == answer) {
                    // The answer so far (empty when it starts), or replayed after a reconnect:
                    // only what was not shown yet, and its end if it ended while we were away.
                    List<StreamEvent> out = new ArrayList<>(more(m.text()));
                    if (m.isFinal()) {
                        out.add(end(m.status(), null));
                    }
                    return out;
                }
            } else if (frame instanceof RoomFrame.Refused r && id.equals(r.id())) {
                return List.of(new StreamEvent.Failed(FailureKind.REJECTED, asked < 0
                        ? "the relay refused the message: " + r.message()
                        : "the message was posted (#" + asked + "), but the model was not asked: " + r.message()));
            } else if (frame instanceof RoomFrame.Delta d && d.seq() == answer) {
                printed += d.text().length();
                return List.of(new StreamEvent.Delta(d.text()));
            } else if (frame instanceof RoomFrame.Retry r && r.seq() == answer) {
                return List.of(new StreamEvent.Retrying(r.attempt(), r.max(), r.delay(), r.reason()));
            } else if (frame instanceof RoomFrame.End e && e.seq() == answer) {
                return List.of(end(e.status(), e.error()));
            }
            return List.of();
        }

        private List<StreamEvent> more(String textSoFar) {
            if (textSoFar.length() <= printed) {
                return List.of();
            }
            String rest = textSoFar.substring(printed);
            printed = textSoFar.length();
            return List.of(new StreamEvent.Delta(rest));
        }

        private static StreamEvent end(String status, String error) {
            return switch (status) {
                case Message.COMPLETE -> new StreamEvent.Done(null);
                case Message.CANCELLED -> new StreamEvent.Failed(FailureKind.UNAVAILABLE, "the relay stopped the answer"
                        + (error == null ? "" : ": " + error));
                default -> new StreamEvent.Failed(FailureKind.UNAVAILABLE, "the model's answer failed"
                        + (error == null ? "" : ": " + error));
            };
        }
    }

    static FailureKind kind(RoomsException.Kind kind) {
        return switch (kind) {
            case AUTH -> FailureKind.AUTH;
            case NOT_FOUND, REJECTED -> FailureKind.REJECTED;
            case UNAVAILABLE -> FailureKind.UNAVAILABLE;
        };
    }
}
