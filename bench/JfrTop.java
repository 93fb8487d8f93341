import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's method samples: samples per thread group, the hottest methods by
 * own samples, and the methods (Touchpoint's, JDBC and Jackson) that samples pass through most.
 * Java samples ({@code jdk.ExecutionSample}) and samples of threads inside native code
 * ({@code jdk.NativeMethodSample}, for example DuckDB's C++ engine behind JNI) are counted apart;
 * native samples of threads that only wait (for a connection, a socket, a lock) are left out.
 *
 * <p>Usage: {@code JfrTop recording.jfr [top]}
 */
final class JfrTop {

    private static final Set<String> WAITS = Set.of(
            "sun.nio.ch.Net.accept",
            "sun.nio.ch.Net.poll",
            "sun.nio.ch.EPoll.wait",
            "sun.nio.ch.SocketDispatcher.read0",
            "java.net.SocketInputStream.socketRead0",
            "sun.nio.ch.NioSocketImpl.park",
            "jdk.internal.misc.Unsafe.park",
            "java.lang.Object.wait",
            "java.lang.Thread.sleep");

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Map<String, Integer>> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> through = new HashMap<>();
        Map<String, Integer> sites = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String kind = event.getEventType().getName();
            if (!kind.equals("jdk.ExecutionSample") && !kind.equals("jdk.NativeMethodSample")) {
                continue;
            }
            String sampleKind = kind.equals("jdk.ExecutionSample") ? "java" : "native";
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (WAITS.contains(name(frames.get(0)))) {
                continue;
            }
            String thread = group(
                    event.getThread("sampledThread") == null
                            ? "?"
                            : event.getThread("sampledThread").getJavaName());
            threads.computeIfAbsent(thread, t -> new HashMap<>()).merge(sampleKind, 1, Integer::sum);
            total.merge(sampleKind, 1, Integer::sum);
            self.merge(sampleKind + "  " + name(frames.get(0)), 1, Integer::sum);
            sites.merge(sampleKind + "  " + name(frames.get(0)) + site(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (interesting(name) && seen.add(name)) {
                    through.merge(sampleKind + "  " + name, 1, Integer::sum);
                }
            }
        }
        System.out.println("samples (idle waits left out): " + total);
        System.out.println("\nsamples by thread (java / native):");
        threads.entrySet().stream()
                .sorted((a, b) -> sum(b.getValue()) - sum(a.getValue()))
                .forEach(e -> System.out.printf(
                        "  %-28s %6d / %6d%n",
                        e.getKey(),
                        e.getValue().getOrDefault("java", 0),
                        e.getValue().getOrDefault("native", 0)));
        print("top methods by own samples", self, top);
        print("Touchpoint, JDBC and Jackson methods by samples passing through them", through, top);
        print("call sites: hot method <- the two nearest Touchpoint frames", sites, top);
    }

    private static void print(String title, Map<String, Integer> counts, int top) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(top)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String site(List<RecordedFrame> frames) {
        StringBuilder site = new StringBuilder();
        int found = 0;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.touchpoint") && !type.contains("$$Lambda")) {
                site.append(" <- ")
                        .append(type.substring(type.lastIndexOf('.') + 1))
                        .append('.')
                        .append(frame.getMethod().getName())
                        .append(':')
                        .append(frame.getLineNumber());
                if (++found == 2) {
                    break;
                }
            }
        }
        return site.toString();
    }

    private static String group(String thread) {
        return thread.replaceAll("-\\d+$", "-N").replaceAll("\\d+", "N");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean interesting(String name) {
        return name.startsWith("io.touchpoint")
                || name.startsWith("org.duckdb")
                || name.startsWith("org.postgresql")
                || name.startsWith("tools.jackson.databind.ObjectMapper")
                || name.startsWith("tools.jackson.databind.ObjectWriter")
                || name.startsWith("tools.jackson.databind.ObjectReader")
                || name.startsWith("org.springframework.http.converter")
                || name.startsWith("org.apache.coyote.http11.Http11Processor.service");
    }
}
