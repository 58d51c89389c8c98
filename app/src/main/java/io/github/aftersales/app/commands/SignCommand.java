package io.github.aftersales.app.commands;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.reports.Printable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sign}: a result signed with a key the certification body holds, as a detached JWS (RFC 7515,
 * appendix F) over the result file's bytes, written beside it as {@code RESULT.jws}; {@code verify
 * --key} checks it. {@code sign --new-key KEY.jwk} makes the key: an EC P-256 private key (ES256) as a
 * JWK, and its public half beside it, {@code KEY.public.jwk}, to give to whoever checks.
 */
@Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sign a result file with the certification body's key: writes RESULT.jws, a detached JWS"
                + " (ES256) over the file's bytes, which 'verify RESULT --key KEY.public.jwk' checks. With --new-key,"
                + " make a key: KEY (private, keep it) and KEY.public.jwk (give it to whoever checks)."})
public final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULT", description = "The result file to sign.")
    Path result;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Key key;

    /** The key to sign with, or the key to make. */
    static final class Key {
        @Option(names = "--key", paramLabel = "KEY", description = "The private key (a JWK file, from --new-key).")
        Path use;

        @Option(names = "--new-key", paramLabel = "KEY", description = "Make a new key in KEY and KEY.public.jwk.")
        Path make;
    }

    @Option(names = "--force", description = "Replace an existing RESULT.jws (a new key never replaces a file).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (key.make != null) {
            if (result != null) {
                throw new UserException(ExitCode.USAGE, "--new-key makes a key and signs nothing: give no RESULT");
            }
            return newKey(key.make);
        }
        if (result == null) {
            throw new UserException(ExitCode.USAGE, "name the RESULT to sign");
        }
        ECKey ec = privateKey(key.use);
        byte[] bytes = read(result);
        Path jws = signatureOf(result);
        if (Files.exists(jws) && !force) {
            throw new UserException(ExitCode.OUTPUT, Printable.of(jws.toString()) + ": exists; use --force to"
                    + " replace it");
        }
        try {
            JWSObject o = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
                    new Payload(bytes));
            o.sign(new ECDSASigner(ec));
            Files.writeString(jws, o.serialize(true) + "\n", StandardCharsets.US_ASCII);
        } catch (JOSEException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(key.use.toString()) + ": cannot sign with this key: "
                    + e.getMessage());
        }
        spec.commandLine().getOut().println("signed " + Printable.of(result.toString()) + ": " + Printable.of(
                jws.toString()) + " (key " + ec.getKeyID() + ")");
        return ExitCode.OK;
    }

    private int newKey(Path file) throws IOException {
        Path pub = publicKeyFile(file);
        for (Path p : new Path[] {file, pub}) {
            if (Files.exists(p)) {
                throw new UserException(ExitCode.OUTPUT, Printable.of(p.toString()) + ": exists; a key is never"
                        + " replaced (choose another name)");
            }
        }
        ECKey ec;
        try {
            ec = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("this Java cannot make an EC P-256 key", e);
        }
        Files.writeString(file, ec.toJSONString() + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's own rules apply
        }
        Files.writeString(pub, ec.toPublicJWK().toJSONString() + "\n", StandardCharsets.US_ASCII);
        spec.commandLine().getOut().println("made key " + ec.getKeyID() + ": " + Printable.of(file.toString())
                + " (private: keep it) and " + Printable.of(pub.toString()) + " (public: for verify --key)");
        return ExitCode.OK;
    }

    /** {@code body.jwk} → {@code body.public.jwk}. */
    static Path publicKeyFile(Path key) {
        String name = key.getFileName().toString().replaceFirst("\\.jwk$", "");
        return key.resolveSibling(name + ".public.jwk");
    }

    /** Where a result's signature is: {@code RESULT.jws} beside it. */
    static Path signatureOf(Path result) {
        return result.resolveSibling(result.getFileName() + ".jws");
    }

    private static ECKey privateKey(Path file) {
        JWK jwk = jwk(file);
        if (!(jwk instanceof ECKey ec) || !jwk.isPrivate()) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": is not a private EC key"
                    + " ('aftersales sign --new-key KEY.jwk' makes one)");
        }
        return ec;
    }

    private static JWK jwk(Path file) {
        try {
            return JWK.parse(new String(read(file), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": is not a JWK key file ("
                    + e.getMessage() + ")");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": no such file");
        } catch (IOException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": cannot be read: "
                    + e.getMessage());
        }
    }

    /**
     * Checks {@code RESULT.jws} against the result's bytes and the public key in {@code keyFile}: {@code null}
     * when the signature holds, else why not.
     */
    static String check(Path result, byte[] bytes, Path keyFile) {
        JWK jwk = jwk(keyFile);
        if (!(jwk instanceof ECKey ec)) {
            throw new UserException(ExitCode.INPUT, Printable.of(keyFile.toString()) + ": is not an EC key");
        }
        Path jws = signatureOf(result);
        String text;
        try {
            text = Files.readString(jws, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Printable.of(jws.toString()) + ": no such file: the result is not signed";
        } catch (IOException e) {
            return Printable.of(jws.toString()) + ": cannot be read: " + e.getMessage();
        }
        try {
            JWSObject o = JWSObject.parse(text, new Payload(bytes));
            if (!JWSAlgorithm.ES256.equals(o.getHeader().getAlgorithm())) {
                return Printable.of(jws.toString()) + ": is signed with " + o.getHeader().getAlgorithm() + ", not ES256";
            }
            if (!o.verify(new ECDSAVerifier(ec.toPublicJWK()))) {
                return "the signature " + Printable.of(jws.toString()) + " does not hold: the result was changed after"
                        + " it was signed, or signed with another key than " + Printable.of(keyFile.toString())
                        + " (" + ec.getKeyID() + ")";
            }
            return null;
        } catch (java.text.ParseException | JOSEException | IllegalStateException e) {
            return Printable.of(jws.toString()) + ": is not a detached JWS (" + e.getMessage() + ")";
        }
    }
}
