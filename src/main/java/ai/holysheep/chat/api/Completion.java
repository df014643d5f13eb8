package ai.holysheep.chat.api;

/** A whole (non-streamed) answer. */
record Completion(String content, String reasoning, String finishReason, TokenUsage usage) {
}
