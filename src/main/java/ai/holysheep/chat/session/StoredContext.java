package ai.holysheep.chat.session;

import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Which saved messages a resumed conversation sends back as context. The rule is the one a
 * live session follows, so a conversation continues the same whether or not the program was
 * restarted in between:
 * <ul>
 *   <li>Every question is sent.</li>
 *   <li>Every answer that has text is sent, whatever its status. A partial, cancelled or failed
 *       answer is what the user actually saw, and a follow-up ("go on", "why did you stop
 *       there?") refers to exactly that text; leaving it out would make the model answer a
 *       conversation that never happened. An answer with no text is left out.</li>
 *   <li>An answer marked replaced is left out: the user asked again ({@code /retry}). When
 *       answers follow one another unmarked (saved before answers were marked), only the last
 *       is sent, for the same reason.</li>
 *   <li>Saved system messages (only imported conversations have them) are left out: the system
 *       prompt is a setting of the session, applied to every request, not part of the history.</li>
 * </ul>
 */
final class StoredContext {
    private StoredContext() {
    }

    static List<ChatMessage> of(List<StoredMessage> saved) {
        List<ChatMessage> context = new ArrayList<>();
        for (StoredMessage m : saved) {
            if (m.role() == Role.USER) {
                context.add(ChatMessage.user(m.content()));
            } else if (m.role() == Role.ASSISTANT && !m.replaced() && m.content() != null && !m.content().isEmpty()) {
                if (!context.isEmpty() && isAnswer(context.get(context.size() - 1))) {
                    context.remove(context.size() - 1);
                }
                context.add(ChatMessage.assistant(m.content()));
            }
        }
        return context;
    }

    static boolean isAnswer(ChatMessage message) {
        return "assistant".equals(message.role());
    }
}
