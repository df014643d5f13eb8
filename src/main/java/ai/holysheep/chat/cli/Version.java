package ai.holysheep.chat.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest; touches nothing else, so --version starts fast. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"holysheep-chat " + current()};
    }
}
