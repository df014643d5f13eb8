package ai.holysheep.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public types of the packages everyone uses, pinned. What only a package itself needs stays
 * package-private, so each can change its insides without a ripple; a new public type is a
 * decision (and a line in the package's {@code package-info.java}), not a default.
 */
class PublicSurfaceTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.holysheep.chat");

    static Stream<Arguments> surfaces() {
        return Stream.of(
                Arguments.of("api", Set.of(
                        "ApiError", "CallFailure", "ChatMessage", "ChatRequest", "Chunk", "GatewayClient",
                        "GatewayException", "Json", "JsonCore", "ModelInfo", "ProxyRouting", "RequestLog",
                        "StreamCall", "StreamListener", "TokenEstimate", "TokenUsage")),
                Arguments.of("config", Set.of(
                        "AssistantRole", "ConfigException", "ConfigFile", "ConfigFileReader", "ConfigLoader",
                        "Durations", "KeyCommandTimeout", "KeyRoute", "Origin", "Overrides", "Price",
                        "ProxySettings", "RequestDefaults", "ResumeMode", "RetryOverrides", "RetrySettings",
                        "Secret", "ServeLimits", "ServerSettings", "Settings", "AttachSettings")),
                Arguments.of("attach", Set.of(
                        "AttachException", "Attachment", "FileGatherer", "MessageText", "Sizes")),
                Arguments.of("store", Set.of(
                        "AnswerUsage", "AssistantDraft", "Conversation", "ConversationExport",
                        "ConversationStore", "ExportFormat", "Exports", "HistoryLocation", "MessageStatus",
                        "NativeLibraryCache", "RelayedRequest", "Role", "RoomMessage", "RoomPost", "SchemaTooNewException",
                        "StoreException", "StoredMessage", "StoredRoom", "TeamMember", "TeamStore", "Titles",
                        "UsageTotal")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void publicTopLevelTypesAreTheListedOnes(String pkg, Set<String> listed) {
        String name = "ai.holysheep.chat." + pkg;
        Set<String> actual = MAIN.stream()
                .filter(c -> c.getPackageName().equals(name))
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(actual);
        assertTrue(added.isEmpty() && gone.isEmpty(), () -> name + "'s public surface changed."
                + (added.isEmpty() ? "" : "\n  newly public: " + added
                        + " — make it package-private if only " + pkg + " uses it; if another package"
                        + " needs it, add it to this list and to " + pkg + "/package-info.java")
                + (gone.isEmpty() ? "" : "\n  no longer public: " + gone
                        + " — take it off this list and out of " + pkg + "/package-info.java"));
    }
}
