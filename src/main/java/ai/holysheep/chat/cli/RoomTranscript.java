package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.rooms.Message;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A room's messages as {@code rooms show} and {@code rooms export} write them. Authors and text
 * come from other members and the model, so they are sanitised before a terminal sees them, and
 * columns are measured in display cells, so Hangul names line up.
 */
final class RoomTranscript {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RoomTranscript() {
    }

    /**
     * One block per message: seq, author, local time, then the text, its further lines under its
     * first; an answer not complete says so at its end.
     */
    static List<String> show(List<Message> messages) {
        int seqWidth = 1;
        int authorWidth = 1;
        for (Message m : messages) {
            seqWidth = Math.max(seqWidth, Long.toString(m.seq()).length() + 1);
            authorWidth = Math.max(authorWidth, TerminalText.width(TerminalText.oneLine(m.author())));
        }
        List<String> out = new ArrayList<>();
        for (Message m : messages) {
            String head = TerminalText.padLeft("#" + m.seq(), seqWidth) + "  "
                    + TerminalText.padRight(TerminalText.oneLine(m.author()), authorWidth) + "  " + time(m.at()) + "  ";
            String indent = " ".repeat(TerminalText.width(head));
            String[] lines = (TerminalText.sanitize(m.text()).stripTrailing() + mark(m)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                out.add(((i == 0 ? head : indent) + lines[i]).stripTrailing());
            }
        }
        return out;
    }

    /** Markdown for a wiki or a pull request: the text as written, each message under its author. */
    static String markdown(String room, List<Message> messages) {
        StringBuilder md = new StringBuilder("# Room ").append(room).append('\n');
        for (Message m : messages) {
            md.append("\n## ").append(m.author().replace("\n", " "))
                    .append(m.fromModel() ? " (model)" : "")
                    .append(" · ").append(m.at())
                    .append(m.status().equals(Message.COMPLETE) ? "" : " · " + m.status())
                    .append("\n\n").append(m.text().strip()).append('\n');
        }
        return md.toString();
    }

    /** The messages exactly as the relay numbered them, fields as in docs/rooms.md. */
    static String json(String room, List<Message> messages) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("room", room);
        ArrayNode list = root.putArray("messages");
        for (Message m : messages) {
            list.addObject().put("seq", m.seq()).put("id", m.id()).put("author", m.author()).put("role", m.role())
                    .put("text", m.text()).put("status", m.status()).put("at", m.at().toString());
        }
        return root.toString();
    }

    private static String mark(Message m) {
        return switch (m.status()) {
            case Message.STREAMING -> " [still streaming]";
            case Message.CANCELLED -> " [cancelled: the relay stopped it]";
            case Message.FAILED -> " [failed]";
            default -> "";
        };
    }

    private static String time(Instant at) {
        return LOCAL_TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}
