package com.rateup.webhooks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The image runs the Payara version the tests ran on. */
class DockerfileTest {

    @Test
    void payaraVersionIsThePoms() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("ARG PAYARA_VERSION=" + System.getProperty("payara.version") + "\n");
    }
}
