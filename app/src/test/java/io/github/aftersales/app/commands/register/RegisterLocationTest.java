package io.github.aftersales.app.commands.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.app.UserException;
import io.github.aftersales.register.RegisterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One setting decides where the register is; the first given wins. */
class RegisterLocationTest {

    @TempDir
    Path home;

    @Test
    void defaultIsAnH2FileInTheUsersDataDirectory() {
        RegisterSettings s = RegisterLocation.resolve(null, Map.of(), home);
        assertThat(s.url()).startsWith("jdbc:h2:file:" + home.resolve(".local/share/aftersales/register") + ";");
        assertThat(s.describe()).isEqualTo(home.resolve(".local/share/aftersales/register.mv.db") + " (the default)");
        assertThat(RegisterLocation.resolve(null, Map.of("XDG_DATA_HOME", "/data"), home).url())
                .startsWith("jdbc:h2:file:/data/aftersales/register;");
    }

    @Test
    void homeIsTheEnvironmentsHomeElseJavas() {
        assertThat(RegisterLocation.home(Map.of("HOME", "/elsewhere"))).isEqualTo(Path.of("/elsewhere"));
        assertThat(RegisterLocation.home(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(RegisterLocation.home(Map.of("HOME", " "))).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void optionThenEnvironmentThenConfigurationFile() throws Exception {
        Path config = Files.createDirectories(home.resolve(".config/aftersales")).resolve("register.properties");
        Files.writeString(config, "url=jdbc:postgresql://db.example/register\nuser=auditor\npassword=s3cret\n");
        RegisterSettings fromFile = RegisterLocation.resolve(null, Map.of(), home);
        assertThat(fromFile.url()).isEqualTo("jdbc:postgresql://db.example/register");
        assertThat(fromFile.user()).isEqualTo("auditor");
        assertThat(fromFile.password()).isEqualTo("s3cret");
        assertThat(fromFile.describe()).isEqualTo("jdbc:postgresql://db.example/register (" + config + ")");

        RegisterSettings fromEnv = RegisterLocation.resolve(null, Map.of("AFTERSALES_REGISTER", "jdbc:postgresql://other/r",
                "AFTERSALES_REGISTER_PASSWORD", "env-secret"), home);
        assertThat(fromEnv.url()).isEqualTo("jdbc:postgresql://other/r");
        assertThat(fromEnv.user()).isEqualTo("auditor");
        assertThat(fromEnv.password()).isEqualTo("env-secret");
        assertThat(fromEnv.origin()).isEqualTo("$AFTERSALES_REGISTER");

        RegisterSettings fromOption = RegisterLocation.resolve("/srv/register", Map.of("AFTERSALES_REGISTER", "x"), home);
        assertThat(fromOption.url()).startsWith("jdbc:h2:file:/srv/register/register;");
        assertThat(fromOption.origin()).isEqualTo("--register");
    }

    @Test
    void passwordInAUrlIsNotShown() {
        RegisterSettings s = RegisterLocation.resolve("jdbc:postgresql://h/r?user=a&password=hunter2&ssl=true", Map.of(),
                home);
        assertThat(s.describe()).isEqualTo("jdbc:postgresql://h/r?user=a&password=***&ssl=true (--register)");
    }

    @Test
    void unreadableConfigurationFileIsNamed() throws Exception {
        Path config = Files.createDirectories(home.resolve(".config/aftersales")).resolve("register.properties");
        Files.writeString(config, "url=\\u12");
        assertThatThrownBy(() -> RegisterLocation.resolve(null, Map.of(), home)).isInstanceOf(UserException.class)
                .hasMessageStartingWith(config + ": cannot be read as properties");
    }
}
