package com.rateup.webhooks.platform.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Adds to every operation of the OpenAPI document the error answers the API's shared machinery gives
 * (rather than repeating them on 17 methods): 401 where a token or password is required, 404 where the
 * path names something, 400 for a body or query parameter that fails validation, 413 and 415 for
 * bodies; all as {@link ErrorBody}, whose schema the 409 answers bring into the document. Only model
 * methods that MicroProfile OpenAPI 3.1 (Payara) and 4 (WildFly) share. Run by {@code deliveries.boundary.OpenApiDocument}, the document's registered filter.
 */
public class ApiErrorResponses implements OASFilter {

    private static final String ERROR_SCHEMA = "ErrorBody";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> errorsOf(path, operation).forEach((code, description) -> addError(operation, code, description))));
    }

    private static Map<String, String> errorsOf(String path, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean hasQuery = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (operation.getRequestBody() != null || hasQuery) {
            errors.put("400", "Malformed JSON, or a field or parameter that fails validation (listed in details)");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            errors.put("401", "Missing or wrong credentials");
        }
        if (path.contains("{")) {
            errors.put("404", "No such team, survey, webhook or delivery, or one of another team");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "Request body larger than rateup.api.max-body-bytes");
            errors.put("415", "Content-Type is not application/json");
        }
        return errors;
    }

    private static void addError(Operation operation, String code, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(code)) {
            return;
        }
        operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)))));
    }
}
