package dev.camelvobiz.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.emulator.AnswerCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every document the builders make is one the emulator (written from the Vobiz docs) would run. */
class EmulatorAcceptsAnswersTest {

    @Test
    void everyBuiltVobizXmlDocumentRuns() {
        for (Map.Entry<String, VobizXml> document : VobizXmlTest.everyElement().entrySet()) {
            assertThat(AnswerCheck.problem(
                            "application/xml", document.getValue().toXml()))
                    .as(document.getKey())
                    .isEmpty();
        }
    }

    @Test
    void everyMiniVoiceActionRunsInBothEncodings() {
        MiniVoice all = MiniVoiceTest.allFifteen();
        assertThat(AnswerCheck.problem("application/json", all.toJson())).isEmpty();
        assertThat(AnswerCheck.problem("application/json", all.typed().toJson()))
                .isEmpty();
    }

    @Test
    void theCheckItselfCatchesWhatTheBuildersRefuse() {
        assertThat(AnswerCheck.problem(
                        "application/xml",
                        "<Response><Stream bidirectional=\"true\" audioTrack=\"both\">wss://a/m</Stream></Response>"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("audioTrack"));
        assertThat(AnswerCheck.problem("application/xml", "<Response><Play>https://a/b?x=1&y=2</Play></Response>"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("Invalid Answer XML"));
    }
}
