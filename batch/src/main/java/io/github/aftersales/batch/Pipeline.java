package io.github.aftersales.batch;

import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads assessments one at a time, evaluates them on several threads, and hands the outcomes on in
 * the order they were read. At most a small window of assessments is in flight, so memory stays
 * flat however many are read.
 */
public final class Pipeline {

    /**
     * One assessment's outcome: a result (with its rendering, when one was asked for: text, or bytes), or
     * the error that stopped it.
     */
    public record Outcome<T>(String source, EvaluationResult result, T rendered, RuntimeException error) {
    }

    private Pipeline() {
    }

    /**
     * @param render writes a result as the output wants it, on the evaluating thread (the explanations
     *               a result holds are written when first read, so rendering is where that work is
     *               done, and it is spread over the threads too); returns {@code null} for nothing
     */
    public static <T> void run(List<String> inputs, InputStream stdin, Evaluator evaluator, EvaluationOptions options,
            int workers, Function<EvaluationResult, T> render, Consumer<Outcome<T>> sink) throws InterruptedException {
        run(inputs, stdin, evaluator, options, workers, true, render, sink);
    }

    /**
     * As {@link #run(List, InputStream, Evaluator, EvaluationOptions, int, Function, Consumer)}; with
     * {@code digests} false, no result's provenance names its input's digest (an output that shows no
     * provenance, text or a summary, need not read each file again).
     */
    public static <T> void run(List<String> inputs, InputStream stdin, Evaluator evaluator, EvaluationOptions options,
            int workers, boolean digests, Function<EvaluationResult, T> render, Consumer<Outcome<T>> sink)
            throws InterruptedException {
        if (workers <= 1) {
            BatchReader.read(inputs, stdin, entry -> sink.accept(evaluate(entry, evaluator, options, digests, render)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Outcome<T>>> window = new ArrayDeque<>();
        int most = workers * 8;
        try {
            BatchReader.read(inputs, stdin, entry -> {
                window.add(pool.submit(() -> evaluate(entry, evaluator, options, digests, render)));
                while (window.size() > most) {
                    sink.accept(take(window));
                }
            });
            while (!window.isEmpty()) {
                sink.accept(take(window));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> take(Deque<Future<Outcome<T>>> window) {
        try {
            return window.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // as it was: out of memory is reported as such, not as an internal error
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static <T> Outcome<T> evaluate(BatchReader.Entry entry, Evaluator evaluator, EvaluationOptions options,
            boolean digests, Function<EvaluationResult, T> render) {
        if (entry.error() != null) {
            return new Outcome<>(entry.error().source(), null, null, entry.error());
        }
        io.github.aftersales.core.assessment.Assessment assessment;
        try {
            assessment = entry.assessment(); // parsed here, on the evaluating thread
        } catch (LocatedException e) {
            return new Outcome<>(e.source(), null, null, e);
        }
        EvaluationResult result;
        try {
            result = evaluator.evaluate(assessment, options);
            if (digests && result.provenance() != null) {
                result = result.withProvenance(result.provenance().withInputDigest(entry.inputDigest().get()));
            }
        } catch (LocatedException | SchemeFailureException e) {
            return new Outcome<>(assessment.source(), null, null, e);
        }
        try {
            return new Outcome<>(assessment.source(), result, render.apply(result), null);
        } catch (SchemeFailureException e) { // a plugin asked while rendering (HTML asks for its variant)
            return new Outcome<>(assessment.source(), null, null, e);
        }
    }
}
