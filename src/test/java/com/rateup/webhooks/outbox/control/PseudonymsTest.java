package com.rateup.webhooks.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.webhooks.control.SecretCipher;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static final SecretCipher ONE = new SecretCipher(new byte[32]);
    private static final SecretCipher OTHER = new SecretCipher(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    private static String pseudonym(SecretCipher cipher, String team, String phone) {
        return Pseudonyms.of(Pseudonyms.keyOf(cipher, team), phone);
    }

    @Test
    void oneNumberHasOnePseudonymPerTeamWithOrWithoutItsPlus() {
        String pseudonym = pseudonym(ONE, "team-a", "+14155552671");
        assertThat(pseudonym).startsWith(Pseudonyms.PREFIX).hasSize(Pseudonyms.PREFIX.length() + 22).doesNotContain("4155552671");
        assertThat(pseudonym(ONE, "team-a", "14155552671")).isEqualTo(pseudonym);
        assertThat(pseudonym(ONE, "team-a", "14155552672")).isNotEqualTo(pseudonym);
    }

    @Test
    void anotherTeamOrAnotherKeyGivesAnUnrelatedPseudonym() {
        String pseudonym = pseudonym(ONE, "team-a", "+14155552671");
        assertThat(pseudonym(ONE, "team-b", "+14155552671")).isNotEqualTo(pseudonym);
        assertThat(pseudonym(OTHER, "team-a", "+14155552671")).isNotEqualTo(pseudonym);
    }
}
