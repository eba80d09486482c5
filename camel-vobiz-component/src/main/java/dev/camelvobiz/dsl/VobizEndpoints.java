package dev.camelvobiz.dsl;

/**
 * The {@code vobiz:} endpoints as typed builders, in the style of Camel's Endpoint DSL:
 * {@code from(vobiz().stream("/media").token("s3cret"))}, {@code to(vobiz().play())},
 * {@code to(vobiz().api(VobizApiOperation.makeCall).from("+91…"))}. Each kind offers the options that
 * apply to it, and only those. Generated from the component's catalog by EndpointDslTest
 * ({@code -Dvobiz.updateDocs=true}); do not edit by hand.
 */
public final class VobizEndpoints {

    private VobizEndpoints() {}

    /** The endpoints of the component named {@code vobiz}. */
    public static Factory vobiz() {
        return new Factory("vobiz");
    }

    /** The endpoints of a vobiz component added under another name. */
    public static Factory vobiz(String scheme) {
        return new Factory(scheme);
    }

    /** One builder per endpoint kind. */
    public static final class Factory {

        private final String scheme;

        private Factory(String scheme) {
            this.scheme = scheme;
        }

        /** {@code stream}: the consumer of a call's stream events, served at a path. */
        public StreamEndpointBuilder stream(String path) {
            return new StreamEndpointBuilder(scheme).path(path);
        }

        /** {@code play}: plays audio into a live call. */
        public PlayEndpointBuilder play() {
            return new PlayEndpointBuilder(scheme);
        }

        /** {@code checkpoint}: marks a point in what has been played, and can wait until the caller heard it. */
        public CheckpointEndpointBuilder checkpoint(String name) {
            return new CheckpointEndpointBuilder(scheme).name(name);
        }

        /** {@code clear}: drops what has not been played yet (barge-in). */
        public ClearEndpointBuilder clear() {
            return new ClearEndpointBuilder(scheme);
        }

        /** {@code stop}: ends a call's stream. */
        public StopEndpointBuilder stop() {
            return new StopEndpointBuilder(scheme);
        }

        /** {@code api}: one operation of the REST API: place and steer calls, start and stop streams. */
        public ApiEndpointBuilder api(dev.camelvobiz.api.VobizApiOperation operation) {
            return new ApiEndpointBuilder(scheme).operation(operation);
        }

        /** {@code answer}: the answer_url consumer: the call's first document. */
        public AnswerEndpointBuilder answer(String path) {
            return new AnswerEndpointBuilder(scheme).path(path);
        }

        /** {@code callback}: the consumer of status callbacks and hang-up webhooks. */
        public CallbackEndpointBuilder callback(String path) {
            return new CallbackEndpointBuilder(scheme).path(path);
        }
    }

    /** {@code stream}: the consumer of a call's stream events, served at a path. */
    public static final class StreamEndpointBuilder extends VobizEndpointBuilder<StreamEndpointBuilder> {

        StreamEndpointBuilder(String scheme) {
            super(scheme, "stream");
        }

        /** Whether the route may block its thread (an HTTP call to an AI service, a JMS send, a database). True (the default, always safe): each call's exchanges run on the component's worker pool, in wire order per call, so a blocking step holds up only its own call. False: they run on the event loop that read the frame, with no thread hand-off, the fastest path; only for routes that never block (filters, transforms, the vobiz producers, seda and other asynchronous endpoints), since a block there stalls every call on that loop. Default: true. */
        public StreamEndpointBuilder blocking(boolean blocking) {
            return option("blocking", blocking);
        }

        /** The inbound audio format assumed when a stream's start names none (Vobiz's default is audio/x-l16;rate=8000). Default: audio/x-l16;rate=8000. */
        public StreamEndpointBuilder contentType(String contentType) {
            return option("contentType", contentType);
        }

        /** The address the shared server listens on. Default: 0.0.0.0. */
        public StreamEndpointBuilder host(String host) {
            return option("host", host);
        }

        /** The HTTP path the consumer serves, e.g. /media for vobiz:stream (its default). */
        public StreamEndpointBuilder path(String path) {
            return option("path", path);
        }

        /** The port the shared server listens on. Every vobiz consumer on one host and port shares one server (one public URL for a whole application); 0 lets the system choose a free port. Default: 8089. */
        public StreamEndpointBuilder port(int port) {
            return option("port", port);
        }

        /** Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd party component and make this possible for future releases. By default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and ignored. Default: false. */
        public StreamEndpointBuilder bridgeErrorHandler(boolean bridgeErrorHandler) {
            return option("bridgeErrorHandler", bridgeErrorHandler);
        }

        /** To let the consumer use a custom ExceptionHandler. Notice if the option bridgeErrorHandler is enabled then this option is not in use. By default the consumer will deal with exceptions, that will be logged at WARN or ERROR level and ignored. */
        public StreamEndpointBuilder exceptionHandler(org.apache.camel.spi.ExceptionHandler exceptionHandler) {
            return option("exceptionHandler", exceptionHandler);
        }

        /** Sets the exchange pattern when the consumer creates an exchange. */
        public StreamEndpointBuilder exchangePattern(org.apache.camel.ExchangePattern exchangePattern) {
            return option("exchangePattern", exchangePattern);
        }

        /** How long a stream socket may carry no data before it is closed (1001). Vobiz sends media every 20 ms, so silence means the connection is gone; pings do not count, so a peer that only pings is closed too. 0 never closes an idle socket. Default: 60000. */
        public StreamEndpointBuilder idleTimeout(long idleTimeout) {
            return option("idleTimeout", idleTimeout);
        }

        /** How long a stream socket may carry no data before it is closed (1001). Vobiz sends media every 20 ms, so silence means the connection is gone; pings do not count, so a peer that only pings is closed too. 0 never closes an idle socket. Default: 60000. */
        public StreamEndpointBuilder idleTimeout(java.time.Duration idleTimeout) {
            return option("idleTimeout", idleTimeout.toMillis());
        }

        /** The largest inbound WebSocket message in bytes. A larger one is dropped and reported to the exception handler; the socket stays open. A 20 ms media frame is under 2 KB. Default: 65536. */
        public StreamEndpointBuilder maxFrameSize(int maxFrameSize) {
            return option("maxFrameSize", maxFrameSize);
        }

        /** How many exchanges of one stream may be in flight at once while they wait asynchronously (e.g. for a checkpoint). The stream reads its next event without waiting for them; at this limit it stops reading until one completes, which slows only that call. Default: 64. */
        public StreamEndpointBuilder maxInFlightPerStream(int maxInFlightPerStream) {
            return option("maxInFlightPerStream", maxInFlightPerStream);
        }

        /** After a clear, new audio waits for clearedAudio, or at most this long (so it never races the flush). Default: 1000. */
        public StreamEndpointBuilder clearTimeout(long clearTimeout) {
            return option("clearTimeout", clearTimeout);
        }

        /** After a clear, new audio waits for clearedAudio, or at most this long (so it never races the flush). Default: 1000. */
        public StreamEndpointBuilder clearTimeout(java.time.Duration clearTimeout) {
            return option("clearTimeout", clearTimeout.toMillis());
        }

        /** The byte order of L16 audio Vobiz sends (protocol 14.9: undocumented; the official skill says big-endian). Default: BIG. */
        public StreamEndpointBuilder inboundByteOrder(dev.camelvobiz.audio.Endian inboundByteOrder) {
            return option("inboundByteOrder", inboundByteOrder);
        }

        /** Normalise every inbound media body to this format, e.g. audio/x-l16;rate=16000 (little-endian unless ;endian=big), so a route can feed a speech-to-text service without knowing the stream's format. Without it, bodies are as received. */
        public StreamEndpointBuilder mediaFormat(String mediaFormat) {
            return option("mediaFormat", mediaFormat);
        }

        /** The byte order of L16 audio sent in playAudio (protocol 14.9: the official skill says little- endian). Default: LITTLE. */
        public StreamEndpointBuilder outboundByteOrder(dev.camelvobiz.audio.Endian outboundByteOrder) {
            return option("outboundByteOrder", outboundByteOrder);
        }

        /** The format playAudio is sent in, e.g. audio/x-l16;rate=24000. Without it, the stream's inbound format (in outboundByteOrder). */
        public StreamEndpointBuilder outboundFormat(String outboundFormat) {
            return option("outboundFormat", outboundFormat);
        }

        /** How far ahead of the caller's playout audio may be sent. Longer audio waits in the component and leaves in real time; its vobiz:play exchange completes when its last frame is sent. 0 sends everything at once. Default: 300. */
        public StreamEndpointBuilder playLead(long playLead) {
            return option("playLead", playLead);
        }

        /** How far ahead of the caller's playout audio may be sent. Longer audio waits in the component and leaves in real time; its vobiz:play exchange completes when its last frame is sent. 0 sends everything at once. Default: 300. */
        public StreamEndpointBuilder playLead(java.time.Duration playLead) {
            return option("playLead", playLead.toMillis());
        }

        /** vobiz:stream: the source addresses that may connect, as IP addresses and CIDR ranges separated by commas (e.g. the Vobiz media fleet's ranges); others get 403 before any socket opens. Empty: anyone (with the right token). Behind a proxy this is the proxy's address. */
        public StreamEndpointBuilder allowedAddresses(String allowedAddresses) {
            return option("allowedAddresses", allowedAddresses);
        }

        /** vobiz:stream: the most sockets open at once on this consumer; more get 503. 0: no limit. */
        public StreamEndpointBuilder maxConnections(int maxConnections) {
            return option("maxConnections", maxConnections);
        }

        /** TLS for the shared server (wss:// and https://). All consumers on one port must use the same. */
        public StreamEndpointBuilder sslContextParameters(
                org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
            return option("sslContextParameters", sslContextParameters);
        }

        /** A secret that a stream socket must present before it is accepted, as the last path segment (wss://host/media/SECRET) or as the query parameter token. Vobiz sends no credentials of its own on the upgrade, so put the secret in the URL you give it. Checked in constant time; a wrong or missing token gets 401 and no socket. */
        public StreamEndpointBuilder token(String token) {
            return option("token", token);
        }
    }

    /** {@code play}: plays audio into a live call. */
    public static final class PlayEndpointBuilder extends VobizEndpointBuilder<PlayEndpointBuilder> {

        PlayEndpointBuilder(String scheme) {
            super(scheme, "play");
        }

        /** vobiz:play: the body is a room-tone bed, not speech. It is looped under everything the stream plays until stop or the stream closes, one frame leaving every 20 ms with speech mixed over it; vobiz:clear cuts the speech, never the bed. A new bed replaces the old; an empty body removes it. Default: false. */
        public PlayEndpointBuilder roomTone(boolean roomTone) {
            return option("roomTone", roomTone);
        }

        /** The stream a producer sends to. Without it, the header CamelVobizStreamId, else the newest live stream of the call in header CamelVobizCallId. */
        public PlayEndpointBuilder streamId(String streamId) {
            return option("streamId", streamId);
        }

        /** Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing. Default: false. */
        public PlayEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            return option("lazyStartProducer", lazyStartProducer);
        }

        /** vobiz:play: the format of raw audio bodies (content type, e.g. audio/x-l16;rate=16000;endian=little). Without it, the header CamelVobizAudioFormat (what the URI says wins: an inbound media exchange carries its own format in that header); WAV bodies carry their own. Without either, raw bodies are taken to be in the stream's outbound format. */
        public PlayEndpointBuilder audioFormat(String audioFormat) {
            return option("audioFormat", audioFormat);
        }
    }

    /** {@code checkpoint}: marks a point in what has been played, and can wait until the caller heard it. */
    public static final class CheckpointEndpointBuilder extends VobizEndpointBuilder<CheckpointEndpointBuilder> {

        CheckpointEndpointBuilder(String scheme) {
            super(scheme, "checkpoint");
        }

        /** vobiz:checkpoint: complete the exchange only when the checkpoint's outcome is known (header CamelVobizCheckpointOutcome: played, cleared, closed or timeout), without holding a thread. Default: false. */
        public CheckpointEndpointBuilder await(boolean await) {
            return option("await", await);
        }

        /** vobiz:checkpoint: the checkpoint name. Without it, the header CamelVobizCheckpointName, else a name unique on the stream. */
        public CheckpointEndpointBuilder name(String name) {
            return option("name", name);
        }

        /** The stream a producer sends to. Without it, the header CamelVobizStreamId, else the newest live stream of the call in header CamelVobizCallId. */
        public CheckpointEndpointBuilder streamId(String streamId) {
            return option("streamId", streamId);
        }

        /** A checkpoint with await=true, a stop with afterPlayed=true: how long to wait for playedStream. Default: 15000. */
        public CheckpointEndpointBuilder timeout(long timeout) {
            return option("timeout", timeout);
        }

        /** A checkpoint with await=true, a stop with afterPlayed=true: how long to wait for playedStream. Default: 15000. */
        public CheckpointEndpointBuilder timeout(java.time.Duration timeout) {
            return option("timeout", timeout.toMillis());
        }

        /** Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing. Default: false. */
        public CheckpointEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            return option("lazyStartProducer", lazyStartProducer);
        }
    }

    /** {@code clear}: drops what has not been played yet (barge-in). */
    public static final class ClearEndpointBuilder extends VobizEndpointBuilder<ClearEndpointBuilder> {

        ClearEndpointBuilder(String scheme) {
            super(scheme, "clear");
        }

        /** The stream a producer sends to. Without it, the header CamelVobizStreamId, else the newest live stream of the call in header CamelVobizCallId. */
        public ClearEndpointBuilder streamId(String streamId) {
            return option("streamId", streamId);
        }

        /** Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing. Default: false. */
        public ClearEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            return option("lazyStartProducer", lazyStartProducer);
        }
    }

    /** {@code stop}: ends a call's stream. */
    public static final class StopEndpointBuilder extends VobizEndpointBuilder<StopEndpointBuilder> {

        StopEndpointBuilder(String scheme) {
            super(scheme, "stop");
        }

        /** vobiz:stop: let the audio queued before it finish first (a checkpoint is awaited, up to timeout, then stop is sent). Default: false. */
        public StopEndpointBuilder afterPlayed(boolean afterPlayed) {
            return option("afterPlayed", afterPlayed);
        }

        /** The stream a producer sends to. Without it, the header CamelVobizStreamId, else the newest live stream of the call in header CamelVobizCallId. */
        public StopEndpointBuilder streamId(String streamId) {
            return option("streamId", streamId);
        }

        /** A checkpoint with await=true, a stop with afterPlayed=true: how long to wait for playedStream. Default: 15000. */
        public StopEndpointBuilder timeout(long timeout) {
            return option("timeout", timeout);
        }

        /** A checkpoint with await=true, a stop with afterPlayed=true: how long to wait for playedStream. Default: 15000. */
        public StopEndpointBuilder timeout(java.time.Duration timeout) {
            return option("timeout", timeout.toMillis());
        }

        /** Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing. Default: false. */
        public StopEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            return option("lazyStartProducer", lazyStartProducer);
        }
    }

    /** {@code api}: one operation of the REST API: place and steer calls, start and stop streams. */
    public static final class ApiEndpointBuilder extends VobizEndpointBuilder<ApiEndpointBuilder> {

        ApiEndpointBuilder(String scheme) {
            super(scheme, "api");
        }

        /** vobiz:answer default answer and vobiz:api startStream: whether the stream takes commands back (playAudio, checkpoint, clearAudio, stop). Default: true. */
        public ApiEndpointBuilder bidirectional(boolean bidirectional) {
            return option("bidirectional", bidirectional);
        }

        /** vobiz:answer: the WebSocket URL of the default answer's Stream; vobiz:api startStream: its service_url. For the answer, streamPath is usually simpler. */
        public ApiEndpointBuilder streamUrl(String streamUrl) {
            return option("streamUrl", streamUrl);
        }

        /** The inbound audio format assumed when a stream's start names none (Vobiz's default is audio/x-l16;rate=8000). Default: audio/x-l16;rate=8000. */
        public ApiEndpointBuilder contentType(String contentType) {
            return option("contentType", contentType);
        }

        /** The stream a producer sends to. Without it, the header CamelVobizStreamId, else the newest live stream of the call in header CamelVobizCallId. */
        public ApiEndpointBuilder streamId(String streamId) {
            return option("streamId", streamId);
        }

        /** Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing. Default: false. */
        public ApiEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            return option("lazyStartProducer", lazyStartProducer);
        }

        /** vobiz:api makeCall: the URL Vobiz fetches the answer (VobizXML) from once the call is answered; transferCall: the URL the call fetches its next answer from. Without it, the header CamelVobizAnswerUrl. */
        public ApiEndpointBuilder answerUrl(String answerUrl) {
            return option("answerUrl", answerUrl);
        }

        /** vobiz:api: the REST API base URL (point it at the emulator in tests). Default: https://api.vobiz.ai/api/v1. */
        public ApiEndpointBuilder apiBaseUrl(String apiBaseUrl) {
            return option("apiBaseUrl", apiBaseUrl);
        }

        /** vobiz:api startStream: the audio_track (inbound, outbound or both; inbound when bidirectional). Default: inbound. */
        public ApiEndpointBuilder audioTrack(String audioTrack) {
            return option("audioTrack", audioTrack);
        }

        /** vobiz:api: the call (CallUUID) to act on. Without it, the header CamelVobizCallId. */
        public ApiEndpointBuilder callId(String callId) {
            return option("callId", callId);
        }

        /** vobiz:api makeCall: the caller id to call from (a number of the account). Without it, the header CamelVobizFrom. */
        public ApiEndpointBuilder from(String from) {
            return option("from", from);
        }

        /** vobiz:api makeCall: the URL told when the call ends, also when it was never answered (busy, no answer, failed): where a vobiz:callback learns each call's outcome. */
        public ApiEndpointBuilder hangupUrl(String hangupUrl) {
            return option("hangupUrl", hangupUrl);
        }

        /** vobiz:api makeCall: detect an answering machine: true (the answer request says Machine=true or false) or hangup (a machine is hung up on). */
        public ApiEndpointBuilder machineDetection(String machineDetection) {
            return option("machineDetection", machineDetection);
        }

        /** vobiz:api: the REST operation. Calls: makeCall, listCalls, getCall, transferCall, hangupCall, speak, stopSpeak, play, stopPlay, sendDtmf, startRecording, stopRecording. Streams: startStream, getStream, listStreams, stopStream, stopAllStreams. Without it, the header CamelVobizApiOperation (what the URI says wins). */
        public ApiEndpointBuilder operation(dev.camelvobiz.api.VobizApiOperation operation) {
            return option("operation", operation);
        }

        /** vobiz:api makeCall: the URL told when the destination starts ringing. */
        public ApiEndpointBuilder ringUrl(String ringUrl) {
            return option("ringUrl", ringUrl);
        }

        /** vobiz:api startStream: where Vobiz posts the stream's status callbacks. */
        public ApiEndpointBuilder statusCallbackUrl(String statusCallbackUrl) {
            return option("statusCallbackUrl", statusCallbackUrl);
        }

        /** vobiz:api makeCall: the number or SIP URI to call; several, joined by &amp;lt;, are dialled at once (at most 1000). Without it, the header CamelVobizTo, which a campaign usually sets per call. */
        public ApiEndpointBuilder to(String to) {
            return option("to", to);
        }

        /** vobiz:api: how many times a request answered 429 (refused, so safe for every operation) or, for operations safe to repeat, 5xx or nothing in apiTimeout, is retried. makeCall, startStream, speak, play, sendDtmf, startRecording and transferCall are never repeated on an unknown outcome. Default: 3. */
        public ApiEndpointBuilder apiRetries(int apiRetries) {
            return option("apiRetries", apiRetries);
        }

        /** vobiz:api: the first retry delay; it doubles with each retry, and a Retry-After header wins. Default: 500. */
        public ApiEndpointBuilder apiRetryDelay(long apiRetryDelay) {
            return option("apiRetryDelay", apiRetryDelay);
        }

        /** vobiz:api: the first retry delay; it doubles with each retry, and a Retry-After header wins. Default: 500. */
        public ApiEndpointBuilder apiRetryDelay(java.time.Duration apiRetryDelay) {
            return option("apiRetryDelay", apiRetryDelay.toMillis());
        }

        /** vobiz:api: how long one REST request may take before it fails (a timeout is retried like a 5xx). Default: 15000. */
        public ApiEndpointBuilder apiTimeout(long apiTimeout) {
            return option("apiTimeout", apiTimeout);
        }

        /** vobiz:api: how long one REST request may take before it fails (a timeout is retried like a 5xx). Default: 15000. */
        public ApiEndpointBuilder apiTimeout(java.time.Duration apiTimeout) {
            return option("apiTimeout", apiTimeout.toMillis());
        }

        /** The Vobiz account auth id (MA_): X-Auth-ID of REST calls. */
        public ApiEndpointBuilder authId(String authId) {
            return option("authId", authId);
        }

        /** The Vobiz auth token: X-Auth-Token of REST calls and the key of callback signatures. Never logged. */
        public ApiEndpointBuilder authToken(String authToken) {
            return option("authToken", authToken);
        }
    }

    /** {@code answer}: the answer_url consumer: the call's first document. */
    public static final class AnswerEndpointBuilder extends VobizEndpointBuilder<AnswerEndpointBuilder> {

        AnswerEndpointBuilder(String scheme) {
            super(scheme, "answer");
        }

        /** vobiz:answer default answer and vobiz:api startStream: whether the stream takes commands back (playAudio, checkpoint, clearAudio, stop). Default: true. */
        public AnswerEndpointBuilder bidirectional(boolean bidirectional) {
            return option("bidirectional", bidirectional);
        }

        /** The public base URL Vobiz reaches this application at, e.g. https://abc.ngrok.app (a tunnel or load balancer). The default answer derives its stream URL (wss://) and status callback URL from it, and callback signatures are checked against it. Without it, the URL of the incoming request is used, which only loopback (or allowedHosts) makes trustworthy. */
        public AnswerEndpointBuilder publicUrl(String publicUrl) {
            return option("publicUrl", publicUrl);
        }

        /** vobiz:answer: the WebSocket URL of the default answer's Stream; vobiz:api startStream: its service_url. For the answer, streamPath is usually simpler. */
        public AnswerEndpointBuilder streamUrl(String streamUrl) {
            return option("streamUrl", streamUrl);
        }

        /** The inbound audio format assumed when a stream's start names none (Vobiz's default is audio/x-l16;rate=8000). Default: audio/x-l16;rate=8000. */
        public AnswerEndpointBuilder contentType(String contentType) {
            return option("contentType", contentType);
        }

        /** The address the shared server listens on. Default: 0.0.0.0. */
        public AnswerEndpointBuilder host(String host) {
            return option("host", host);
        }

        /** The HTTP path the consumer serves, e.g. /media for vobiz:stream (its default). */
        public AnswerEndpointBuilder path(String path) {
            return option("path", path);
        }

        /** The port the shared server listens on. Every vobiz consumer on one host and port shares one server (one public URL for a whole application); 0 lets the system choose a free port. Default: 8089. */
        public AnswerEndpointBuilder port(int port) {
            return option("port", port);
        }

        /** Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd party component and make this possible for future releases. By default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and ignored. Default: false. */
        public AnswerEndpointBuilder bridgeErrorHandler(boolean bridgeErrorHandler) {
            return option("bridgeErrorHandler", bridgeErrorHandler);
        }

        /** To let the consumer use a custom ExceptionHandler. Notice if the option bridgeErrorHandler is enabled then this option is not in use. By default the consumer will deal with exceptions, that will be logged at WARN or ERROR level and ignored. */
        public AnswerEndpointBuilder exceptionHandler(org.apache.camel.spi.ExceptionHandler exceptionHandler) {
            return option("exceptionHandler", exceptionHandler);
        }

        /** Sets the exchange pattern when the consumer creates an exchange. */
        public AnswerEndpointBuilder exchangePattern(org.apache.camel.ExchangePattern exchangePattern) {
            return option("exchangePattern", exchangePattern);
        }

        /** vobiz:answer default answer: keep the call up while the stream is open (needs bidirectional). Default: true. */
        public AnswerEndpointBuilder keepCallAlive(boolean keepCallAlive) {
            return option("keepCallAlive", keepCallAlive);
        }

        /** vobiz:answer default answer: the path of this application's vobiz:callback consumer, given to Vobiz as statusCallbackUrl. */
        public AnswerEndpointBuilder statusCallbackPath(String statusCallbackPath) {
            return option("statusCallbackPath", statusCallbackPath);
        }

        /** vobiz:answer: the path of this application's vobiz:stream consumer; the default answer streams to it at publicUrl (or the request's own host), as ws:// or wss://. Include the token segment if the stream has one. */
        public AnswerEndpointBuilder streamPath(String streamPath) {
            return option("streamPath", streamPath);
        }

        /** vobiz:answer and vobiz:callback without publicUrl: the host names (host or host:port, separated by commas) a request may give in its Host header; others get 421 before the route. The default answer builds its stream and callback URLs from that header, so on any address but loopback either this or publicUrl is required (the route fails to start without): otherwise anyone could send a call's audio to a host of their choosing. */
        public AnswerEndpointBuilder allowedHosts(String allowedHosts) {
            return option("allowedHosts", allowedHosts);
        }

        /** The Vobiz auth token: X-Auth-Token of REST calls and the key of callback signatures. Never logged. */
        public AnswerEndpointBuilder authToken(String authToken) {
            return option("authToken", authToken);
        }

        /** TLS for the shared server (wss:// and https://). All consumers on one port must use the same. */
        public AnswerEndpointBuilder sslContextParameters(
                org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
            return option("sslContextParameters", sslContextParameters);
        }

        /** vobiz:answer and vobiz:callback: reject requests without a valid signature (403, never reaching the route). Default: on when authToken (or webhookSecret) is set. */
        public AnswerEndpointBuilder verifySignature(Boolean verifySignature) {
            return option("verifySignature", verifySignature);
        }

        /** The MiniVoice webhook_secret that signs MiniVoice webhooks (X-MiniVoice-Signature). Without it, authToken. */
        public AnswerEndpointBuilder webhookSecret(String webhookSecret) {
            return option("webhookSecret", webhookSecret);
        }

        /** Where accepted webhook signatures are remembered, so that a request sent again with a captured signature is refused (403): a Vobiz signature covers the URL and a nonce, not the body. By default each component remembers the last 50 000 signed webhooks it accepted, in memory (9 MB). Several instances behind one public URL each remember only their own: give them a shared repository (one of Camel's JDBC, Infinispan or Redis idempotent repositories). */
        public AnswerEndpointBuilder replayRepository(org.apache.camel.spi.IdempotentRepository replayRepository) {
            return option("replayRepository", replayRepository);
        }

        /** How old a MiniVoice webhook's X-MiniVoice-Timestamp may be before it is refused as a replay. Default: 300000. */
        public AnswerEndpointBuilder signatureWindow(long signatureWindow) {
            return option("signatureWindow", signatureWindow);
        }

        /** How old a MiniVoice webhook's X-MiniVoice-Timestamp may be before it is refused as a replay. Default: 300000. */
        public AnswerEndpointBuilder signatureWindow(java.time.Duration signatureWindow) {
            return option("signatureWindow", signatureWindow.toMillis());
        }
    }

    /** {@code callback}: the consumer of status callbacks and hang-up webhooks. */
    public static final class CallbackEndpointBuilder extends VobizEndpointBuilder<CallbackEndpointBuilder> {

        CallbackEndpointBuilder(String scheme) {
            super(scheme, "callback");
        }

        /** The public base URL Vobiz reaches this application at, e.g. https://abc.ngrok.app (a tunnel or load balancer). The default answer derives its stream URL (wss://) and status callback URL from it, and callback signatures are checked against it. Without it, the URL of the incoming request is used, which only loopback (or allowedHosts) makes trustworthy. */
        public CallbackEndpointBuilder publicUrl(String publicUrl) {
            return option("publicUrl", publicUrl);
        }

        /** The address the shared server listens on. Default: 0.0.0.0. */
        public CallbackEndpointBuilder host(String host) {
            return option("host", host);
        }

        /** The HTTP path the consumer serves, e.g. /media for vobiz:stream (its default). */
        public CallbackEndpointBuilder path(String path) {
            return option("path", path);
        }

        /** The port the shared server listens on. Every vobiz consumer on one host and port shares one server (one public URL for a whole application); 0 lets the system choose a free port. Default: 8089. */
        public CallbackEndpointBuilder port(int port) {
            return option("port", port);
        }

        /** Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd party component and make this possible for future releases. By default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and ignored. Default: false. */
        public CallbackEndpointBuilder bridgeErrorHandler(boolean bridgeErrorHandler) {
            return option("bridgeErrorHandler", bridgeErrorHandler);
        }

        /** To let the consumer use a custom ExceptionHandler. Notice if the option bridgeErrorHandler is enabled then this option is not in use. By default the consumer will deal with exceptions, that will be logged at WARN or ERROR level and ignored. */
        public CallbackEndpointBuilder exceptionHandler(org.apache.camel.spi.ExceptionHandler exceptionHandler) {
            return option("exceptionHandler", exceptionHandler);
        }

        /** Sets the exchange pattern when the consumer creates an exchange. */
        public CallbackEndpointBuilder exchangePattern(org.apache.camel.ExchangePattern exchangePattern) {
            return option("exchangePattern", exchangePattern);
        }

        /** vobiz:answer and vobiz:callback without publicUrl: the host names (host or host:port, separated by commas) a request may give in its Host header; others get 421 before the route. The default answer builds its stream and callback URLs from that header, so on any address but loopback either this or publicUrl is required (the route fails to start without): otherwise anyone could send a call's audio to a host of their choosing. */
        public CallbackEndpointBuilder allowedHosts(String allowedHosts) {
            return option("allowedHosts", allowedHosts);
        }

        /** The Vobiz auth token: X-Auth-Token of REST calls and the key of callback signatures. Never logged. */
        public CallbackEndpointBuilder authToken(String authToken) {
            return option("authToken", authToken);
        }

        /** TLS for the shared server (wss:// and https://). All consumers on one port must use the same. */
        public CallbackEndpointBuilder sslContextParameters(
                org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
            return option("sslContextParameters", sslContextParameters);
        }

        /** vobiz:answer and vobiz:callback: reject requests without a valid signature (403, never reaching the route). Default: on when authToken (or webhookSecret) is set. */
        public CallbackEndpointBuilder verifySignature(Boolean verifySignature) {
            return option("verifySignature", verifySignature);
        }

        /** The MiniVoice webhook_secret that signs MiniVoice webhooks (X-MiniVoice-Signature). Without it, authToken. */
        public CallbackEndpointBuilder webhookSecret(String webhookSecret) {
            return option("webhookSecret", webhookSecret);
        }

        /** Where accepted webhook signatures are remembered, so that a request sent again with a captured signature is refused (403): a Vobiz signature covers the URL and a nonce, not the body. By default each component remembers the last 50 000 signed webhooks it accepted, in memory (9 MB). Several instances behind one public URL each remember only their own: give them a shared repository (one of Camel's JDBC, Infinispan or Redis idempotent repositories). */
        public CallbackEndpointBuilder replayRepository(org.apache.camel.spi.IdempotentRepository replayRepository) {
            return option("replayRepository", replayRepository);
        }

        /** How old a MiniVoice webhook's X-MiniVoice-Timestamp may be before it is refused as a replay. Default: 300000. */
        public CallbackEndpointBuilder signatureWindow(long signatureWindow) {
            return option("signatureWindow", signatureWindow);
        }

        /** How old a MiniVoice webhook's X-MiniVoice-Timestamp may be before it is refused as a replay. Default: 300000. */
        public CallbackEndpointBuilder signatureWindow(java.time.Duration signatureWindow) {
            return option("signatureWindow", signatureWindow.toMillis());
        }
    }
}
