package com.rateup.webhooks.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogCursorTest {

    @Test
    void aCursorReadsBackAsWrittenToTheMicrosecond() {
        LogCursor cursor = new LogCursor(Instant.parse("2026-11-30T10:15:30.123456Z"), "3f1c2a9e-0000-4000-8000-000000000001");
        assertThat(LogCursor.parse(cursor.encoded())).contains(cursor);
        assertThat(cursor.encoded()).doesNotContain("=", "+", "/"); // safe in a query string as it is
    }

    @Test
    void whatNoCursorCameFromIsRefused() {
        assertThat(LogCursor.parse("not-a-cursor")).isEmpty();
        assertThat(LogCursor.parse("")).isEmpty();
        assertThat(LogCursor.parse(java.util.Base64.getUrlEncoder().encodeToString("12:".getBytes()))).isEmpty();
        assertThat(LogCursor.parse(java.util.Base64.getUrlEncoder().encodeToString("x:abc".getBytes()))).isEmpty();
        assertThat(LogCursor.parse(java.util.Base64.getUrlEncoder().encodeToString("99999999999999999999:abc".getBytes()))).isEmpty();
    }
}
