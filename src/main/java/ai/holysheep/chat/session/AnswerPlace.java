package ai.holysheep.chat.session;

import ai.holysheep.chat.store.AssistantDraft;
import ai.holysheep.chat.store.ConversationStore;
import ai.holysheep.chat.store.StoredMessage;

/**
 * Where a turn's answer is saved: right after its question, or, for a question asked again
 * ({@code /retry}, no new question), at the conversation's end, after the answer it replaces.
 */
record AnswerPlace(long conversationId, StoredMessage question) {
    static AnswerPlace after(StoredMessage question) {
        return new AnswerPlace(question.conversationId(), question);
    }

    static AnswerPlace atEnd(long conversationId) {
        return new AnswerPlace(conversationId, null);
    }

    AssistantDraft open(ConversationStore store, String model) {
        return question == null ? store.startAssistant(conversationId, model) : store.startAnswer(question, model);
    }
}
