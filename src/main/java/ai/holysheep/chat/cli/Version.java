package ai.holysheep.chat.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest; touches nothing else, so --version starts fast. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The one line {@code --version} prints. */
    public static String line() {
        return "holysheep-chat " + current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
