package io.github.aftersales.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a realistic service-record export in the documented columns (docs/records.md): the same
 * count and seed give the same bytes. {@code examples/records/service-requests.csv} is
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.ServiceRecordsGenerator
 * 10000 2026 examples/records/service-requests.csv}.
 *
 * <p>What it draws (all from one {@link SplittableRandom} seeded with the seed, in row order): a request
 * opened on a day uniformly in 2025-10-01 … 2026-09-30 between 08:00 and 19:59; its type (repair 40 %,
 * installation 20 %, consultation 20 %, complaint 8 %, return 7 %, maintenance 5 %) and channel (电话 40 %,
 * 在线客服 25 %, 微信 20 %, 门店 15 %); the first response a log-normal number of minutes after (median 20
 * by phone or in the shop, 45 otherwise); the resolution a log-normal time after that, by type (median
 * 10 minutes for a consultation, 20 hours for a repair, 24 for an installation or maintenance, 30 for
 * a complaint, 40 for a return); the promised limit by type (48, 48, none, 72, 168, 72 hours); 1 % of
 * requests (2.5 % of complaints) still open; contacts 1 (75 %), 2 (18 %) or 3; a satisfaction score
 * on 6 requests in 10 (5: 45 %, 4: 35 %, 3: 12 %, 2: 5 %, 1: 3 %); one complaint in 400 a major one,
 * rectified 5 to 30 days later in 4 cases of 5. One row in 2,000 carries a slip an export really has
 * (a 30 February, a score of 6, a first response before the opening) to show a bad row skipped.
 */
public final class ServiceRecordsGenerator {

    static final String HEADER = "id,type,channel,opened,first_response,resolved,contacts,promised_hours,satisfaction,"
            + "major_complaint,rectified_on\n";
    private static final LocalDate FIRST = LocalDate.of(2025, 10, 1);
    private static final int DAYS = 365;

    private ServiceRecordsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ServiceRecordsGenerator COUNT SEED FILE");
            System.exit(2);
        }
        write(Long.parseLong(args[0]), Long.parseLong(args[1]), Path.of(args[2]));
    }

    /** Writes {@code count} records to {@code file} (whole or not at all: a temporary file renamed). */
    public static void write(long count, long seed, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(dir, ".records", ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            write(count, seed, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void write(long count, long seed, Writer w) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        w.write(HEADER);
        StringBuilder b = new StringBuilder(160);
        for (long i = 1; i <= count; i++) {
            b.setLength(0);
            row(random, i, b);
            w.append(b);
        }
    }

    private static double logNormal(SplittableRandom r, double median, double sigma) {
        // Box-Muller: one normal from two uniforms
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return median * Math.exp(sigma * z);
    }

    private static void row(SplittableRandom r, long n, StringBuilder b) {
        double t = r.nextDouble();
        String type = t < 0.40 ? "repair" : t < 0.60 ? "installation" : t < 0.80 ? "consultation" : t < 0.88
                ? "complaint" : t < 0.95 ? "return" : "maintenance";
        double c = r.nextDouble();
        String channel = c < 0.40 ? "电话" : c < 0.65 ? "在线客服" : c < 0.85 ? "微信" : "门店";
        long day = FIRST.toEpochDay() + r.nextInt(DAYS);
        long opened = day * 86_400 + 8 * 3600 + r.nextInt(12 * 3600 / 60) * 60L;
        boolean quick = channel.equals("电话") || channel.equals("门店");
        long first = opened + 60L * Math.max(1, Math.round(logNormal(r, quick ? 20 : 45, 0.9)));
        double hours = switch (type) {
            case "consultation" -> 10.0 / 60;
            case "repair" -> 20;
            case "installation", "maintenance" -> 24;
            case "complaint" -> 30;
            default -> 40;
        };
        long resolved = first + 60L * Math.max(1, Math.round(logNormal(r, hours * 60, 0.8)));
        boolean complaint = type.equals("complaint");
        boolean open = r.nextDouble() < (complaint ? 0.025 : 0.01);
        String promised = switch (type) {
            case "repair", "installation" -> "48";
            case "complaint", "maintenance" -> "72";
            case "return" -> "168";
            default -> "";
        };
        double k = r.nextDouble();
        int contacts = open ? 1 + (k < 0.5 ? 0 : 1) : k < 0.75 ? 1 : k < 0.93 ? 2 : 3;
        String score = "";
        if (!open && r.nextDouble() < 0.6) {
            double s = r.nextDouble();
            score = s < 0.45 ? "5" : s < 0.80 ? "4" : s < 0.92 ? "3" : s < 0.97 ? "2" : "1";
        }
        boolean major = complaint && r.nextInt(400) == 0;
        String rectified = "";
        if (major && !open && r.nextInt(5) != 0) {
            rectified = LocalDate.ofEpochDay(Math.floorDiv(resolved, 86_400) + 5 + r.nextInt(26)).toString();
        }
        int slip = r.nextInt(2000) == 0 ? 1 + r.nextInt(3) : 0;
        String id = String.format("SR%08d", n);
        b.append(id).append(',').append(type).append(',').append(channel).append(',');
        if (slip == 1) {
            b.append("2026-02-30 10:00");
        } else {
            time(b, opened);
        }
        b.append(',');
        time(b, slip == 3 ? opened - 3600 : first);
        b.append(',');
        if (!open) {
            time(b, resolved);
        }
        b.append(',').append(contacts).append(',').append(promised).append(',').append(slip == 2 ? "6" : score)
                .append(',').append(major ? "yes" : "").append(',').append(rectified).append('\n');
    }

    private static void time(StringBuilder b, long epochSecond) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC);
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute());
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append(v < 10 ? "0" : "").append(v);
    }
}
