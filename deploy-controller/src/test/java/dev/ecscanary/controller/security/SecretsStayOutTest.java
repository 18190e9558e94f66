package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A credential sent to the controller never comes back in an error body, and never reaches the log. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutTest extends SecurityScenarios {

    @Test
    void aWrongTokensValueIsInNeitherThe401NorTheLog(CapturedOutput output) throws Exception {
        String secret = "ecsc_ThisIsAGuessedButSecretLookingValue0123456789abcdefgh";
        String body = deployAs(secret, BODY)
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String forged = IdTokens.valid().tamperedRepository("evil/shop");
        String forgedBody = deployAs(forged, BODY)
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(secret).doesNotContain(secret.substring(5, 30));
        assertThat(forgedBody).doesNotContain(forged.split("\\.")[1]).doesNotContain(forged.split("\\.")[2]);
        assertThat(output.getAll()).doesNotContain(secret.substring(5, 30)).doesNotContain(forged.split("\\.")[2]);
    }

    @Test
    void aValidTokenIsNotLoggedWhileARequestIsServed(CapturedOutput output) throws Exception {
        String token = IdTokens.valid().signed();
        deployAs(token, BODY).andExpect(status().isAccepted());
        assertThat(output.getAll()).doesNotContain(token.split("\\.")[2]);
        assertThat(output.getAll()).doesNotContain(dev.ecscanary.controller.fakes.TestCallers.CI);
    }
}
