package io.github.aftersales.register;

/** A number of stars in words, for every text the register writes: "1 star", "4 stars". */
public final class Stars {

    private Stars() {
    }

    public static String count(int n) {
        return n == 1 ? "1 star" : n + " stars";
    }
}
