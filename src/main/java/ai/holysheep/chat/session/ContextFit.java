package ai.holysheep.chat.session;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.TokenEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a conversation into a model's context window, so no request is sent that is bound to be
 * refused for its length. Whole turns (a question and the answers after it) leave, oldest first;
 * the system prompt and the latest question always stay, since without them the request would
 * ask something else. Room is kept for the reply: {@code max_tokens} when set, else
 * {@link #DEFAULT_REPLY} or a quarter of the window, whichever is less.
 */
final class ContextFit {
    static final long DEFAULT_REPLY = 4_096;

    /** The messages to send, and how many of the oldest turns were left out to fit. */
    record Fitted(List<ChatMessage> messages, int turnsLeftOut) {
    }

    private ContextFit() {
    }

    /**
     * @param context  the system prompt (if any) first, then the conversation, ending with the
     *                 question about to be asked
     * @throws ContextTooLongException when the system prompt and the latest question alone do not fit
     */
    static Fitted fit(List<ChatMessage> context, String model, long window, Integer maxTokens) {
        long room = window - replyAllowance(window, maxTokens);
        if (TokenEstimate.of(context) <= room) {
            return new Fitted(context, 0);
        }
        List<ChatMessage> system = new ArrayList<>();
        List<List<ChatMessage>> turns = new ArrayList<>();
        for (ChatMessage m : context) {
            if ("system".equals(m.role()) && turns.isEmpty()) {
                system.add(m);
            } else if ("user".equals(m.role()) || turns.isEmpty()) {
                turns.add(new ArrayList<>(List.of(m)));
            } else {
                turns.get(turns.size() - 1).add(m);
            }
        }
        int leftOut = 0;
        List<ChatMessage> kept = context;
        while (TokenEstimate.of(kept) > room && leftOut < turns.size() - 1) {
            leftOut++;
            kept = new ArrayList<>(system);
            turns.subList(leftOut, turns.size()).forEach(kept::addAll);
        }
        if (TokenEstimate.of(kept) > room) {
            throw new ContextTooLongException(model, window, room, TokenEstimate.of(kept));
        }
        return new Fitted(List.copyOf(kept), leftOut);
    }

    static long replyAllowance(long window, Integer maxTokens) {
        return maxTokens != null ? maxTokens : Math.min(DEFAULT_REPLY, window / 4);
    }
}
