package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.register.RegisterSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the register is, one setting deciding it: {@code --register}, else
 * {@code $AFTERSALES_REGISTER}, else {@code url} in {@code ~/.config/aftersales/register.properties},
 * else an H2 file in {@code ~/.local/share/aftersales}. A value starting with {@code jdbc:} is a JDBC
 * URL (PostgreSQL to share a register: {@code jdbc:postgresql://host/db}); anything else is a
 * directory for the embedded register. Credentials come from the URL, the properties file's
 * {@code user} and {@code password}, or {@code $AFTERSALES_REGISTER_USER} and
 * {@code $AFTERSALES_REGISTER_PASSWORD}.
 */
public final class RegisterLocation {

    public static final String ENV = "AFTERSALES_REGISTER";
    public static final String USER_ENV = "AFTERSALES_REGISTER_USER";
    public static final String PASSWORD_ENV = "AFTERSALES_REGISTER_PASSWORD";

    private RegisterLocation() {
    }

    /** The settings for a {@code --register} value (or {@code null}), from this process's environment. */
    public static RegisterSettings fromEnvironment(String option) {
        return resolve(option, System.getenv(), home(System.getenv()));
    }

    /** The settings for this option value, environment and home directory. */
    static RegisterSettings resolve(String option, Map<String, String> env, Path home) {
        Path configDir = env.containsKey("XDG_CONFIG_HOME") && !env.get("XDG_CONFIG_HOME").isBlank()
                ? Path.of(env.get("XDG_CONFIG_HOME"), "aftersales") : home.resolve(".config").resolve("aftersales");
        Path configFile = configDir.resolve("register.properties");
        Properties config = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                config.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserException(ExitCode.INPUT, configFile + ": cannot be read as properties: " + e.getMessage());
            }
        }
        String user = firstOf(env.get(USER_ENV), config.getProperty("user"));
        String password = firstOf(env.get(PASSWORD_ENV), config.getProperty("password"));
        if (option != null && !option.isBlank()) {
            return settings(option.strip(), "--register", user, password);
        }
        if (env.get(ENV) != null && !env.get(ENV).isBlank()) {
            return settings(env.get(ENV).strip(), "$" + ENV, user, password);
        }
        if (config.getProperty("url") != null && !config.getProperty("url").isBlank()) {
            return settings(config.getProperty("url").strip(), configFile.toString(), user, password);
        }
        Path data = env.containsKey("XDG_DATA_HOME") && !env.get("XDG_DATA_HOME").isBlank()
                ? Path.of(env.get("XDG_DATA_HOME"), "aftersales") : home.resolve(".local").resolve("share")
                        .resolve("aftersales");
        return RegisterSettings.embedded(data, "the default");
    }

    /**
     * The user's home: {@code $HOME}, as the shell and the XDG directories mean it, else Java's
     * {@code user.home} (which comes from the password file and ignores {@code HOME}).
     */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    private static RegisterSettings settings(String value, String origin, String user, String password) {
        if (value.startsWith("jdbc:")) {
            return new RegisterSettings(value, user, password, origin);
        }
        return RegisterSettings.embedded(Path.of(value), origin);
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
