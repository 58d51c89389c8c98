package io.github.aftersales.service.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void checksTheReferenceImplementationsArgon2idVector() {
        // phc-winner-argon2's src/test.c: argon2id, v=19, t=2, m=2^16 KiB, p=1, "password" salted with "somesalt"
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(PasswordHash.matches("password", reference)).isTrue();
        assertThat(PasswordHash.matches("Password", reference)).isFalse();
    }

    @Test
    void aNewHashCarriesItsSaltAndCostAndChecksOnlyItsPassword() {
        String hash = PasswordHash.of("correct horse battery staple");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHash.of("correct horse battery staple")).as("a fresh salt each time").isNotEqualTo(hash);
        assertThat(PasswordHash.matches("correct horse battery staple", hash)).isTrue();
        assertThat(PasswordHash.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(PasswordHash.matches("密码也可以是中文的十二个字符啊", PasswordHash.of("密码也可以是中文的十二个字符啊"))).isTrue();
    }

    @Test
    void aStoredStringThatIsNoHashOrAsksTooMuchMatchesNothing() {
        String hash = PasswordHash.of("correct horse battery staple");
        assertThat(PasswordHash.matches("correct horse battery staple", hash.replace("$argon2id$", "$argon2i$"))).isFalse();
        assertThat(PasswordHash.matches("correct horse battery staple", "")).isFalse();
        assertThat(PasswordHash.matches("correct horse battery staple", "plain text")).isFalse();
        // a tampered row asking for 8 GiB is refused before any memory is taken
        assertThat(PasswordHash.matches("correct horse battery staple", hash.replace("m=19456", "m=8388608"))).isFalse();
        assertThat(PasswordHash.matches("correct horse battery staple", hash.replace("t=2", "t=999"))).isFalse();
    }
}
