package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.platform.boundary.ApiErrorResponses;
import com.rateup.webhooks.webhooks.boundary.TeamWebhookResource;
import com.rateup.webhooks.webhooks.boundary.WebhookResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * The OpenAPI document's last touches, registered by {@code mp.openapi.filter}: the per-webhook routes
 * where they answer, then the platform's error answers ({@link ApiErrorResponses}). Payara's scanner
 * documents the routes {@link WebhookOperations} declares once, and its subclasses inherit, under the
 * declaring class's path, which it has none of ({@code /null/deliveries}, …); they are moved under both
 * path shapes. A scanner that follows inheritance (WildFly's) leaves nothing to move.
 */
public class OpenApiDocument implements OASFilter {

    private static final String UNDECLARED = "/null/";
    private static final List<String> SHAPES = List.of(WebhookResource.PATH, TeamWebhookResource.PATH);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths != null && paths.getPathItems() != null) {
            Map<String, PathItem> inherited = paths.getPathItems().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(UNDECLARED))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            inherited.forEach((path, item) -> {
                paths.removePathItem(path);
                SHAPES.forEach(shape -> paths.addPathItem("/api/" + shape + path.substring(UNDECLARED.length() - 1), item));
            });
        }
        new ApiErrorResponses().filterOpenAPI(openAPI);
    }
}
