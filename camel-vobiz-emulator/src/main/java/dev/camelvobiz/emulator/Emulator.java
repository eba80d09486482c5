package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.call.Call;
import dev.camelvobiz.emulator.call.CallFlow;
import dev.camelvobiz.emulator.call.LoadRun;
import dev.camelvobiz.emulator.call.Outbound;
import dev.camelvobiz.emulator.http.AnswerFetcher;
import dev.camelvobiz.emulator.http.Callbacks;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.rest.CallDirectory;
import dev.camelvobiz.emulator.rest.RestApi;
import dev.camelvobiz.emulator.stream.StreamServices;
import dev.camelvobiz.emulator.stream.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.DuplexConnectionPool;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * The emulated Vobiz platform: places calls ({@link #call}), serves the Audio Streams REST API
 * ({@link #restApiUrl}), posts callbacks, and runs load tests ({@link #load}). Start one per test
 * class (or use the JUnit extension); close it to hang up every call and free its ports.
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorOptions options;
    private final Ticker ticker = new Ticker();
    private final HttpClient http;
    /** How old a pooled connection may be and still be taken for a stream's upgrade. */
    private static final long POOLED_CONNECTION_MAX_MILLIS = 1000;

    private final org.eclipse.jetty.client.HttpClient jettyHttp;
    private final WebSocketCoreClient webSocketClient;
    private final Callbacks callbacks;
    private final AnswerFetcher fetcher;
    private final RestApi restApi;
    private final StreamServices streams;
    private final Map<String, EmulatedCall> calls = new ConcurrentHashMap<>();
    private final Map<String, Callee> callees = new ConcurrentHashMap<>();
    private volatile Callee defaultCallee = Callee.answersAfter(Duration.ofMillis(500));
    private final ExecutorService flows;

    private Emulator(EmulatorOptions options) throws Exception {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String signingToken = options.signCallbacksEnabled() ? options.authToken() : null;
        this.callbacks = new Callbacks(http, signingToken);
        this.fetcher = new AnswerFetcher(http, signingToken);
        this.jettyHttp = new org.eclipse.jetty.client.HttpClient();
        jettyHttp.setSslContextFactory(new SslContextFactory.Client(options.trustAllCertificatesEnabled()));
        jettyHttp.setMaxConnectionsPerDestination(100_000); // each stream socket is a connection
        jettyHttp.setMaxRequestsQueuedPerDestination(100_000);
        jettyHttp.setConnectTimeout(5000);
        // A stream's upgrade never goes out on a connection idle in the pool for long (Jetty pools the
        // connection of a refused upgrade, and opens spare ones in a burst): the app may be closing it
        // at that moment, for its idle timeout, and the upgrade would die unsent. Vobiz, like any
        // WebSocket client, opens each stream afresh.
        jettyHttp.getTransport().setConnectionPoolFactory(destination -> {
            DuplexConnectionPool pool =
                    new DuplexConnectionPool(destination, jettyHttp.getMaxConnectionsPerDestination());
            pool.setMaxDuration(POOLED_CONNECTION_MAX_MILLIS);
            return pool;
        });
        this.webSocketClient = new WebSocketCoreClient(jettyHttp, new WebSocketComponents());
        webSocketClient.start();
        this.streams = new StreamServices(ticker, webSocketClient, callbacks, options.authId());
        AtomicInteger flowNumber = new AtomicInteger();
        this.flows = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vobiz-emulator-call-" + flowNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.restApi = options.restApiEnabled() ? RestApi.start(options, new Directory(), fetcher) : null;
    }

    public static Emulator start() {
        return start(EmulatorOptions.defaults());
    }

    public static Emulator start(EmulatorOptions options) {
        try {
            return new Emulator(options);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Vobiz emulator: " + e.getMessage(), e);
        }
    }

    /** Places a call now; it runs in the background. */
    public EmulatedCall call(CallSpec spec) {
        return start(new Call(spec, options, streams));
    }

    /**
     * How {@code number} responds when the app dials it ({@code makeCall}); numbers not set answer
     * after half a second, or as {@link #defaultCallee(Callee)} says.
     */
    public Emulator callee(String number, Callee callee) {
        callees.put(number, callee);
        return this;
    }

    /** How numbers without a {@link #callee(String, Callee)} of their own respond. */
    public Emulator defaultCallee(Callee callee) {
        this.defaultCallee = callee;
        return this;
    }

    /** The calls placed through the REST API's {@code makeCall} whose request had {@code requestUuid}. */
    public List<EmulatedCall> callsOfRequest(String requestUuid) {
        return calls.values().stream()
                .filter(call -> requestUuid.equals(call.call().requestUuid())
                        && call.call().outbound() != null)
                .toList();
    }

    private EmulatedCall start(Call running) {
        CallSpec spec = running.spec();
        EmulatedCall call = new EmulatedCall(running);
        calls.put(call.callUuid(), call);
        call.record().log("call", spec.from() + " → " + spec.to() + " (" + spec.directionValue() + ")");
        for (CallSpec.Step step : spec.script()) {
            ticker.schedule(
                    () -> {
                        if (!call.record().isEnded()) {
                            call.record().log("script", step.description());
                            step.action().accept(call);
                        }
                    },
                    step.at().toMillis());
        }
        ticker.schedule(
                () -> running.end(new CallRecord.Hangup("Max Duration Reached", "", "Caller")),
                spec.maxDurationValue().toMillis());
        flows.execute(new CallFlow(running, fetcher, ticker));
        return call;
    }

    /** A call by its CallUUID, live or ended. */
    public Optional<EmulatedCall> findCall(String callUuid) {
        return Optional.ofNullable(calls.get(callUuid));
    }

    public Collection<EmulatedCall> calls() {
        return List.copyOf(calls.values());
    }

    /** Runs a load test and returns its report (blocks for the run's duration). */
    public LoadReport load(LoadSpec spec) throws InterruptedException {
        return new LoadRun(options, streams, spec).run();
    }

    /** Base URL of the REST API, e.g. {@code http://127.0.0.1:PORT/api/v1}: give it to {@code apiBaseUrl}. */
    public URI restApiUrl() {
        if (restApi == null) {
            throw new IllegalStateException("The REST API is off in these emulator options");
        }
        return restApi.baseUrl();
    }

    /** Makes the REST API answer the next {@code count} requests with {@code status} (429, 503, …). */
    public void failNextRestRequests(int status, int count) {
        restApi.failNext(status, count);
    }

    public EmulatorOptions options() {
        return options;
    }

    /** The calls as the REST API sees them: outbound calls it places start here like any other. */
    private final class Directory implements CallDirectory {

        @Override
        public Optional<Call> find(String callUuid) {
            return findCall(callUuid).map(EmulatedCall::call);
        }

        @Override
        public List<Call> live() {
            return calls.values().stream()
                    .map(EmulatedCall::call)
                    .filter(call -> call.isAnswered() && !call.record().isEnded())
                    .toList();
        }

        @Override
        public Callee callee(String number) {
            return callees.getOrDefault(number, defaultCallee);
        }

        @Override
        public Call place(CallSpec spec, Outbound outbound) {
            return start(new Call(spec, options, streams, outbound)).call();
        }
    }

    /** Hangs up every call that is still up (the caller hangs up). */
    public void hangUpAll() {
        calls.values().forEach(EmulatedCall::hangup);
    }

    /** Hangs up every live call, delivers queued callbacks and stops the clock, sockets and REST API. */
    @Override
    public void close() {
        for (EmulatedCall call : calls.values()) {
            call.call().end(new CallRecord.Hangup("Emulator Shutdown", "", "Vobiz"));
        }
        callbacks.close();
        try {
            webSocketClient.stop();
            jettyHttp.stop();
        } catch (Exception e) {
            // closing anyway
        }
        if (restApi != null) {
            restApi.shutdown();
        }
        flows.shutdownNow();
        ticker.close();
    }
}
