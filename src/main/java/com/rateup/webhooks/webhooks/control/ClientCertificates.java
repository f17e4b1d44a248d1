package com.rateup.webhooks.webhooks.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A webhook's client certificate for mutual TLS, given as PEM: read with the JDK alone (X.509, a PKCS#8
 * RSA or EC key), checked to belong together when saved, and turned into the TLS context its
 * deliveries connect with (the JDK's default trust for the receiver's certificate).
 */
public final class ClientCertificates {

    private static final Pattern CERTIFICATE = pem("CERTIFICATE");
    private static final Pattern PRIVATE_KEY = pem("PRIVATE KEY");
    private static final char[] NO_PASSWORD = new char[0];

    private ClientCertificates() {
    }

    /** Refuses, with what is wrong, a certificate that cannot be read, or a key that cannot or does not belong to it; a null key is not checked. */
    public static void check(String certificatePem, String privateKeyPem) {
        X509Certificate certificate = certificate(certificatePem);
        if (privateKeyPem == null) {
            return;
        }
        PrivateKey key = privateKey(privateKeyPem);
        try {
            Signature signer = Signature.getInstance(key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
            signer.initSign(key);
            byte[] probe = "rateup-webhooks".getBytes(StandardCharsets.US_ASCII);
            signer.update(probe);
            byte[] signed = signer.sign();
            signer.initVerify(certificate.getPublicKey());
            signer.update(probe);
            if (!signer.verify(signed)) {
                throw new IllegalArgumentException("privateKey does not belong to the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("privateKey does not belong to the certificate");
        }
    }

    /** {@code view} with the certificate's subject and the end of its validity. */
    public static JsonObject describe(String certificatePem, JsonObject view) {
        X509Certificate certificate = certificate(certificatePem);
        return Json.createObjectBuilder(view)
                .add("certificateSubject", certificate.getSubjectX500Principal().getName())
                .add("certificateNotAfter", certificate.getNotAfter().toInstant().toString())
                .build();
    }

    /** The TLS context that presents this certificate to the receiver. */
    public static SSLContext sslContext(String certificatePem, String privateKeyPem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", privateKey(privateKeyPem), NO_PASSWORD, new java.security.cert.Certificate[] {certificate(certificatePem)});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the stored client certificate cannot be used: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der(CERTIFICATE, pem, "certificate")));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("certificate is not an X.509 certificate in PEM");
        }
    }

    private static PrivateKey privateKey(String pem) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der(PRIVATE_KEY, pem, "privateKey"));
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // the next algorithm
            }
        }
        throw new IllegalArgumentException("privateKey is not an RSA or EC key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----;"
                + " openssl pkcs8 -topk8 -nocrypt converts others)");
    }

    private static byte[] der(Pattern block, String pem, String name) {
        Matcher matcher = block.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException(name + " must be PEM (-----BEGIN " + (name.equals("certificate") ? "CERTIFICATE" : "PRIVATE KEY")
                    + "-----; an encrypted or PKCS#1 key: openssl pkcs8 -topk8 -nocrypt converts it)");
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64 inside its PEM armour");
        }
    }

    private static Pattern pem(String label) {
        return Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----");
    }
}
