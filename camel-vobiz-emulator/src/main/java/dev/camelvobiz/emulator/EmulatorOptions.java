package dev.camelvobiz.emulator;

/**
 * How the emulated platform presents itself: the account (REST credentials, callback signing key) and
 * where its REST API listens. The auth token is a secret: it is never printed.
 */
public final class EmulatorOptions {

    private String authId = "MA_EMULATOR";
    private String authToken = "emulator-auth-token";
    private String accountId = "500025";
    private String restHost = "127.0.0.1";
    private int restPort;
    private boolean restApi = true;
    private boolean signCallbacks = true;
    private boolean trustAllCertificates;

    public static EmulatorOptions defaults() {
        return new EmulatorOptions();
    }

    /** The {@code X-Auth-ID} the REST API accepts and {@code ParentAuthID} on callbacks. */
    public EmulatorOptions authId(String authId) {
        this.authId = authId;
        return this;
    }

    /** The {@code X-Auth-Token} the REST API accepts and the key callbacks are signed with. */
    public EmulatorOptions authToken(String authToken) {
        this.authToken = authToken;
        return this;
    }

    /** The internal numeric account id of {@code start.accountId}. */
    public EmulatorOptions accountId(String accountId) {
        this.accountId = accountId;
        return this;
    }

    public EmulatorOptions restHost(String host) {
        this.restHost = host;
        return this;
    }

    /** Port of the REST API; 0 (the default) picks a free one. */
    public EmulatorOptions restPort(int port) {
        this.restPort = port;
        return this;
    }

    public EmulatorOptions restApi(boolean enabled) {
        this.restApi = enabled;
        return this;
    }

    /** Sign callbacks with {@code X-Vobiz-Signature-V2/V3} (Vobiz does when the console says so). */
    public EmulatorOptions signCallbacks(boolean sign) {
        this.signCallbacks = sign;
        return this;
    }

    /** Accept any certificate on {@code wss://} streams (a local app with a self-signed one). */
    public EmulatorOptions trustAllCertificates(boolean trustAll) {
        this.trustAllCertificates = trustAll;
        return this;
    }

    public String authId() {
        return authId;
    }

    public String authToken() {
        return authToken;
    }

    public String accountId() {
        return accountId;
    }

    public String restHost() {
        return restHost;
    }

    public int restPort() {
        return restPort;
    }

    boolean restApiEnabled() {
        return restApi;
    }

    boolean signCallbacksEnabled() {
        return signCallbacks;
    }

    boolean trustAllCertificatesEnabled() {
        return trustAllCertificates;
    }

    @Override
    public String toString() {
        return "EmulatorOptions[authId=" + authId + ", authToken=***, restPort=" + restPort + "]";
    }
}
