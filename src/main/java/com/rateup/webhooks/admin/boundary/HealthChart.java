package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.platform.boundary.PageMessages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoint health panel's chart of the last 24 hours, drawn by the server as SVG (no script, the
 * CSP unchanged): a bar per hour for its attempts with the failed part in front of it, and a dot for its
 * p95 on a scale up to the timeout (the dashed line at 60 % is where an endpoint counts as SLOW). The
 * page shows the same figures as a table, for screen readers and for the exact numbers.
 */
public record HealthChart(List<Bar> bars, int maxAttempts, long timeoutMs, String summary, String scale) {

    static final int WIDTH = 480;
    static final int PLOT_HEIGHT = 120;
    static final int TOP = 10;
    static final int SLOT = WIDTH / 24;
    static final int BAR = SLOT - 6;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

    /** One hour's column; y grows downwards, as in SVG. */
    public record Bar(String label, int attempts, int failures, Long p95Ms, int x, int attemptsY, int attemptsHeight, int failuresY,
            int failuresHeight, Integer p95Y, boolean labelled) {

        public int centre() {
            return x + BAR / 2;
        }
    }

    static HealthChart of(EndpointHealth.Stats stats) {
        List<EndpointHealth.Hour> hours = stats.hourly();
        int max = Math.max(1, hours.stream().mapToInt(EndpointHealth.Hour::attempts).max().orElse(0));
        List<Bar> bars = new ArrayList<>(hours.size());
        int failures = 0;
        for (int i = 0; i < hours.size(); i++) {
            EndpointHealth.Hour hour = hours.get(i);
            int attemptsHeight = scaled(hour.attempts(), max);
            int failuresHeight = scaled(hour.failures(), max);
            Integer p95Y = hour.p95Ms() == null ? null
                    : TOP + PLOT_HEIGHT - (int) Math.round(PLOT_HEIGHT * Math.min(1.0, (double) hour.p95Ms() / stats.timeoutMs()));
            bars.add(new Bar(HOUR.format(hour.start()), hour.attempts(), hour.failures(), hour.p95Ms(), i * SLOT + 3,
                    TOP + PLOT_HEIGHT - attemptsHeight, attemptsHeight, TOP + PLOT_HEIGHT - failuresHeight, failuresHeight, p95Y, i % 6 == 0));
            failures += hour.failures();
        }
        String summary = PageMessages.text("health.chart.summary", stats.attempts24h(), failures, max);
        return new HealthChart(bars, max, stats.timeoutMs(), summary, PageMessages.text("health.chart.max", max));
    }

    /** Tall enough to see: an hour with a single attempt among thousands still gets a pixel. */
    private static int scaled(int value, int max) {
        return value == 0 ? 0 : Math.max(1, (int) Math.round((double) PLOT_HEIGHT * value / max));
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getBaseline() {
        return TOP + PLOT_HEIGHT;
    }

    public int getSlowLineY() {
        return TOP + PLOT_HEIGHT - (int) Math.round(PLOT_HEIGHT * EndpointHealth.SLOW_SHARE);
    }

    public int getBarWidth() {
        return BAR;
    }
}
