package dev.camelvobiz;

import org.apache.camel.RuntimeCamelException;
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

    @UriParam(label = "producer")
    private String streamId;

    @UriParam(label = "producer")
    private String name;

    @UriParam(label = "security")
    @Metadata(autowired = false)
    private SSLContextParameters sslContextParameters;

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
     * How long a stream socket may stay silent before it is closed. Vobiz sends media every 20 ms, so
     * silence means the connection is gone.
     */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
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
}
