package com.example.aftersales;

import io.github.aftersales.spi.ResourceScheme;

/**
 * An example scheme for home-appliance repair service. AN ILLUSTRATION, NOT A REAL STANDARD: its
 * clauses and points were made up to show how a certification body writes its own scheme.
 * Everything it says is in {@code schemes/example-home-repair/}; this class only names that folder.
 */
public final class HomeRepairScheme extends ResourceScheme {

    public HomeRepairScheme() {
        super("schemes/example-home-repair");
    }
}
