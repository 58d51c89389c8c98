package io.github.aftersales.scheme.zg025;

import io.github.aftersales.spi.ResourceScheme;

/**
 * CTS Q/ZG025-2022 6.3 a): the final grade, GB/T 27922 stars plus ZG025 stars, at most 12. A
 * scheme that combines the results of two others; data under {@code schemes/zg025-combined/}.
 */
public final class Zg025CombinedScheme extends ResourceScheme {

    public Zg025CombinedScheme() {
        super("schemes/zg025-combined");
    }
}
