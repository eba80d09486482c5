package dev.camelvobiz;

import dev.camelvobiz.api.VobizApiOperation;
import dev.camelvobiz.audio.Endian;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of the {@code vobiz:} component. The component holds the defaults; each endpoint works
 * on a {@link #copy()} with its own URI options applied.
 */
@UriParams
public class VobizConfiguration implements Cloneable {

    /** Shorter secrets are not masked by value: they would mask every occurrence of, say, a digit. */
    private static final int MIN_MASKED_CHARS = 4;

    @UriParam(label = "consumer", defaultValue = "0.0.0.0")
    private String host = "0.0.0.0";

    @UriParam(label = "consumer", defaultValue = "8089")
    private int port = 8089;

    @UriParam(label = "consumer")
    private String path;

    @UriParam(label = "consumer,security", secret = true)
    private String token;

    @UriParam(label = "consumer", defaultValue = "audio/x-l16;rate=8000")
    private String contentType = "audio/x-l16;rate=8000";

    @UriParam(label = "consumer,advanced", defaultValue = "65536")
    private int maxFrameSize = 65536;

    @UriParam(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "60000")
    private long idleTimeout = 60000;

    @UriParam(label = "consumer,advanced", defaultValue = "64")
    private int maxInFlightPerStream = 64;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean blocking = true;

    @UriParam(label = "producer")
    private String streamId;

    @UriParam(label = "producer")
    private String name;

    @UriParam(label = "security")
    @Metadata(autowired = false)
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "common")
    private String publicUrl;

    @UriParam(label = "security")
    private String authId;

    @UriParam(label = "security", secret = true)
    private String authToken;

    @UriParam(label = "producer,api", defaultValue = "https://api.vobiz.ai/api/v1")
    private String apiBaseUrl = "https://api.vobiz.ai/api/v1";

    @UriParam(label = "producer,api")
    private VobizApiOperation operation;

    @UriParam(label = "producer,api")
    private String callId;

    @UriParam(label = "producer,api")
    private String from;

    @UriParam(label = "producer,api")
    private String to;

    @UriParam(label = "producer,api")
    private String answerUrl;

    @UriParam(label = "producer,api")
    private String hangupUrl;

    @UriParam(label = "producer,api")
    private String ringUrl;

    @UriParam(label = "producer,api", enums = "true,hangup")
    private String machineDetection;

    @UriParam(label = "producer,api,advanced", defaultValue = "3")
    private int apiRetries = 3;

    @UriParam(label = "producer,api,advanced", javaType = "java.time.Duration", defaultValue = "500")
    private long apiRetryDelay = 500;

    @UriParam(label = "common")
    private String streamUrl;

    @UriParam(label = "consumer,answer")
    private String streamPath;

    @UriParam(label = "common", defaultValue = "true")
    private boolean bidirectional = true;

    @UriParam(label = "consumer,answer", defaultValue = "true")
    private boolean keepCallAlive = true;

    @UriParam(label = "consumer,answer")
    private String statusCallbackPath;

    @UriParam(label = "producer,api", defaultValue = "inbound")
    private String audioTrack = "inbound";

    @UriParam(label = "producer,api")
    private String statusCallbackUrl;

    @UriParam(label = "consumer,security")
    private Boolean verifySignature;

    @UriParam(label = "consumer,security", secret = true)
    private String webhookSecret;

    @UriParam(label = "consumer,security,advanced", javaType = "java.time.Duration", defaultValue = "300000")
    private long signatureWindow = 300000;

    @UriParam(label = "consumer,security,advanced")
    private IdempotentRepository replayRepository;

    @UriParam(label = "consumer,audio", defaultValue = "BIG")
    private Endian inboundByteOrder = Endian.BIG;

    @UriParam(label = "consumer,audio", defaultValue = "LITTLE")
    private Endian outboundByteOrder = Endian.LITTLE;

    @UriParam(label = "consumer,audio")
    private String mediaFormat;

    @UriParam(label = "consumer,audio")
    private String outboundFormat;

    @UriParam(label = "consumer,audio", javaType = "java.time.Duration", defaultValue = "300")
    private long playLead = 300;

    @UriParam(label = "consumer,audio", javaType = "java.time.Duration", defaultValue = "1000")
    private long clearTimeout = 1000;

    @UriParam(label = "producer,audio")
    private String audioFormat;

    @UriParam(label = "producer")
    private boolean await;

    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "15000")
    private long timeout = 15000;

    @UriParam(label = "producer")
    private boolean afterPlayed;

    @UriParam(label = "producer")
    private boolean roomTone;

    @UriParam(label = "producer,api,advanced", javaType = "java.time.Duration", defaultValue = "15000")
    private long apiTimeout = 15000;

    @UriParam(label = "consumer,security")
    private String allowedAddresses;

    @UriParam(label = "consumer,security")
    private String allowedHosts;

    @UriParam(label = "consumer,security")
    private int maxConnections;

    /**
     * The values of the secret options set here (authToken, token, webhookSecret), also URL-encoded as a
     * URI or path would carry them: what no console may show.
     */
    public Set<String> secretValues() {
        Set<String> values = new HashSet<>();
        for (String secret : new String[] {authToken, token, webhookSecret}) {
            if (secret != null && secret.length() >= MIN_MASKED_CHARS) {
                values.add(secret);
                values.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    public VobizConfiguration copy() {
        try {
            return (VobizConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getHost() {
        return host;
    }

    /** The address the shared server listens on. */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /**
     * The port the shared server listens on. Every vobiz consumer on one host and port shares one server
     * (one public URL for a whole application); 0 lets the system choose a free port.
     */
    public void setPort(int port) {
        this.port = port;
    }

    public String getPath() {
        return path;
    }

    /** The HTTP path the consumer serves, e.g. /media for vobiz:stream (its default). */
    public void setPath(String path) {
        this.path = path;
    }

    public String getToken() {
        return token;
    }

    /**
     * A secret that a stream socket must present before it is accepted, as the last path segment
     * (wss://host/media/SECRET) or as the query parameter token. Vobiz sends no credentials of its own
     * on the upgrade, so put the secret in the URL you give it. Checked in constant time; a wrong or
     * missing token gets 401 and no socket.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public String getContentType() {
        return contentType;
    }

    /**
     * The inbound audio format assumed when a stream's start names none (Vobiz's default is
     * audio/x-l16;rate=8000).
     */
    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public int getMaxFrameSize() {
        return maxFrameSize;
    }

    /**
     * The largest inbound WebSocket message in bytes. A larger one is dropped and reported to the
     * exception handler; the socket stays open. A 20 ms media frame is under 2 KB.
     */
    public void setMaxFrameSize(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * How long a stream socket may carry no data before it is closed (1001). Vobiz sends media every
     * 20 ms, so silence means the connection is gone; pings do not count, so a peer that only pings is
     * closed too. 0 never closes an idle socket.
     */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public boolean isBlocking() {
        return blocking;
    }

    /**
     * Whether the route may block its thread (an HTTP call to an AI service, a JMS send, a database).
     * True (the default, always safe): each call's exchanges run on the component's worker pool, in wire
     * order per call, so a blocking step holds up only its own call. False: they run on the event loop
     * that read the frame, with no thread hand-off, the fastest path; only for routes that never block
     * (filters, transforms, the vobiz producers, seda and other asynchronous endpoints), since a block
     * there stalls every call on that loop.
     */
    public void setBlocking(boolean blocking) {
        this.blocking = blocking;
    }

    public int getMaxInFlightPerStream() {
        return maxInFlightPerStream;
    }

    /**
     * How many exchanges of one stream may be in flight at once while they wait asynchronously (e.g.
     * for a checkpoint). The stream reads its next event without waiting for them; at this limit it
     * stops reading until one completes, which slows only that call.
     */
    public void setMaxInFlightPerStream(int maxInFlightPerStream) {
        this.maxInFlightPerStream = maxInFlightPerStream;
    }

    public String getStreamId() {
        return streamId;
    }

    /**
     * The stream a producer sends to. Without it, the header CamelVobizStreamId, else the newest live
     * stream of the call in header CamelVobizCallId.
     */
    public void setStreamId(String streamId) {
        this.streamId = streamId;
    }

    public String getName() {
        return name;
    }

    /**
     * vobiz:checkpoint: the checkpoint name. Without it, the header CamelVobizCheckpointName, else a
     * name unique on the stream.
     */
    public void setName(String name) {
        this.name = name;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS for the shared server (wss:// and https://). All consumers on one port must use the same. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    /**
     * The public base URL Vobiz reaches this application at, e.g. https://abc.ngrok.app (a tunnel or
     * load balancer). The default answer derives its stream URL (wss://) and status callback URL from
     * it, and callback signatures are checked against it. Without it, the URL of the incoming request
     * is used, which only loopback (or allowedHosts) makes trustworthy.
     */
    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String getAuthId() {
        return authId;
    }

    /** The Vobiz account auth id (MA_…): X-Auth-ID of REST calls. */
    public void setAuthId(String authId) {
        this.authId = authId;
    }

    public String getAuthToken() {
        return authToken;
    }

    /**
     * The Vobiz auth token: X-Auth-Token of REST calls and the key of callback signatures. Never
     * logged.
     */
    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getApiBaseUrl() {
        return apiBaseUrl;
    }

    /** vobiz:api: the REST API base URL (point it at the emulator in tests). */
    public void setApiBaseUrl(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    public VobizApiOperation getOperation() {
        return operation;
    }

    /**
     * vobiz:api: the REST operation. Calls: makeCall, listCalls, getCall, transferCall, hangupCall, speak,
     * stopSpeak, play, stopPlay, sendDtmf, startRecording, stopRecording. Streams: startStream,
     * getStream, listStreams, stopStream, stopAllStreams. Without it, the header CamelVobizApiOperation
     * (what the URI says wins).
     */
    public void setOperation(VobizApiOperation operation) {
        this.operation = operation;
    }

    public String getCallId() {
        return callId;
    }

    /** vobiz:api: the call (CallUUID) to act on. Without it, the header CamelVobizCallId. */
    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getFrom() {
        return from;
    }

    /** vobiz:api makeCall: the caller id to call from (a number of the account). Without it, the header CamelVobizFrom. */
    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    /**
     * vobiz:api makeCall: the number or SIP URI to call; several, joined by &lt;, are dialled at once (at
     * most 1000). Without it, the header CamelVobizTo, which a campaign usually sets per call.
     */
    public void setTo(String to) {
        this.to = to;
    }

    public String getAnswerUrl() {
        return answerUrl;
    }

    /**
     * vobiz:api makeCall: the URL Vobiz fetches the answer (VobizXML) from once the call is answered;
     * transferCall: the URL the call fetches its next answer from. Without it, the header
     * CamelVobizAnswerUrl.
     */
    public void setAnswerUrl(String answerUrl) {
        this.answerUrl = answerUrl;
    }

    public String getHangupUrl() {
        return hangupUrl;
    }

    /**
     * vobiz:api makeCall: the URL told when the call ends, also when it was never answered (busy, no
     * answer, failed): where a vobiz:callback learns each call's outcome.
     */
    public void setHangupUrl(String hangupUrl) {
        this.hangupUrl = hangupUrl;
    }

    public String getRingUrl() {
        return ringUrl;
    }

    /** vobiz:api makeCall: the URL told when the destination starts ringing. */
    public void setRingUrl(String ringUrl) {
        this.ringUrl = ringUrl;
    }

    public String getMachineDetection() {
        return machineDetection;
    }

    /**
     * vobiz:api makeCall: detect an answering machine: true (the answer request says Machine=true or
     * false) or hangup (a machine is hung up on).
     */
    public void setMachineDetection(String machineDetection) {
        this.machineDetection = machineDetection;
    }

    public int getApiRetries() {
        return apiRetries;
    }

    /**
     * vobiz:api: how many times a request answered 429 (refused, so safe for every operation) or, for
     * operations safe to repeat, 5xx or nothing in apiTimeout, is retried. makeCall, startStream, speak,
     * play, sendDtmf, startRecording and transferCall are never repeated on an unknown outcome.
     */
    public void setApiRetries(int apiRetries) {
        this.apiRetries = apiRetries;
    }

    public long getApiRetryDelay() {
        return apiRetryDelay;
    }

    /** vobiz:api: the first retry delay; it doubles with each retry, and a Retry-After header wins. */
    public void setApiRetryDelay(long apiRetryDelay) {
        this.apiRetryDelay = apiRetryDelay;
    }

    public String getStreamUrl() {
        return streamUrl;
    }

    /**
     * vobiz:answer: the WebSocket URL of the default answer's Stream; vobiz:api startStream: its
     * service_url. For the answer, streamPath is usually simpler.
     */
    public void setStreamUrl(String streamUrl) {
        this.streamUrl = streamUrl;
    }

    public String getStreamPath() {
        return streamPath;
    }

    /**
     * vobiz:answer: the path of this application's vobiz:stream consumer; the default answer streams
     * to it at publicUrl (or the request's own host), as ws:// or wss://. Include the token segment
     * if the stream has one.
     */
    public void setStreamPath(String streamPath) {
        this.streamPath = streamPath;
    }

    public boolean isBidirectional() {
        return bidirectional;
    }

    /**
     * vobiz:answer default answer and vobiz:api startStream: whether the stream takes commands back
     * (playAudio, checkpoint, clearAudio, stop).
     */
    public void setBidirectional(boolean bidirectional) {
        this.bidirectional = bidirectional;
    }

    public boolean isKeepCallAlive() {
        return keepCallAlive;
    }

    /** vobiz:answer default answer: keep the call up while the stream is open (needs bidirectional). */
    public void setKeepCallAlive(boolean keepCallAlive) {
        this.keepCallAlive = keepCallAlive;
    }

    public String getStatusCallbackPath() {
        return statusCallbackPath;
    }

    /**
     * vobiz:answer default answer: the path of this application's vobiz:callback consumer, given to
     * Vobiz as statusCallbackUrl.
     */
    public void setStatusCallbackPath(String statusCallbackPath) {
        this.statusCallbackPath = statusCallbackPath;
    }

    public String getAudioTrack() {
        return audioTrack;
    }

    /** vobiz:api startStream: the audio_track (inbound, outbound or both; inbound when bidirectional). */
    public void setAudioTrack(String audioTrack) {
        this.audioTrack = audioTrack;
    }

    public String getStatusCallbackUrl() {
        return statusCallbackUrl;
    }

    /** vobiz:api startStream: where Vobiz posts the stream's status callbacks. */
    public void setStatusCallbackUrl(String statusCallbackUrl) {
        this.statusCallbackUrl = statusCallbackUrl;
    }

    public Boolean getVerifySignature() {
        return verifySignature;
    }

    /**
     * vobiz:answer and vobiz:callback: reject requests without a valid signature (403, never reaching
     * the route). Default: on when authToken (or webhookSecret) is set.
     */
    public void setVerifySignature(Boolean verifySignature) {
        this.verifySignature = verifySignature;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * The MiniVoice webhook_secret that signs MiniVoice webhooks (X-MiniVoice-Signature). Without it,
     * authToken.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public IdempotentRepository getReplayRepository() {
        return replayRepository;
    }

    /**
     * Where accepted webhook signatures are remembered, so that a request sent again with a captured
     * signature is refused (403): a Vobiz signature covers the URL and a nonce, not the body. By default
     * each component remembers the last 50 000 signed webhooks it accepted, in memory (9 MB). Several instances
     * behind one public URL each remember only their own: give them a shared repository (one of Camel's
     * JDBC, Infinispan or Redis idempotent repositories).
     */
    public void setReplayRepository(IdempotentRepository replayRepository) {
        this.replayRepository = replayRepository;
    }

    public long getSignatureWindow() {
        return signatureWindow;
    }

    /** How old a MiniVoice webhook's X-MiniVoice-Timestamp may be before it is refused as a replay. */
    public void setSignatureWindow(long signatureWindow) {
        this.signatureWindow = signatureWindow;
    }

    public Endian getInboundByteOrder() {
        return inboundByteOrder;
    }

    /**
     * The byte order of L16 audio Vobiz sends (protocol §14.9: undocumented; the official skill says
     * big-endian).
     */
    public void setInboundByteOrder(Endian inboundByteOrder) {
        this.inboundByteOrder = inboundByteOrder;
    }

    public Endian getOutboundByteOrder() {
        return outboundByteOrder;
    }

    /**
     * The byte order of L16 audio sent in playAudio (protocol §14.9: the official skill says little-
     * endian).
     */
    public void setOutboundByteOrder(Endian outboundByteOrder) {
        this.outboundByteOrder = outboundByteOrder;
    }

    public String getMediaFormat() {
        return mediaFormat;
    }

    /**
     * Normalise every inbound media body to this format, e.g. audio/x-l16;rate=16000 (little-endian
     * unless ;endian=big), so a route can feed a speech-to-text service without knowing the stream's
     * format. Without it, bodies are as received.
     */
    public void setMediaFormat(String mediaFormat) {
        this.mediaFormat = mediaFormat;
    }

    public String getOutboundFormat() {
        return outboundFormat;
    }

    /**
     * The format playAudio is sent in, e.g. audio/x-l16;rate=24000. Without it, the stream's inbound
     * format (in outboundByteOrder).
     */
    public void setOutboundFormat(String outboundFormat) {
        this.outboundFormat = outboundFormat;
    }

    public long getPlayLead() {
        return playLead;
    }

    /**
     * How far ahead of the caller's playout audio may be sent. Longer audio waits in the component
     * and leaves in real time; its vobiz:play exchange completes when its last frame is sent. 0 sends
     * everything at once.
     */
    public void setPlayLead(long playLead) {
        this.playLead = playLead;
    }

    public long getClearTimeout() {
        return clearTimeout;
    }

    /**
     * After a clear, new audio waits for clearedAudio, or at most this long (so it never races the
     * flush).
     */
    public void setClearTimeout(long clearTimeout) {
        this.clearTimeout = clearTimeout;
    }

    public String getAudioFormat() {
        return audioFormat;
    }

    /**
     * vobiz:play: the format of raw audio bodies (content type, e.g.
     * audio/x-l16;rate=16000;endian=little). Without it, the header CamelVobizAudioFormat (what the URI
     * says wins: an inbound media exchange carries its own format in that header); WAV bodies carry their
     * own. Without either, raw bodies are taken to be in the stream's outbound format.
     */
    public void setAudioFormat(String audioFormat) {
        this.audioFormat = audioFormat;
    }

    public boolean isAwait() {
        return await;
    }

    /**
     * vobiz:checkpoint: complete the exchange only when the checkpoint's outcome is known (header
     * CamelVobizCheckpointOutcome: played, cleared, closed or timeout), without holding a thread.
     */
    public void setAwait(boolean await) {
        this.await = await;
    }

    public long getTimeout() {
        return timeout;
    }

    /** A checkpoint with await=true, a stop with afterPlayed=true: how long to wait for playedStream. */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public boolean isAfterPlayed() {
        return afterPlayed;
    }

    /**
     * vobiz:stop: let the audio queued before it finish first (a checkpoint is awaited, up to
     * timeout, then stop is sent).
     */
    public void setAfterPlayed(boolean afterPlayed) {
        this.afterPlayed = afterPlayed;
    }

    public boolean isRoomTone() {
        return roomTone;
    }

    /**
     * vobiz:play: the body is a room-tone bed, not speech. It is looped under everything the stream
     * plays until stop or the stream closes, one frame leaving every 20 ms with speech mixed over it;
     * vobiz:clear cuts the speech, never the bed. A new bed replaces the old; an empty body removes it.
     */
    public void setRoomTone(boolean roomTone) {
        this.roomTone = roomTone;
    }

    public long getApiTimeout() {
        return apiTimeout;
    }

    /** vobiz:api: how long one REST request may take before it fails (a timeout is retried like a 5xx). */
    public void setApiTimeout(long apiTimeout) {
        this.apiTimeout = apiTimeout;
    }

    public String getAllowedAddresses() {
        return allowedAddresses;
    }

    /**
     * vobiz:stream: the source addresses that may connect, as IP addresses and CIDR ranges separated by
     * commas (e.g. the Vobiz media fleet's ranges); others get 403 before any socket opens. Empty: anyone
     * (with the right token). Behind a proxy this is the proxy's address.
     */
    public void setAllowedAddresses(String allowedAddresses) {
        this.allowedAddresses = allowedAddresses;
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    /**
     * vobiz:answer and vobiz:callback without publicUrl: the host names (host or host:port, separated by
     * commas) a request may give in its Host header; others get 421 before the route. The default answer
     * builds its stream and callback URLs from that header, so on any address but loopback either this
     * or publicUrl is required (the route fails to start without): otherwise anyone could send a call's
     * audio to a host of their choosing.
     */
    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** vobiz:stream: the most sockets open at once on this consumer; more get 503. 0: no limit. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }
}
