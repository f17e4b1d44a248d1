package com.rateup.webhooks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.asset.StringAsset;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test uses: the packaged WAR itself, at the root context,
 * with the tests' settings (test-settings.properties) added to its microprofile-config.properties.
 */
public final class Deployments {

    private Deployments() {
    }

    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    public static WebArchive application() {
        File war = new File(System.getProperty("war.file", "target/rateup-webhooks.war"));
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
        String config;
        try (InputStream in = archive.get(CONFIG).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n" + TestSettings.text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        archive.delete(CONFIG);
        return archive.add(new StringAsset(config), CONFIG);
    }
}
