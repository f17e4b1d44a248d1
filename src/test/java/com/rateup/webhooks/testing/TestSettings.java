package com.rateup.webhooks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** test-settings.properties: the one place the tests' server settings are written. */
final class TestSettings {

    private TestSettings() {
    }

    static String text() {
        try (InputStream in = TestSettings.class.getResourceAsStream("/test-settings.properties")) {
            if (in == null) {
                throw new IllegalStateException("test-settings.properties is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> asMap() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
