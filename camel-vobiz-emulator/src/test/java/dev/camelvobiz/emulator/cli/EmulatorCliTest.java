package dev.camelvobiz.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, as the README shows it: a call that writes heard.wav and a timeline. */
class EmulatorCliTest {

    @TempDir
    Path out;

    private volatile String answerDocument = "<Response><Speak>Hello from the app</Speak></Response>";
    private Server answerServer;
    private int port;

    @BeforeEach
    void startAnswerServer() throws Exception {
        answerServer = new Server();
        ServerConnector connector = new ServerConnector(answerServer);
        connector.setHost("127.0.0.1");
        answerServer.addConnector(connector);
        answerServer.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
                Content.Sink.write(response, true, answerDocument, callback);
                return true;
            }
        });
        answerServer.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        answerServer.stop();
    }

    private static String run(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = EmulatorCli.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(expectedExit);
        return printed;
    }

    @Test
    void placesACallAndWritesWhatTheCallerHeardAndATimeline() throws Exception {
        String printed = run(
                0,
                "call",
                "http://127.0.0.1:" + port + "/answer",
                "--caller-audio",
                "tone:440:300",
                "--out",
                out.toString());

        assertThat(printed).contains("speak", "End Of XML Instructions 4010", "heard.wav");
        Pcm heard = Wav.read(out.resolve("heard.wav"));
        assertThat(heard.durationMillis()).isGreaterThanOrEqualTo(400);
        assertThat(heard.rms(0, heard.samples().length)).isGreaterThan(1000);
        assertThat(Files.readString(out.resolve("timeline.txt"))).contains("answer", "speak", "hangup");
        assertThat(Files.readString(out.resolve("call.json")))
                .as("the record the web console loads")
                .contains("\"timeline\"", "\"heard\"", "\"said\"", "End Of XML Instructions");
    }

    @Test
    void theConsoleNeedsAnAnswerUrl() throws Exception {
        assertThat(run(2, "console", "--port", "0")).contains("console needs --answer-url URL");
    }

    @Test
    void printsUsageForUnknownCommands() throws Exception {
        assertThat(run(2, "dance", "somewhere")).contains("usage:");
        assertThat(run(2)).contains("load");
    }

    @Test
    void helpIsHelpAndABadUrlIsAPlainError() throws Exception {
        assertThat(run(0, "call", "--help")).contains("usage:").doesNotContain("Exception");
        assertThat(run(0, "--help")).contains("usage:");
        assertThat(run(2, "call", "--out", "somewhere")).contains("call needs its URL before the options");
        assertThat(run(2, "call", "not a url")).contains("call needs a http or https URL, not 'not a url'");
        assertThat(run(2, "stream", "http://127.0.0.1/media")).contains("stream needs a ws or wss URL");
    }

    @Test
    void theTimelineIsPrintedAsTheCallHappens() throws Exception {
        // a call the app keeps up: the caller's 3 s limit ends it
        answerDocument = "<Response><Wait length=\"30\"/></Response>";
        CountDownLatch answered = new CountDownLatch(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
            @Override
            public void println(Object line) {
                super.println(line);
                if (String.valueOf(line).contains("answer ")) {
                    answered.countDown();
                }
            }
        };
        Thread cli = new Thread(() -> {
            try {
                EmulatorCli.run(
                        new String[] {
                            "call", "http://127.0.0.1:" + port + "/answer", "--timeout", "3s", "--out", out.toString()
                        },
                        printer);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cli.start();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("answer ");
        assertThat(answered.await(2, TimeUnit.SECONDS))
                .as("the answer line while the call is still up (it ends at 3 s): " + bytes)
                .isTrue();
        cli.join(15_000);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("calling http://127.0.0.1:" + port + "/answer")
                .contains("wait", "hangup: ");
    }
}
