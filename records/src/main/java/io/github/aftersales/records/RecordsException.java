package io.github.aftersales.records;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;

/**
 * A service-record export or mapping file that cannot be read at all (exit 3 on the command line):
 * empty, not text, not in the encoding given, without the columns every record needs. A bad row is
 * not one of these: it is reported and skipped ({@link RowProblem}).
 */
public final class RecordsException extends LocatedException {

    public RecordsException(String source, int line, int column, String problem) {
        super(source, line > 0 ? new Located.Position(line, Math.max(column, 1)) : null, problem);
    }

    public RecordsException(String source, String problem) {
        this(source, 0, 0, problem);
    }
}
