package dev.camelvobiz.emulator.cli;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.LoadReport;
import dev.camelvobiz.emulator.LoadSpec;
import dev.camelvobiz.emulator.StartShape;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.console.CallRecordJson;
import dev.camelvobiz.emulator.console.ConsoleSettings;
import dev.camelvobiz.emulator.console.WebConsole;
import dev.camelvobiz.emulator.record.CallObserver;
import dev.camelvobiz.emulator.record.CallRecord;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

/**
 * The emulator on the command line: {@code call} places one call and writes what the caller heard
 * ({@code heard.wav}) and a timeline; {@code stream} does the same straight into a stream URL;
 * {@code load} runs N concurrent calls and prints round-trip percentiles; {@code console} serves the
 * web console (a softphone and call viewer in the browser).
 */
public final class EmulatorCli {

    private static final String USAGE =
            """
            usage:
              call   <answer_url> [options]   place a call: fetch answer_url, run the XML, talk on the stream
              stream <ws_url>     [options]   a call answered straight into a bidirectional stream
              load   <ws_url> [--calls N] [--seconds S] [--ramp S] [--warmup S] [--content-type T] [--json FILE]
              console --answer-url URL [--port 8090] [--host 127.0.0.1] [--allowed-hosts a,b] [--from N --to N] [--stream-dtmf true]
                                              a web page: call answer_url from the browser's microphone, hear
                                              the app, watch the call (and load saved call records)
            call/stream options:
              --caller-audio A    what the caller says: a .wav file, tone:<hz>[:<ms>], raw:<contentType>:<file>, silence
              --out DIR           where heard.wav, said.wav, timeline.txt and call.json go (default .)
              --from N --to N     caller and called numbers
              --hangup-url URL    where the Hangup webhook goes
              --shape S           nested (current Vobiz, default), flat (legacy) or plivo
              --content-type T    stream contentType for 'stream' (default audio/x-l16;rate=8000)
              --dtmf T:DIGITS     caller presses DIGITS at time T (e.g. 3s:12#); repeatable
              --say T:A           caller starts saying audio A at time T (barge-in); repeatable
              --drop T            the stream connection drops at time T; repeatable
              --hangup-after T    caller hangs up at time T
              --timeout T         give up waiting after T (default 10m)
              --auth-id ID --auth-token TOKEN    account for the REST API and callback signatures
            """;

    private EmulatorCli() {}

    public static void main(String[] args) throws Exception {
        // The command line's own output is the timeline; keep Jetty's start-up lines out of it.
        System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        System.setProperty("org.eclipse.jetty.util.ssl.LEVEL", "ERROR");
        int exit;
        try {
            exit = run(args, System.out);
        } catch (IllegalArgumentException e) { // a bad URL or option: the user's mistake, said plainly
            System.out.println("error: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    static int run(String[] arguments, PrintStream out) throws Exception {
        List<String> all = List.of(arguments);
        if (all.contains("--help") || all.contains("-h") || all.contains("help")) {
            out.print(USAGE);
            return 0;
        }
        Deque<String> args = new ArrayDeque<>(all);
        if (args.size() < 2) {
            out.print(USAGE);
            return 2;
        }
        String command = args.pop();
        String target = command.equals("console") ? null : args.pop();
        if (target != null && target.startsWith("--")) {
            out.println(command + " needs its URL before the options, not " + target);
            out.print(USAGE);
            return 2;
        }
        String problem = List.of("call", "stream", "load").contains(command) ? urlProblem(command, target) : null;
        if (problem != null) {
            out.println(problem);
            return 2;
        }
        Options options = Options.parse(args);
        EmulatorOptions emulatorOptions = EmulatorOptions.defaults().trustAllCertificates(true);
        options.value("--auth-id").ifPresent(emulatorOptions::authId);
        options.value("--auth-token").ifPresent(emulatorOptions::authToken);
        try (Emulator emulator = Emulator.start(emulatorOptions)) {
            return switch (command) {
                case "call" -> call(emulator, CallSpec.answerUrl(target), target, options, out);
                case "stream" ->
                    call(
                            emulator,
                            CallSpec.stream(target)
                                    .streamContentType(
                                            options.value("--content-type").orElse("audio/x-l16;rate=8000")),
                            target,
                            options,
                            out);
                case "load" -> load(emulator, target, options, out);
                case "console" -> console(emulator, options, out);
                default -> {
                    out.print(USAGE);
                    yield 2;
                }
            };
        }
    }

    private static int call(Emulator emulator, CallSpec spec, String target, Options options, PrintStream out)
            throws Exception {
        options.value("--caller-audio").map(AudioSource::parse).ifPresent(spec::callerAudio);
        options.value("--from").ifPresent(spec::from);
        options.value("--to").ifPresent(spec::to);
        options.value("--hangup-url").ifPresent(spec::hangupUrl);
        options.value("--shape")
                .map(s -> StartShape.valueOf(s.toUpperCase(Locale.ROOT)))
                .ifPresent(spec::shape);
        for (String dtmf : options.values("--dtmf")) {
            int colon = dtmf.indexOf(':');
            spec.dtmfAt(Options.duration(dtmf.substring(0, colon)), dtmf.substring(colon + 1));
        }
        for (String say : options.values("--say")) {
            int colon = say.indexOf(':');
            spec.sayAt(Options.duration(say.substring(0, colon)), AudioSource.parse(say.substring(colon + 1)));
        }
        options.values("--drop").forEach(at -> spec.dropStreamAt(Options.duration(at)));
        options.value("--hangup-after").map(Options::duration).ifPresent(spec::hangupAt);
        Duration timeout = options.value("--timeout").map(Options::duration).orElse(Duration.ofMinutes(10));
        spec.maxDuration(timeout);
        Path outDir = Path.of(options.value("--out").orElse("."));
        Files.createDirectories(outDir);

        out.println("calling " + target + " (the caller hangs up after " + timeout.toSeconds()
                + " s at the latest; --timeout changes it, Ctrl-C stops)");
        spec.observer(
                new CallObserver() { // the timeline, live, as the call happens
                    @Override
                    public void logged(CallRecord.Entry entry) {
                        out.println(entry);
                    }
                });
        EmulatedCall call = emulator.call(spec);
        CallRecord.Hangup hangup;
        try {
            hangup = call.awaitHangup(timeout.plusSeconds(5));
        } catch (TimeoutException e) {
            out.println("The call did not end within " + timeout);
            return 1;
        }
        emulator.close(); // delivers the last callbacks before the record is written
        CallRecord record = call.record();
        record.writeHeardWav(outDir.resolve("heard.wav"));
        record.writeSaidWav(outDir.resolve("said.wav"));
        record.writeTimeline(outDir.resolve("timeline.txt"));
        CallRecordJson.write(record, outDir.resolve("call.json"));
        out.println("call " + record.callUuid() + " hangup: " + hangup.cause() + " " + hangup.causeCode() + " ("
                + hangup.source() + ")");
        out.println("checkpoints played " + record.checkpointsPlayed() + ", voided " + record.checkpointsVoided());
        if (!record.violations().isEmpty()) {
            out.println("protocol violations by the app: " + record.violations());
        }
        out.println("wrote heard.wav, said.wav, timeline.txt and call.json (open it in the console) in " + outDir);
        return 0;
    }

    /** Why {@code target} cannot be the URL {@code command} needs, or null if it can. */
    private static String urlProblem(String command, String target) {
        List<String> schemes = command.equals("call") ? List.of("http", "https") : List.of("ws", "wss");
        try {
            URI url = new URI(target);
            if (url.getScheme() != null
                    && schemes.contains(url.getScheme().toLowerCase(Locale.ROOT))
                    && url.getHost() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        return command + " needs a " + String.join(" or ", schemes) + " URL, not '" + target + "'";
    }

    /** Serves the web console until the process is stopped (Ctrl-C). */
    private static int console(Emulator emulator, Options options, PrintStream out) throws InterruptedException {
        Optional<String> answerUrl = options.value("--answer-url");
        if (answerUrl.isEmpty()) {
            out.println("console needs --answer-url URL: where the page's calls go (the page can change it)");
            out.print(USAGE);
            return 2;
        }
        ConsoleSettings settings = ConsoleSettings.of(answerUrl.get())
                .withHost(options.value("--host").orElse("127.0.0.1"))
                .withPort(
                        Integer.parseInt(options.value("--port").orElse(String.valueOf(ConsoleSettings.DEFAULT_PORT))))
                .withStreamDtmf(
                        Boolean.parseBoolean(options.value("--stream-dtmf").orElse("false")));
        Optional<String> allowedHosts = options.value("--allowed-hosts");
        if (allowedHosts.isPresent()) {
            settings = settings.withAllowedHosts(List.of(allowedHosts.get().split(","))); // repeats allowed
        }
        if (options.value("--from").isPresent() || options.value("--to").isPresent()) {
            settings = settings.withNumbers(
                    options.value("--from").orElse(settings.from()),
                    options.value("--to").orElse(settings.to()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (WebConsole console = WebConsole.start(emulator, settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "vobiz-console-stop"));
            out.println("Vobiz emulator console: open " + console.url() + " (calls go to " + settings.answerUrl()
                    + "; Ctrl-C stops)");
            stopped.await();
        }
        return 0;
    }

    private static int load(Emulator emulator, String streamUrl, Options options, PrintStream out) throws Exception {
        int calls = Integer.parseInt(options.value("--calls").orElse("100"));
        long seconds = Long.parseLong(options.value("--seconds").orElse("20"));
        LoadSpec spec = LoadSpec.of(streamUrl, calls, Duration.ofSeconds(seconds))
                .withRamp(Duration.ofSeconds(
                        Long.parseLong(options.value("--ramp").orElse("2"))))
                .withWarmUp(Duration.ofSeconds(
                        Long.parseLong(options.value("--warmup").orElse("3"))))
                .withContentType(options.value("--content-type").orElse("audio/x-l16;rate=8000"));
        LoadReport report = emulator.load(spec);
        out.print(report.toTable());
        out.println(report.toJson());
        if (options.value("--json").isPresent()) {
            Files.writeString(Path.of(options.value("--json").get()), report.toJson() + "\n");
        }
        return report.connected() == calls ? 0 : 1;
    }
}
