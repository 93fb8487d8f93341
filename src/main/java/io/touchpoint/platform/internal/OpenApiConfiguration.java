package io.touchpoint.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and the two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI touchpointOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Touchpoint API")
                        .version("v1")
                        .description(
                                "Ingestion (/v1, Segment-compatible) and the workspace API (/api/v1). "
                                        + "Secret keys: Authorization: Bearer. Public write keys: HTTP Basic, key as user name.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "secretKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A secret API key"))
                        .addSecuritySchemes(
                                "writeKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A public write key as user name, empty password")))
                .addSecurityItem(new SecurityRequirement().addList("secretKey"))
                .addSecurityItem(new SecurityRequirement().addList("writeKey"));
    }
}
