package io.github.aftersales.core.json;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for mistyped ids and keys. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to {@code wrong} by edit distance, if one is reasonably near. */
    public static Optional<String> nearest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(2, wrong.length() / 2);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " (did you mean X?)" or an empty string. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return nearest(wrong, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
