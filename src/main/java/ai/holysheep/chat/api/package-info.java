/**
 * The OpenAI-compatible wire: one gateway, spoken to over HTTP with OkHttp and okhttp-sse.
 *
 * <p>What it offers:
 * <ul>
 *   <li>{@link ai.holysheep.chat.api.GatewayClient}: streamed and whole chat completions, and the model list</li>
 *   <li>{@link ai.holysheep.chat.api.ChatRequest}, {@link ai.holysheep.chat.api.ChatMessage}: what is asked</li>
 *   <li>{@link ai.holysheep.chat.api.StreamCall}, {@link ai.holysheep.chat.api.StreamListener},
 *       {@link ai.holysheep.chat.api.Chunk}: a stream in flight and what it delivers</li>
 *   <li>{@link ai.holysheep.chat.api.TokenUsage}, {@link ai.holysheep.chat.api.TokenEstimate}: tokens as
 *       reported, and the one rule for guessing them</li>
 *   <li>{@link ai.holysheep.chat.api.CallFailure}, {@link ai.holysheep.chat.api.ApiError},
 *       {@link ai.holysheep.chat.api.GatewayException}: why a call did not deliver a whole answer</li>
 *   <li>{@link ai.holysheep.chat.api.ModelInfo}: one model the gateway lists</li>
 *   <li>{@link ai.holysheep.chat.api.ProxyRouting}: requests through the configured proxy</li>
 *   <li>{@link ai.holysheep.chat.api.RequestLog}: the {@code --verbose} log, keys and bodies kept out</li>
 *   <li>{@link ai.holysheep.chat.api.Json}, {@link ai.holysheep.chat.api.JsonCore}: the shared Jackson
 *       mapper and the streaming-only factory</li>
 * </ul>
 *
 * <p>Rules it keeps: it uses only {@code config} of the project; an answer's text is parsed with
 * Jackson's streaming core alone, so databind is not loaded on the per-token path; every error
 * body, whatever its shape, becomes one {@link ai.holysheep.chat.api.ApiError}; the key leaves the
 * process only in the Authorization header and is never logged. Parsers, error-body reading,
 * the stream watchdog and the size cap on events are the package's own.
 */
package ai.holysheep.chat.api;
