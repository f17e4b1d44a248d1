package com.rateup.webhooks.webhooks.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/** An absolute http(s) URL with a host and no user credentials, at most 2,048 characters. */
@Constraint(validatedBy = EndpointUrl.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface EndpointUrl {

    int MAX_LENGTH = 2048;

    String message() default "{com.rateup.webhooks.EndpointUrl.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndpointUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The URL, or null when it is not an acceptable endpoint. */
        public static URI parse(String value) {
            if (value.length() > MAX_LENGTH) {
                return null;
            }
            try {
                URI uri = new URI(value.strip());
                String scheme = uri.getScheme();
                boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
                return web && uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null
                        && uri.getRawFragment() == null ? uri : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
