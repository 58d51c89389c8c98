package io.github.aftersales.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The application's logging, set up in code (found by logback as a service): warnings only, on
 * standard error, as {@code LEVEL: message}; {@code --debug} turns the root logger to DEBUG. Written
 * in code rather than {@code logback.xml} because reading XML configuration took a quarter of the
 * CLI's start-up. {@code -Dlogback.configurationFile=FILE} still chooses a file of one's own (when
 * it names nothing readable, this quiet setup stays).
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (ownFileExists(System.getProperty("logback.configurationFile"))) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's own file, read by logback's Joran configurator
        }
        // as <statusListener class="NopStatusListener"/> did: logback's own notices never reach standard output
        context.getStatusManager().add(new NopStatusListener());
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // Apache POI reports malformed workbooks it recovers from; the app says what matters in one line
        context.getLogger("org.apache.poi").setLevel(Level.OFF);
        // Flyway and H2 speak through the register's own messages: Flyway's failures reach the register as
        // exceptions, said there in one line, and its log would repeat them with stack traces (--debug shows it)
        context.getLogger("org.flywaydb").setLevel(Level.OFF);
        // the service says itself where it listens and why it cannot; Javalin's "Failed to start" would say it twice
        context.getLogger("io.javalin.Javalin").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether {@code -Dlogback.configurationFile} names a file, URL or class-path resource logback can read. */
    private static boolean ownFileExists(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        try {
            if (Files.isRegularFile(Path.of(name))) {
                return true;
            }
        } catch (InvalidPathException notAPath) {
            // a URL, perhaps
        }
        try {
            new URL(name).openStream().close();
            return true;
        } catch (IOException | IllegalArgumentException notAUrl) {
            return QuietLogging.class.getClassLoader().getResource(name) != null;
        }
    }

    /** {@code LEVEL: message}, then the stack trace of an exception logged with it. */
    static final class Line extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder().append(event.getLevel()).append(": ")
                    .append(event.getFormattedMessage()).append(System.lineSeparator());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)); // ends with a line separator itself
            }
            return line.toString();
        }
    }
}
