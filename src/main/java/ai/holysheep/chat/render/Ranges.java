package ai.holysheep.chat.render;

/** Lookup in sorted tables of inclusive code-point ranges stored flat as {lo, hi, lo, hi, …}. */
final class Ranges {
    private Ranges() {
    }

    static boolean contains(int[] table, int cp) {
        int lo = 0;
        int hi = table.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < table[2 * mid]) {
                hi = mid - 1;
            } else if (cp > table[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
