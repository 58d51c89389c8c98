package io.github.aftersales.scheme.zg025;

import io.github.aftersales.spi.ResourceScheme;

/**
 * CTS Q/ZG025-2022 售后服务完善程度认证评价准则: the 88 items of 5.1–5.6 and their 3–7 star levels
 * (6.2, 6.3). Data under {@code schemes/zg025/}; readings in {@code scheme-zg025/README.md}.
 */
public final class Zg025Scheme extends ResourceScheme {

    public Zg025Scheme() {
        super("schemes/zg025");
    }
}
