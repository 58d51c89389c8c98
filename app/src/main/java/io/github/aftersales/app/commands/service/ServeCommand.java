package io.github.aftersales.app.commands.service;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.app.commands.register.RegisterLocation;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.service.ApiServer;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.ServiceRoutes;
import io.github.aftersales.service.accounts.AccountRoutes;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.service.accounts.ServiceDatabase;
import io.github.aftersales.service.accounts.SessionRoutes;
import io.github.aftersales.service.accounts.SignIns;
import io.github.aftersales.service.assessments.AssessmentRoutes;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.Assessments;
import io.github.aftersales.service.assessments.Evidence;
import io.github.aftersales.service.assessments.EvidenceRoutes;
import io.github.aftersales.service.assessments.EvidenceStore;
import io.github.aftersales.web.AdminPages;
import io.github.aftersales.web.Pages;
import io.github.aftersales.web.RegisterPages;
import io.github.aftersales.service.assessments.RegisterCertifier;
import io.github.aftersales.service.register.RegisterRoutes;
import io.github.aftersales.spi.Scheme;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the JSON API over the register's database, until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Serve the JSON API (docs/service.md; its description at /api/v1/openapi.json) over the"
                + " register's database: the schemes, blank templates, grading, and assessments filled by auditors,"
                + " reviewed by managers and approved into the register, the register's certificates, what is due and the"
                + " decisions on them, for accounts with an API token ('aftersales accounts add') or a password"
                + " ('aftersales accounts password'). Runs until stopped (Ctrl-C or SIGTERM: requests in flight finish).",
            "On the embedded register the service holds its file while it runs: stop it to use 'register' or"
                + " 'accounts' on the same file, or share a PostgreSQL register instead."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ApiServer.Settings.DEFAULT_PORT,
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ApiServer.Settings.LOOPBACK,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Listen on others"
                    + " only behind a proxy that adds TLS: tokens travel in each request.")
    String bind;

    @Option(names = "--register", paramLabel = "URL|DIR",
            description = "The register's database, as for 'register' (default: $AFTERSALES_REGISTER, else 'url' in"
                    + " ~/.config/aftersales/register.properties, else ~/.local/share/aftersales).")
    String location;

    @Option(names = "--evidence-file-limit", paramLabel = "MiB", defaultValue = "20",
            description = "The most one evidence file may be, in MiB (default: ${DEFAULT-VALUE}).")
    long evidenceFileMiB;

    @Option(names = "--evidence-limit", paramLabel = "MiB", defaultValue = "200",
            description = "The most the evidence files of one assessment may be together, in MiB (default:"
                    + " ${DEFAULT-VALUE}).")
    long evidenceMiB;

    @Spec
    CommandSpec spec;

    private final Provider<SchemeRegistry> registry;
    private final Provider<Map<String, Scheme>> schemes;
    private final Provider<Evaluator> evaluator;

    @Inject
    ServeCommand(Provider<SchemeRegistry> registry, Provider<Map<String, Scheme>> schemes, Provider<Evaluator> evaluator) {
        this.registry = registry;
        this.schemes = schemes;
        this.evaluator = evaluator;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserException(ExitCode.USAGE, "--port must be between 0 and 65535, not " + port);
        }
        if (evidenceFileMiB < 1 || evidenceFileMiB > 1024 || evidenceMiB < evidenceFileMiB || evidenceMiB > 1_048_576) {
            throw new UserException(ExitCode.USAGE, "--evidence-file-limit must be between 1 and 1024 (MiB), and"
                    + " --evidence-limit between it and 1048576, not " + evidenceFileMiB + " and " + evidenceMiB);
        }
        Evidence.Limits limits = new Evidence.Limits(evidenceFileMiB << 20, evidenceMiB << 20);
        RegisterSettings settings = RegisterLocation.fromEnvironment(location);
        Evaluator engine = evaluator.get(); // the plugins are loaded before anything listens
        ServiceDatabase database = ServiceDatabase.open(settings);
        Accounts accounts = new Accounts(database.jdbi(), Clock.systemDefaultZone());
        SignIns signIns = new SignIns(database.jdbi(), Clock.systemDefaultZone(), accounts);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        List<Route> routes = new ArrayList<>(new ServiceRoutes(meters).routes());
        routes.addAll(new GradingRoutes(registry.get(), schemes.get(), engine,
                ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES).routes());
        routes.addAll(new SessionRoutes(signIns).routes());
        routes.addAll(new AccountRoutes(new ChangeLog(database.jdbi(), Clock.systemDefaultZone())).routes());
        Assessments assessments = new Assessments(new AssessmentStore(database.jdbi(), Clock.systemDefaultZone()),
                new RegisterCertifier(settings, schemes.get(), Clock.systemDefaultZone()), schemes.get(), engine,
                accounts::roleOf, new ChangeLog(database.jdbi(), Clock.systemDefaultZone()));
        routes.addAll(new AssessmentRoutes(assessments, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES).routes());
        Evidence evidence = new Evidence(assessments, new EvidenceStore(database.jdbi(), Clock.systemDefaultZone()),
                new ChangeLog(database.jdbi(), Clock.systemDefaultZone()), limits);
        routes.addAll(new EvidenceRoutes(evidence).routes());
        // the register's routes: one register open for the service's life, each decision recorded as its manager's
        Register register = Register.open(settings, Register.Access.UPDATE, Clock.systemDefaultZone(), "serve");
        RegisterRoutes registerRoutes = new RegisterRoutes(register, schemes.get(), engine, new ChangeLog(
                database.jdbi(), Clock.systemDefaultZone()), Clock.systemDefaultZone(),
                ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES);
        routes.addAll(registerRoutes.routes());
        // the pages for people in a browser, over the same assessments and sessions
        routes.addAll(new Pages(assessments, signIns, evidence).routes());
        routes.addAll(new RegisterPages(register, registerRoutes, schemes.get(), Clock.systemDefaultZone()).routes());
        routes.addAll(new AdminPages(signIns, registry.get(), new ChangeLog(database.jdbi(), Clock.systemDefaultZone()))
                .routes());
        ApiServer server;
        try {
            server = ApiServer.start(new ApiServer.Settings(bind, port, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES,
                    limits.perFile()), routes, signIns, meters);
        } catch (ApiServer.CannotListen e) {
            register.close();
            database.close();
            throw new UserException(ExitCode.LISTEN, e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // requests in flight finish first
            register.close();
            database.close();
            stopped.countDown();
        }, "stop-service"));
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        spec.commandLine().getOut().println("serving the API at http://" + host + ":" + server.port() + "/api/v1"
                + " (described at /api/v1/openapi.json) and the pages at http://" + host + ":" + server.port() + "/;"
                + " register: " + settings.describe());
        spec.commandLine().getOut().flush();
        if (accounts.list().isEmpty()) {
            spec.commandLine().getErr().println("warning: no account yet: stop the service and make the first with"
                    + " 'aftersales accounts add NAME --role admin' (on PostgreSQL, while it runs)");
        }
        stopped.await();
        return ExitCode.OK;
    }
}
