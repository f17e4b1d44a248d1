package com.rateup.webhooks.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "rateup-webhooks", version = "1",
        description = "Survey-response webhooks: teams, surveys, webhook settings, delivery log and the public response intake."))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "basic",
            description = "Platform administrator (rateup.admin.username / rateup.admin.password)"),
    @SecurityScheme(securitySchemeName = "team", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "Team API token, returned when the team or token is created")
})
public class RestApplication extends Application {
}
