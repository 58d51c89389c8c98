package io.github.aftersales.scheme.cqm;

import io.github.aftersales.spi.ResourceScheme;

/**
 * CQM/F-RZ-ZY-06-001 商品售后服务认证评价规范: service characteristics (4.1), management audit
 * (4.2), customer perception survey (4.3) and the five star levels of 6.2, lowest level wins (6.3).
 * Data under {@code schemes/cqm/}; readings in {@code scheme-cqm/README.md}.
 */
public final class CqmScheme extends ResourceScheme {

    public CqmScheme() {
        super("schemes/cqm");
    }
}
