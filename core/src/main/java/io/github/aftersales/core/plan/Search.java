package io.github.aftersales.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact search for the cheapest set of changes that meets every constraint: branch and bound over
 * classes of interchangeable changes (same weights, same points, same effort), choosing how many of
 * each class to take. A set's cost is compared as (effort, count, points), lexicographically; a branch is
 * cut only when a lower bound on that cost (each part from its own relaxation: the greedy count, the
 * fractional knapsack for points and effort, for the constraint that needs most) already exceeds the
 * best set found, so the set found is a cheapest one.
 *
 * <p>All figures are exact whole numbers (the planner scales them); a constraint {@code j} holds when
 * the weights taken sum to at least {@code need[j]}.
 */
final class Search {

    private final long[][] w;
    private final int[] mult;
    private final long[] points;
    private final long[] effort;
    private final int constraints;
    private final int[][] byWeight;
    private final int[][] byPoints;
    private final int[][] byEffort;
    private final int[] order;

    private long[] best;
    private int[] bestTake;
    private final int[] take;
    /** Nodes visited, for tests and the benchmark's sanity. */
    long nodes;

    /**
     * @param w      per class, its weight on each constraint (a change's effect, scaled)
     * @param mult   per class, how many changes it holds
     * @param points per class, the points one of its changes gains (scaled)
     * @param effort per class, the effort of one of its changes (scaled), all 0 without an effort file
     */
    Search(long[][] w, int[] mult, long[] points, long[] effort, int constraints) {
        this.w = w;
        this.mult = mult;
        this.points = points;
        this.effort = effort;
        this.constraints = constraints;
        int n = w.length;
        this.take = new int[n];
        this.order = new int[n];
        byWeight = new int[constraints][];
        byPoints = new int[constraints][];
        byEffort = new int[constraints][];
        for (int j = 0; j < constraints; j++) {
            int jj = j;
            Integer[] useful = java.util.stream.IntStream.range(0, n).filter(k -> w[k][jj] > 0).boxed()
                    .toArray(Integer[]::new);
            Integer[] a = useful.clone();
            Arrays.sort(a, (x, y) -> Long.compare(w[y][jj], w[x][jj]));
            byWeight[j] = Arrays.stream(a).mapToInt(Integer::intValue).toArray();
            Integer[] b = useful.clone();
            Arrays.sort(b, (x, y) -> Double.compare((double) points[x] / w[x][jj], (double) points[y] / w[y][jj]));
            byPoints[j] = Arrays.stream(b).mapToInt(Integer::intValue).toArray();
            Integer[] c = useful.clone();
            Arrays.sort(c, (x, y) -> Double.compare((double) effort[x] / w[x][jj], (double) effort[y] / w[y][jj]));
            byEffort[j] = Arrays.stream(c).mapToInt(Integer::intValue).toArray();
        }
    }

    /** States the dynamic programme may hold before the search takes over (a guard on memory). */
    static final int MAX_STATES = 50_000;

    /**
     * Nodes the branch and bound may visit. Past it, the cheapest set found so far is returned and
     * {@link #proven} is false: sets as small exist among scores finer than half points (a share in 400ths
     * of each clause's points) that only an exhaustive search tells apart.
     */
    static final long MAX_NODES = 200_000;

    /** Whether the set returned is proven the cheapest (false when the branch and bound ran out of nodes). */
    boolean proven = true;

    /** How many of each class the cheapest set takes, or {@code null} when no set meets every constraint. */
    int[] solve(long[] need) {
        // the branch and bound first: on forms as auditors fill them its bounds cut nearly everything
        int[] found = branchAndBound(need);
        if (proven) {
            return found;
        }
        // out of nodes (scores finer than half points on many clauses): the dynamic programme, when its
        // grid is coarse enough, proves the cheapest set; else the best set found stands, not proven
        int[] byDp = dynamic(need);
        if (byDp != null) {
            proven = true;
            return byDp == NONE_MEETS ? null : byDp;
        }
        return found;
    }

    /** The dynamic programme's answer when no set meets every constraint (told apart by identity). */
    private static final int[] NONE_MEETS = new int[0];

    /** One state of the dynamic programme: the cheapest way found to leave these needs, and how. */
    private static final class Entry {
        final long e;
        final long c;
        final long p;
        final Entry parent;
        final int cls;

        Entry(long e, long c, long p, Entry parent, int cls) {
            this.e = e;
            this.c = c;
            this.p = p;
            this.parent = parent;
            this.cls = cls;
        }

        boolean cheaperThan(Entry o) {
            return e != o.e ? e < o.e : c != o.c ? c < o.c : p < o.p;
        }
    }

    /**
     * The dynamic programme over what each constraint still needs (capped at zero: a need met stays met,
     * every weight being positive), one change at a time, keeping the cheapest way to each state. Exact:
     * a cost is a sum, so the cheapest way to a state stays cheapest whatever follows. The states are the
     * distinct partial sums below the needs (a grid as fine as the figures: half points, quarters, a
     * sample's fifths). Returns {@code null} when a weight is negative or the states grow past
     * {@link #MAX_STATES} (then the branch and bound decides), {@link #NONE_MEETS} when no set meets every
     * constraint.
     */
    private int[] dynamic(long[] need) {
        int n = w.length;
        for (long[] wk : w) {
            for (long x : wk) {
                if (x < 0) {
                    return null;
                }
            }
        }
        // one item a change, grouped so that a constraint's changes come together: once the last change
        // that helps a constraint is decided, a state that still needs something for it is dropped
        List<Integer> items = new ArrayList<>();
        Integer[] classes = new Integer[n];
        for (int k = 0; k < n; k++) {
            classes[k] = k;
        }
        Arrays.sort(classes, java.util.Comparator.comparing(k -> signature(w[k])));
        for (int k : classes) {
            for (int m = 0; m < mult[k]; m++) {
                items.add(k);
            }
        }
        int[] last = new int[constraints];
        Arrays.fill(last, -1);
        for (int i = 0; i < items.size(); i++) {
            for (int j = 0; j < constraints; j++) {
                if (w[items.get(i)][j] > 0) {
                    last[j] = i;
                }
            }
        }
        long[] start = new long[constraints];
        for (int j = 0; j < constraints; j++) {
            start[j] = Math.max(0, need[j]);
            if (start[j] > 0 && last[j] < 0) {
                return NONE_MEETS;
            }
            // a grid too fine for the states (what a constraint can still need, in steps of its weights'
            // common divisor): leave it to the branch and bound at once
            long g = 0;
            for (long[] wk : w) {
                g = gcd(g, wk[j]);
            }
            if (g > 0 && start[j] / g > MAX_STATES) {
                return null;
            }
        }
        Map<Key, Entry> states = new HashMap<>();
        states.put(new Key(start), new Entry(0, 0, 0, null, -1));
        for (int i = 0; i < items.size(); i++) {
            int k = items.get(i);
            Map<Key, Entry> next = new HashMap<>(states.size() * 2);
            for (Map.Entry<Key, Entry> s : states.entrySet()) {
                keep(next, s.getKey(), s.getValue(), last, i);
                long[] rem = s.getKey().rem.clone();
                boolean helps = false;
                for (int j = 0; j < constraints; j++) {
                    if (rem[j] > 0 && w[k][j] > 0) {
                        helps = true;
                        rem[j] = Math.max(0, rem[j] - w[k][j]);
                    }
                }
                if (helps) { // a change that helps nothing still needed is never in a cheapest set
                    Entry from = s.getValue();
                    keep(next, new Key(rem), new Entry(from.e + effort[k], from.c + 1, from.p + points[k], from, k),
                            last, i);
                }
            }
            states = next;
            nodes += states.size();
            if (states.size() > MAX_STATES) {
                return null;
            }
        }
        Entry done = states.get(new Key(new long[constraints]));
        if (done == null) {
            return NONE_MEETS;
        }
        int[] counts = new int[n];
        for (Entry e = done; e != null && e.cls >= 0; e = e.parent) {
            counts[e.cls]++;
        }
        return counts;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Keeps {@code entry} for its state if it is the cheapest so far and the state can still be met. */
    private void keep(Map<Key, Entry> next, Key key, Entry entry, int[] last, int i) {
        for (int j = 0; j < constraints; j++) {
            if (key.rem[j] > 0 && last[j] <= i) {
                return; // nothing after this change helps constraint j any more
            }
        }
        Entry old = next.get(key);
        if (old == null || entry.cheaperThan(old)) {
            next.put(key, entry);
        }
    }

    private String signature(long[] wk) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < wk.length; j++) {
            b.append(wk[j] > 0 ? '1' : '0');
        }
        return b.reverse().toString();
    }

    /** A state's needs, as a map key. */
    private record Key(long[] rem) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(rem, k.rem);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rem);
        }
    }

    /** The branch and bound, within {@link #MAX_NODES}; {@link #proven} says whether it finished. */
    int[] branchAndBound(long[] need) {
        int n = w.length;
        // the classes that help most first: a good set is found early, and bounds cut the rest
        double[] help = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < constraints; j++) {
                if (need[j] > 0 && w[k][j] > 0) {
                    help[k] += Math.min(1.0, (double) w[k][j] / need[j]);
                }
            }
        }
        Integer[] o = new Integer[n];
        for (int k = 0; k < n; k++) {
            o[k] = k;
        }
        Arrays.sort(o, (x, y) -> Double.compare(help[y], help[x]));
        for (int k = 0; k < n; k++) {
            order[k] = o[k];
        }
        best = null;
        bestTake = null;
        nodes = 0;
        proven = true;
        boolean[] decided = new boolean[n];
        dfs(0, need.clone(), 0, 0, 0, decided);
        return bestTake;
    }

    private void dfs(int depth, long[] need, long e, long c, long p, boolean[] decided) {
        if (++nodes > MAX_NODES) {
            proven = false;
            return;
        }
        boolean met = true;
        for (int j = 0; j < constraints; j++) {
            if (need[j] > 0) {
                met = false;
                break;
            }
        }
        if (met) {
            long[] cost = {e, c, p};
            if (best == null || less(cost, best)) {
                best = cost;
                bestTake = take.clone();
            }
            return; // costs are never negative: taking more never makes a cheaper set
        }
        if (depth == w.length) {
            return;
        }
        long[] lb = bound(need, decided);
        if (lb == null) {
            return;
        }
        if (best != null && !less(new long[] {e + lb[0], c + lb[1], p + lb[2]}, best)) {
            return;
        }
        int k = order[depth];
        decided[k] = true;
        for (int m = mult[k]; m >= 0; m--) {
            long[] next = need;
            if (m > 0) {
                next = need.clone();
                for (int j = 0; j < constraints; j++) {
                    next[j] -= m * w[k][j];
                }
            }
            take[k] = m;
            dfs(depth + 1, next, e + m * effort[k], c + m, p + m * points[k], decided);
        }
        take[k] = 0;
        decided[k] = false;
    }

    /**
     * A lower bound on (effort, count, points) still to spend, or {@code null} when the classes not yet
     * decided cannot meet some constraint. Each part is the largest, over the constraints not yet met, of
     * what that constraint alone needs at least.
     */
    private long[] bound(long[] need, boolean[] decided) {
        long lbE = 0;
        long lbC = 0;
        long lbP = 0;
        for (int j = 0; j < constraints; j++) {
            if (need[j] <= 0) {
                continue;
            }
            // fewest changes: the heaviest first (exact for one constraint)
            long rem = need[j];
            long count = 0;
            for (int k : byWeight[j]) {
                if (decided[k]) {
                    continue;
                }
                long t = Math.min(mult[k], (rem + w[k][j] - 1) / w[k][j]);
                count += t;
                rem -= t * w[k][j];
                if (rem <= 0) {
                    break;
                }
            }
            if (rem > 0) {
                return null;
            }
            lbC = Math.max(lbC, count);
            lbP = Math.max(lbP, fractional(need[j], byPoints[j], points, j, decided));
            lbE = Math.max(lbE, fractional(need[j], byEffort[j], effort, j, decided));
        }
        return new long[] {lbE, lbC, lbP};
    }

    /** The least cost of meeting {@code need} if changes could be taken in part: a lower bound, rounded down. */
    private long fractional(long need, int[] byRatio, long[] cost, int j, boolean[] decided) {
        long rem = need;
        double sum = 0;
        for (int k : byRatio) {
            if (decided[k]) {
                continue;
            }
            long full = mult[k] * w[k][j];
            if (full >= rem) {
                sum += (double) rem * cost[k] / w[k][j];
                rem = 0;
                break;
            }
            sum += (double) mult[k] * cost[k];
            rem -= full;
        }
        // a double's rounding may only lower the bound: never cut a branch that holds the cheapest set
        return (long) Math.floor(sum * (1 - 1e-9));
    }

    private static boolean less(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }
}
