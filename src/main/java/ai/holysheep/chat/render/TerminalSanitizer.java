package ai.holysheep.chat.render;

/**
 * Removes everything a terminal would act on rather than print, from text that came off the
 * network: a model answer could otherwise clear the screen, move the cursor over earlier text,
 * retitle the window or write the clipboard (OSC 52).
 *
 * <p>Dropped: CSI, OSC, DCS, APC, PM and SOS sequences (7-bit and 8-bit forms), two-byte ESC
 * sequences, all other C1 controls, and C0 controls except {@code '\n'} and {@code '\t'}
 * ({@code '\r'} included, so CR LF becomes LF and a bare CR cannot overwrite a line), and the
 * bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
 *
 * <p>An instance is a state machine over a stream of deltas: a sequence split between two
 * deltas is still recognised, and the output is the same however the input was split. It never
 * buffers text: inside a sequence it only counts, and a string sequence (OSC, DCS …) that runs
 * past {@value #MAX_STRING_SEQUENCE} characters without a terminator is abandoned so the rest of
 * the answer is not swallowed. Not thread-safe; use one per stream.
 */
public final class TerminalSanitizer {
    /** Longest OSC/DCS/APC/PM/SOS body honoured before the sequence is given up as garbage. */
    public static final int MAX_STRING_SEQUENCE = 8192;
    private static final int MAX_CONTROL_SEQUENCE = 256;

    private static final char ESC = 0x1B;
    private static final char BEL = 0x07;
    private static final char C1_ST = 0x9C;

    private enum State { TEXT, ESCAPE, ESCAPE_INTERMEDIATE, CSI, STRING, STRING_ESCAPE }

    private State state = State.TEXT;
    private int sequenceLength;
    private char pendingHighSurrogate;

    /** Sanitises a whole string; returns {@code text} itself when nothing needs removing. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (isClean(text)) {
            return text;
        }
        TerminalSanitizer s = new TerminalSanitizer();
        return s.feed(text) + s.finish();
    }

    /** The printable part of {@code delta}, given everything fed before it. */
    public String feed(CharSequence delta) {
        if (delta == null || delta.length() == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(delta.length() + 1);
        if (pendingHighSurrogate != 0) {
            out.append(pendingHighSurrogate);
            pendingHighSurrogate = 0;
        }
        for (int i = 0; i < delta.length(); i++) {
            accept(delta.charAt(i), out);
        }
        // A code point split across deltas is held back so no caller ever sees half of it.
        int last = out.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(out.charAt(last))) {
            pendingHighSurrogate = out.charAt(last);
            out.setLength(last);
        }
        return out.toString();
    }

    /** Ends the stream: an unfinished sequence or half a code point is dropped. */
    public String finish() {
        state = State.TEXT;
        sequenceLength = 0;
        pendingHighSurrogate = 0;
        return "";
    }

    private void accept(char c, StringBuilder out) {
        switch (state) {
            case TEXT -> text(c, out);
            case ESCAPE -> escape(c, out);
            case ESCAPE_INTERMEDIATE -> {
                if (c >= 0x20 && c <= 0x2F && ++sequenceLength < MAX_CONTROL_SEQUENCE) {
                    return;
                }
                state = State.TEXT;
                if (c < 0x30 || c > 0x7E) {
                    text(c, out);
                }
            }
            case CSI -> {
                if (c >= 0x20 && c <= 0x3F && ++sequenceLength < MAX_CONTROL_SEQUENCE) {
                    return;
                }
                state = State.TEXT;
                if (c < 0x40 || c > 0x7E) {
                    // Not a final byte: the sequence was malformed; the character stands alone.
                    text(c, out);
                }
            }
            case STRING -> {
                if (c == BEL || c == C1_ST) {
                    state = State.TEXT;
                } else if (c == ESC) {
                    state = State.STRING_ESCAPE;
                } else if (++sequenceLength > MAX_STRING_SEQUENCE) {
                    state = State.TEXT;
                }
            }
            case STRING_ESCAPE -> {
                if (c == '\\') {
                    state = State.TEXT;
                } else {
                    // As in xterm: ESC inside a string aborts it and begins a new sequence.
                    state = State.ESCAPE;
                    escape(c, out);
                }
            }
        }
    }

    private void text(char c, StringBuilder out) {
        if (isBidiControl(c)) {
            return;
        }
        if (c >= 0x20 && c < 0x7F || c > 0x9F) {
            out.append(c);
        } else if (c == '\n' || c == '\t') {
            out.append(c);
        } else if (c == ESC) {
            state = State.ESCAPE;
        } else if (c == 0x9B) {
            startCsi();
        } else if (c == 0x9D || c == 0x90 || c == 0x98 || c == 0x9E || c == 0x9F) {
            startString();
        }
        // Every other C0/C1 control, DEL and CR is dropped.
    }

    private void escape(char c, StringBuilder out) {
        switch (c) {
            case '[' -> startCsi();
            case ']', 'P', 'X', '^', '_' -> startString();
            case ESC -> state = State.ESCAPE;
            default -> {
                if (c >= 0x20 && c <= 0x2F) {
                    state = State.ESCAPE_INTERMEDIATE;
                    sequenceLength = 0;
                } else if (c >= 0x30 && c <= 0x7E) {
                    state = State.TEXT;
                } else {
                    state = State.TEXT;
                    text(c, out);
                }
            }
        }
    }

    private void startCsi() {
        state = State.CSI;
        sequenceLength = 0;
    }

    private void startString() {
        state = State.STRING;
        sequenceLength = 0;
    }

    /**
     * The embedding, override and isolate controls: they reorder what follows on screen, so
     * {@code "bidi\u202Egnp.exe"} would read as "bidiexe.png". The implicit marks (LRM, RLM, ALM)
     * only nudge neutral characters and are kept.
     */
    private static boolean isBidiControl(char c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || isBidiControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length()
                    || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }
}
