package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Evaluations;
import io.github.aftersales.register.Register;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the register's subcommands share: the register, the engine and the schemes. */
abstract class RegisterSubcommand implements Callable<Integer> {
    // providers: the schemes (and so the plugins) are loaded when a command needs them, not for --help
    private final Provider<Evaluator> evaluator;
    private final Provider<Map<String, Scheme>> schemes;

    @ParentCommand
    RegisterCommand parent;

    @Spec
    CommandSpec spec;

    RegisterSubcommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        this.evaluator = evaluator;
        this.schemes = schemes;
    }

    Evaluator evaluator() {
        return evaluator.get();
    }

    Map<String, Scheme> schemes() {
        return schemes.get();
    }

    Register open(Register.Access access) {
        if (access != Register.Access.READ) {
            schemes(); // the plugins are loaded before the register is opened to be written, never during
        }
        return Register.open(parent.settings(), access);
    }

    Optional<Variant> variant(String scheme, String variant) {
        return Optional.ofNullable(schemes().get(scheme)).flatMap(s -> s.variant(variant));
    }

    /** Evaluates a file for a certificate of the register, whose scheme must be installed. */
    EvaluatedAssessment evaluate(Path file, CertificateView certificate, LocalDate date,
            io.github.aftersales.core.evaluation.EvaluationOptions options) {
        String scheme = certificate.certificate().scheme();
        if (!schemes().containsKey(scheme)) {
            throw new UserException(ExitCode.INPUT, "certificate " + certificate.label() + " is of scheme " + scheme
                    + ", which is not installed here ('aftersales schemes' lists what is; a plugin is loaded with"
                    + " --plugins DIR)");
        }
        if (AssessmentInputs.batch(java.util.List.of(file.toString()))) {
            throw new UserException(ExitCode.USAGE, Printable.of(file.toString()) + ": give one assessment"
                    + " file; only 'record' takes folders and NDJSON");
        }
        AssessmentInputs.Input[] input = {null};
        AssessmentInputs.read(java.util.List.of(file.toString()), System.in, i -> input[0] = i);
        return read(input[0], scheme, date, options).evaluated();
    }

    /** The file as read and its part evaluated for the register. */
    record Read(Assessment assessment, EvaluatedAssessment evaluated) {
    }

    /** Evaluates what was read, the bytes read being the bytes stored; a problem reading it is thrown. */
    Read read(AssessmentInputs.Input input, String scheme, LocalDate date,
            io.github.aftersales.core.evaluation.EvaluationOptions options) {
        if (input.error() != null) {
            throw input.error();
        }
        EvaluationResult result = evaluator().evaluate(input.assessment(), options).withInput(input.bytes());
        EvaluatedAssessment evaluated = Evaluations.pick(input.fileName(), input.bytes(), input.assessment(), result,
                id -> Optional.ofNullable(schemes().get(id)), scheme, date, r -> Json.compact(JsonReport.scheme(r)));
        // stored with the entry and sealed in its chain: what the result was made from (docs/register.md)
        evaluated = result.provenance() == null ? evaluated
                : evaluated.withProvenance(Json.compact(JsonReport.provenance(result.provenance())));
        // a surveillance decides with the readings the grade was worked out with
        return new Read(input.assessment(), evaluated.withReadings(options.readings()));
    }

    /** Refuses an output file that is the register itself (as H2 names its file): --force must not destroy it. */
    void refuseRegisterAsOutput(Path output, Register register) {
        Optional<Path> registerFile = register.file();
        if (output != null && registerFile.isPresent() && (output.toAbsolutePath().normalize().equals(registerFile
                .get()) || io.github.aftersales.app.commands.EvaluateCommand.sameFile(output, registerFile.get()))) {
            throw new UserException(ExitCode.OUTPUT, output + ": is the register's own file; choose another"
                    + " output file");
        }
    }

    void print(String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }

    /** The text or JSON choice of the commands that show. */
    public enum Format { text, json }
}
