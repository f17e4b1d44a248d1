package com.rateup.webhooks.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * API bodies keep their null fields, so clients see every documented key. A request body with a
 * field the API does not know is refused (400), not silently ignored: a misspelt field would
 * otherwise look accepted. ({@code jsonb.fail-on-unknown-properties} is Yasson's switch, the JSON-B
 * implementation of both Payara and WildFly.)
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
