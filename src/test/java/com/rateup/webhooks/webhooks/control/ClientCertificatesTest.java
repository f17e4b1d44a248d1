package com.rateup.webhooks.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rateup.webhooks.testing.TestCertificates;
import jakarta.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client certificates as operators paste them: PEM from keytool's key store (2-6 s: two RSA keys made). */
class ClientCertificatesTest {

    @TempDir
    Path dir;

    @Test
    void aCertificateAndItsKeyPassAnotherKeyOrAnythingElseIsRefusedWithWhy() throws Exception {
        TestCertificates.Identity client = TestCertificates.generate(dir, "client", "dns:client");
        TestCertificates.Identity other = TestCertificates.generate(dir, "other", "dns:other");

        ClientCertificates.check(client.certificatePem(), client.privateKeyPem());
        ClientCertificates.check(client.certificatePem(), null);
        assertThat(ClientCertificates.sslContext(client.certificatePem(), client.privateKeyPem()).getProtocol()).isEqualTo("TLS");
        assertThat(ClientCertificates.describe(client.certificatePem(), Json.createObjectBuilder().add("type", "mtls").build()).toString())
                .contains("\"certificateSubject\":\"CN=client\"", "certificateNotAfter");

        assertThatThrownBy(() -> ClientCertificates.check(client.certificatePem(), other.privateKeyPem()))
                .hasMessage("privateKey does not belong to the certificate");
        assertThatThrownBy(() -> ClientCertificates.check("not a certificate", null)).hasMessageStartingWith("certificate must be PEM");
        assertThatThrownBy(() -> ClientCertificates.check(client.certificatePem(), client.privateKeyPem().replace("PRIVATE KEY", "RSA PRIVATE KEY")))
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }
}
