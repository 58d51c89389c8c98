package io.github.aftersales.scheme.gbt27922;

import io.github.aftersales.spi.ResourceScheme;

/**
 * GB/T 27922-2011 商品售后服务评价体系: the 100-point self-assessment form and the pass rules of
 * Annexes A and B. All of it is data under {@code schemes/gbt27922/}; see
 * {@code scheme-gbt27922/README.md} for the readings chosen where the text is silent.
 */
public final class Gbt27922Scheme extends ResourceScheme {

    public Gbt27922Scheme() {
        super("schemes/gbt27922");
    }
}
