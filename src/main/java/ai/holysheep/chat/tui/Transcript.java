package ai.holysheep.chat.tui;

import ai.holysheep.chat.session.SavedConversation;
import ai.holysheep.chat.store.MessageStatus;
import ai.holysheep.chat.store.Role;
import ai.holysheep.chat.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/** A saved conversation drawn as it was had: questions, answers, and how unfinished answers ended. */
final class Transcript {
    private Transcript() {
    }

    static List<Entry> entries(SavedConversation saved) {
        List<Entry> out = new ArrayList<>();
        String fallbackModel = saved.conversation().model() == null ? "assistant" : saved.conversation().model();
        for (StoredMessage m : saved.messages()) {
            if (m.role() == Role.USER) {
                out.add(new TextEntry(TextEntry.Kind.USER, m.content()));
            } else if (m.role() == Role.ASSISTANT && m.replaced()) {
                // As on the screen where /retry ran: the answer asked again for gave way to the new one.
                continue;
            } else if (m.role() == Role.ASSISTANT) {
                out.add(answer(m, m.model() == null ? fallbackModel : m.model()));
            } else {
                out.add(new TextEntry(TextEntry.Kind.NOTICE, "system prompt: " + m.content()));
            }
        }
        return out;
    }

    private static AnswerEntry answer(StoredMessage m, String model) {
        AnswerEntry.Outcome how = outcome(m.status());
        return AnswerEntry.saved(model, m.reasoning(), m.content(), how,
                how == AnswerEntry.Outcome.DONE ? AnswerEntry.cutShort(m.finishReason()) : null);
    }

    private static AnswerEntry.Outcome outcome(MessageStatus status) {
        return switch (status) {
            case COMPLETE -> AnswerEntry.Outcome.DONE;
            case PARTIAL -> AnswerEntry.Outcome.PARTIAL;
            case CANCELLED -> AnswerEntry.Outcome.CANCELLED;
            case ERROR -> AnswerEntry.Outcome.FAILED;
        };
    }
}
