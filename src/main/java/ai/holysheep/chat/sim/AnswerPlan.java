package ai.holysheep.chat.sim;

import java.util.List;

/**
 * Everything one answer consists of, decided before a byte is sent: the simulated thinking, the
 * answer pieces, why it ends, and honest token counts for the usage report.
 */
record AnswerPlan(String id, long created, String model, List<String> reasoning, List<String> content,
                  String finishReason, int promptTokens) {

    int completionTokens() {
        return reasoning.size() + content.size();
    }

    static AnswerPlan plan(IncomingRequest request, SimOptions options, long requestNumber) {
        List<String> answer = DemoAnswer.pieces(request.prompt(), options.seed(), options.answerTokens());
        List<String> content = request.endsWithPrefill() ? continuation(answer, request.prefill()) : answer;
        // A continued answer has already done its thinking on the first attempt.
        boolean thinks = !request.endsWithPrefill() && thinksAloud(request.model());
        List<String> reasoning = thinks ? Tokens.split(DemoAnswer.reasoning(request.prompt())) : List.of();
        String finish = "stop";
        if (request.maxTokens().isPresent() && content.size() > request.maxTokens().getAsInt()) {
            content = content.subList(0, request.maxTokens().getAsInt());
            finish = "length";
        }
        int promptTokens = 0;
        for (IncomingRequest.Message message : request.messages()) {
            promptTokens += Tokens.count(message.content());
        }
        String id = "chatcmpl-sim-" + Long.toHexString(options.seed() * 31 + requestNumber);
        return new AnswerPlan(id, options.clock().instant().getEpochSecond(), request.model(),
            reasoning, List.copyOf(content), finish, promptTokens);
    }

    static boolean thinksAloud(String model) {
        return model.contains("reasoner") || model.contains("deepseek");
    }

    /**
     * What follows a partial answer the client sent back. When the prefill is the start of this
     * prompt's answer the rest follows from that exact character (the first piece may be the tail
     * of a word); otherwise the answer goes on from as many pieces in as the prefill is long.
     */
    static List<String> continuation(List<String> answer, String prefill) {
        int offset = 0;
        String full = String.join("", answer);
        if (full.startsWith(prefill)) {
            for (int i = 0; i < answer.size(); i++) {
                String piece = answer.get(i);
                int end = offset + piece.length();
                if (end > prefill.length()) {
                    List<String> rest = new java.util.ArrayList<>(answer.size() - i);
                    rest.add(piece.substring(prefill.length() - offset));
                    rest.addAll(answer.subList(i + 1, answer.size()));
                    return rest;
                }
                offset = end;
            }
            return List.of();
        }
        int skip = Math.min(Tokens.count(prefill), answer.size());
        return answer.subList(skip, answer.size());
    }
}
