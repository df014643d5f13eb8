package ai.holysheep.chat.store;

import ai.holysheep.chat.render.DeeperHeadings;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Writing conversations as Markdown or JSON, and reading the JSON back. */
public final class Exports {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("instants")
                    // ISO-8601 text, readable and exact to the millisecond we store.
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .registerModule(new SimpleModule("decimals")
                    // Costs as plain decimals (0.00018396), as a person and a script read them.
                    .addSerializer(Double.class, new PlainDecimalSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static {
        // JSON escapes C0 controls by itself; C1 controls (U+009B is an 8-bit CSI) are escaped
        // too, so `cat` of an export cannot drive a terminal.
        JSON.getFactory().setCharacterEscapes(new C1Escapes());
    }

    /**
     * The level of each message's heading ({@code ##}, under the title's {@code #}); the
     * messages' own headings are moved this many levels deeper, so they nest under it.
     */
    private static final int MESSAGE_LEVEL = 2;

    private Exports() {
    }

    static String write(ConversationExport export, ExportFormat format) {
        return switch (format) {
            case JSON -> json(export);
            case MARKDOWN -> markdown(export);
        };
    }

    /** Reads what {@link ExportFormat#JSON} wrote; a bad document is a one-line StoreException. */
    public static ConversationExport readJson(String json) {
        ConversationExport export;
        try {
            export = JSON.readValue(json, ConversationExport.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("not a holysheep-chat conversation export: " + e.getOriginalMessage());
        }
        if (export.format() > ConversationExport.FORMAT_VERSION) {
            throw new StoreException("conversation export format " + export.format()
                    + " is newer than this holysheep-chat reads (" + ConversationExport.FORMAT_VERSION + ")");
        }
        if (export.conversation() == null) {
            throw new StoreException("not a holysheep-chat conversation export: no conversation");
        }
        return export;
    }

    private static String json(ConversationExport export) {
        try {
            return JSON.writeValueAsString(export) + "\n";
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write conversation as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String markdown(ConversationExport export) {
        Conversation c = export.conversation();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(c.title()).append("\n\n");
        out.append("- Conversation ").append(c.id());
        if (c.model() != null) {
            out.append(", model ").append(c.model());
        }
        if (c.profile() != null) {
            out.append(", profile ").append(c.profile());
        }
        out.append("\n- Started ").append(c.createdAt()).append(", last active ").append(c.updatedAt())
                .append("\n");
        for (StoredMessage m : export.messages()) {
            out.append("\n## ").append(heading(m)).append("\n\n");
            if (m.reasoning() != null && !m.reasoning().isEmpty()) {
                for (String line : DeeperHeadings.of(m.reasoning(), MESSAGE_LEVEL).split("\n", -1)) {
                    out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
                out.append('\n');
            }
            String content = DeeperHeadings.of(m.content(), MESSAGE_LEVEL);
            out.append(content);
            if (!content.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** e.g. "Assistant · gpt-4.1 · partial · 12 + 340 tokens · $0.0021". */
    private static String heading(StoredMessage m) {
        StringBuilder heading = new StringBuilder(m.role() == Role.USER ? "You"
                : m.role() == Role.ASSISTANT ? "Assistant" : "System");
        if (m.role() == Role.ASSISTANT && m.model() != null) {
            heading.append(" · ").append(m.model());
        }
        if (m.status() != MessageStatus.COMPLETE) {
            heading.append(" · ").append(m.status().word());
        }
        if (m.finishReason() != null && !m.finishReason().equals("stop")) {
            heading.append(" (").append(m.finishReason()).append(')');
        }
        if (m.replaced()) {
            heading.append(" · replaced (asked again)");
        }
        if (m.promptTokens() != null || m.completionTokens() != null) {
            heading.append(" · ").append(m.promptTokens() == null ? "?" : m.promptTokens())
                    .append(" + ").append(m.completionTokens() == null ? "?" : m.completionTokens())
                    .append(" tokens");
        }
        if (m.cost() != null) {
            heading.append(String.format(java.util.Locale.ROOT, " · $%.4f", m.cost()));
        }
        return heading.toString();
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    private static final class PlainDecimalSerializer extends StdSerializer<Double> {
        PlainDecimalSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        }
    }

    private static final class C1Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0x9F ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
