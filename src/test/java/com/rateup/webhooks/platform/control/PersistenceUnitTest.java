package com.rateup.webhooks.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * persistence.xml lists its classes (WildFly's virtual file system hides them from EclipseLink's
 * scan), so a new entity or converter left out of the list would fail only at run time.
 */
class PersistenceUnitTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final List<Class<? extends java.lang.annotation.Annotation>> MANAGED =
            List.of(Entity.class, Converter.class, Embeddable.class, MappedSuperclass.class);

    @Test
    void listsEveryManagedClass() throws IOException {
        assertThat(listed()).containsExactlyInAnyOrderElementsOf(managed());
    }

    private static Set<String> listed() throws IOException {
        String xml = Files.readString(CLASSES.resolve("META-INF/persistence.xml"));
        return Pattern.compile("<class>([^<]+)</class>").matcher(xml).results()
                .map(match -> match.group(1).trim()).collect(Collectors.toSet());
    }

    private static Set<String> managed() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("com"))) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.toString().contains("$"))
                    .map(file -> CLASSES.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .filter(PersistenceUnitTest::isManaged)
                    .collect(Collectors.toSet());
        }
    }

    private static boolean isManaged(String className) {
        try {
            Class<?> type = Class.forName(className, false, PersistenceUnitTest.class.getClassLoader());
            return MANAGED.stream().anyMatch(type::isAnnotationPresent);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
