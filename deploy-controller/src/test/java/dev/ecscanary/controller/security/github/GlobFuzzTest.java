package dev.ecscanary.controller.security.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the claim patterns of the CI policy against a plain wildcard matcher written the obvious way: whatever the
 * pattern (regex metacharacters included) and whatever the claim a token carries, {@link Glob} agrees with it — a
 * pattern never matches more, or less, than it says.
 */
class GlobFuzzTest {

    @DictionaryEntries({"*", "?", "refs/heads/", "refs/tags/v", "acme/", "\\", ".*", "\\Q", "\\E", "[", "(", "$", "^"})
    @FuzzTest(maxDuration = "20s")
    void aPatternMatchesExactlyWhatAWildcardMatcherSays(FuzzedDataProvider data) {
        String pattern = data.consumeString(40);
        String claim = data.consumeRemainingAsString();

        assertThat(Glob.matches(pattern, claim))
                .as("'%s' against '%s'", pattern, claim)
                .isEqualTo(wildcard(
                        pattern.codePoints().toArray(), claim.codePoints().toArray()));
    }

    /** {@code *} any run of characters, {@code ?} exactly one, anything else itself; by dynamic programming. */
    private static boolean wildcard(int[] pattern, int[] value) {
        boolean[][] matches = new boolean[pattern.length + 1][value.length + 1];
        matches[0][0] = true;
        for (int p = 1; p <= pattern.length; p++) {
            for (int v = 0; v <= value.length; v++) {
                int c = pattern[p - 1];
                if (c == '*') {
                    matches[p][v] = matches[p - 1][v] || (v > 0 && matches[p][v - 1]);
                } else if (v > 0) {
                    matches[p][v] = matches[p - 1][v - 1] && (c == '?' || c == value[v - 1]);
                }
            }
        }
        return matches[pattern.length][value.length];
    }
}
