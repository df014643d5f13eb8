package ai.holysheep.chat.attach;

import java.util.Locale;

/** Byte counts as people read them, in the binary units the size limit is given in. */
public final class Sizes {
    private Sizes() {
    }

    /** One decimal below ten of a unit (so 1.2 KiB is not shown as the 1 KiB limit it is over), none from there. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        boolean kib = bytes < 1024 * 1024;
        double units = kib ? bytes / 1024.0 : bytes / (1024.0 * 1024.0);
        String number = units < 10 ? String.format(Locale.ROOT, "%.1f", units) : String.valueOf(Math.round(units));
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + (kib ? " KiB" : " MiB");
    }
}
