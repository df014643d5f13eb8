package ai.holysheep.chat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of the production code, checked on its byte code. Dependencies point one way:
 * cli → tui → session → stream → api, each using only what lies to its right. {@code serve} (the
 * chat served over the network) sits beside tui; {@code rooms} (a member's side of the relay's rooms)
 * beside session, and knows nothing of the server's code. config, render, store, sim and attach (files
 * added to a message) sit beside the
 * chain: anyone may use them (as listed), and they use no other package of the project, so each
 * can be read, tested and replaced alone. A new package fails here until it is placed.
 *
 * <p>Each layer lists what it uses today and nothing more; widening a list is a design decision
 * to make in review, not something to drift into.
 */
@AnalyzeClasses(packages = "ai.holysheep.chat", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Main").definedBy("ai.holysheep.chat")
            .layer("Cli").definedBy("..chat.cli..")
            .optionalLayer("Serve").definedBy("..chat.serve..")
            .layer("Tui").definedBy("..chat.tui..")
            .optionalLayer("Rooms").definedBy("..chat.rooms..")
            .layer("Session").definedBy("..chat.session..")
            .layer("Stream").definedBy("..chat.stream..")
            .layer("Api").definedBy("..chat.api..")
            .layer("Config").definedBy("..chat.config..")
            .layer("Render").definedBy("..chat.render..")
            .layer("Store").definedBy("..chat.store..")
            .layer("Sim").definedBy("..chat.sim..")
            .layer("Attach").definedBy("..chat.attach..")

            .whereLayer("Main").mayOnlyAccessLayers("Cli", "Config")
            .whereLayer("Cli").mayOnlyAccessLayers(
                    "Serve", "Rooms", "Tui", "Session", "Stream", "Api", "Config", "Render", "Store", "Sim", "Attach")
            .whereLayer("Serve").mayOnlyAccessLayers("Session", "Stream", "Api", "Config", "Render", "Store")
            // The room's full screen is drawn from the connection's frames and states (tui.RoomScreen).
            .whereLayer("Tui").mayOnlyAccessLayers("Rooms", "Session", "Stream", "Api", "Config", "Render", "Store", "Attach")
            .whereLayer("Rooms").mayOnlyAccessLayers("Stream", "Api", "Config")
            .whereLayer("Session").mayOnlyAccessLayers("Stream", "Api", "Config", "Store")
            .whereLayer("Stream").mayOnlyAccessLayers("Api", "Config")
            .whereLayer("Api").mayOnlyAccessLayers("Config")
            .whereLayer("Config").mayNotAccessAnyLayer()
            .whereLayer("Render").mayNotAccessAnyLayer()
            // An export is markdown: its headings are shifted by the one markdown reader there is.
            .whereLayer("Store").mayOnlyAccessLayers("Render")
            .whereLayer("Sim").mayNotAccessAnyLayer()
            .whereLayer("Attach").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule onlyTheStoreTalksSql = noClasses()
            .that().resideOutsideOfPackage("..chat.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
            .because("the history database is the store's business alone");

    @ArchTest
    static final ArchRule onlyServeRunsJetty = noClasses()
            .that().resideOutsideOfPackage("..chat.serve..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..")
            .because("the server is loaded only by the command that serves, never by the chat's start-up");

    @ArchTest
    static final ArchRule onlyTheScreenDrawsWithLanterna = noClasses()
            .that().resideOutsideOfPackages("..chat.tui..", "..chat.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..")
            .because("one-shots and pipes must work without a full-screen terminal library");

    @ArchTest
    static final ArchRule onlyTheCommandLineParsesArguments = noClasses()
            .that().resideOutsideOfPackages("ai.holysheep.chat", "..chat.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..")
            .because("options are the command line's words; below it, settings are plain values");

    @ArchTest
    static final ArchRule onlyRenderReadsMarkdown = noClasses()
            .that().resideOutsideOfPackage("..chat.render..")
            .should().dependOnClassesThat().resideInAnyPackage("org.commonmark..")
            .because("how an answer looks is decided in one place");
}
