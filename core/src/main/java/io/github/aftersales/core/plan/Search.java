package io.github.aftersales.core.plan;

import java.util.Arrays;

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

    /** How many of each class the cheapest set takes, or {@code null} when no set meets every constraint. */
    int[] solve(long[] need) {
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
        boolean[] decided = new boolean[n];
        dfs(0, need.clone(), 0, 0, 0, decided);
        return bestTake;
    }

    private void dfs(int depth, long[] need, long e, long c, long p, boolean[] decided) {
        nodes++;
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
