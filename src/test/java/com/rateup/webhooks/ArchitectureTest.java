package com.rateup.webhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The map of the code, checked: components depend on each other in one direction (docs/architecture.md,
 * "Where things are"; each package-info says its place), and inside a component BCE's direction
 * holds: boundary → control → entity, never back.
 */
@AnalyzeClasses(packages = "com.rateup.webhooks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.rateup.webhooks.";

    @ArchTest
    static final ArchRule componentsHaveNoCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

    /** The components from the top down; read before the rules that use it; those before {@code component} may use it. */
    private static final List<String> TOP_DOWN = List.of("admin", "privacy", "deliveries", "dispatch", "health", "egress", "outbox", "responses",
            "webhooks", "surveys", "teams", "platform");

    /**
     * platform ← teams ← surveys ← webhooks, responses ← outbox ← health, egress ← dispatch ← deliveries ← privacy ← admin:
     * the delivery core's components each in their own layer (ADR 0001), health and egress beside each other.
     */
    @ArchTest
    static final ArchRule componentsDependDownwardOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("admin").definedBy(ROOT + "admin..")
            .layer("privacy").definedBy(ROOT + "privacy..")
            .layer("deliveries").definedBy(ROOT + "deliveries..")
            .layer("dispatch").definedBy(ROOT + "dispatch..")
            .layer("health").definedBy(ROOT + "health..")
            .layer("egress").definedBy(ROOT + "egress..")
            .layer("outbox").definedBy(ROOT + "outbox..")
            .layer("responses").definedBy(ROOT + "responses..")
            .layer("webhooks").definedBy(ROOT + "webhooks..")
            .layer("surveys").definedBy(ROOT + "surveys..")
            .layer("teams").definedBy(ROOT + "teams..")
            .layer("platform").definedBy(ROOT + "platform..")
            .whereLayer("admin").mayNotBeAccessedByAnyLayer()
            .whereLayer("privacy").mayOnlyBeAccessedByLayers("admin")
            .whereLayer("deliveries").mayOnlyBeAccessedByLayers("admin")
            .whereLayer("dispatch").mayOnlyBeAccessedByLayers("deliveries", "admin")
            .whereLayer("health").mayOnlyBeAccessedByLayers("dispatch", "deliveries", "admin")
            .whereLayer("egress").mayOnlyBeAccessedByLayers("dispatch", "deliveries", "admin")
            .whereLayer("outbox").mayOnlyBeAccessedByLayers(above("outbox"))
            .whereLayer("responses").mayOnlyBeAccessedByLayers(above("responses"))
            .whereLayer("webhooks").mayOnlyBeAccessedByLayers(above("webhooks"))
            .whereLayer("surveys").mayOnlyBeAccessedByLayers(above("surveys"))
            .whereLayer("teams").mayOnlyBeAccessedByLayers(above("teams"));

    private static String[] above(String component) {
        return TOP_DOWN.subList(0, TOP_DOWN.indexOf(component)).stream()
                .filter(upper -> !(component.equals("webhooks") && upper.equals("responses")))
                .toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule entitiesKnowNothingAboveThem = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..");

    @ArchTest
    static final ArchRule controlsKnowNoBoundary = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule resourcesAreBoundaries = classes().that().areAnnotatedWith(Path.class)
            .should().resideInAPackage("..boundary..");

    /** With {@code SurveyOwnership} (bound to no annotation) this is the whole of tenancy: no team route can forget it. */
    @ArchTest
    static final ArchRule teamRoutesNeedTheTeamsToken = classes().that(declareAPathUnder("teams/{teamId}"))
            .should().beAnnotatedWith(TeamScoped.class);

    private static DescribedPredicate<JavaClass> declareAPathUnder(String prefix) {
        return DescribedPredicate.describe("declare a @Path under " + prefix, javaClass -> javaClass.isAnnotatedWith(Path.class)
                && javaClass.getAnnotationOfType(Path.class).value().startsWith(prefix));
    }

    /** Each component's settings, with their defaults, are read in one class (DeliveryPolicy, TeamConfig, …). */
    @ArchTest
    static void eachComponentReadsItsSettingsInOneClass(JavaClasses classes) {
        Map<String, List<String>> readers = classes.stream()
                .filter(javaClass -> javaClass.getFields().stream().anyMatch(field -> field.isAnnotatedWith(ConfigProperty.class)))
                .collect(Collectors.groupingBy(javaClass -> javaClass.getPackageName().substring(ROOT.length()).split("\\.")[0],
                        TreeMap::new, Collectors.mapping(JavaClass::getSimpleName, Collectors.toList())));
        assertThat(readers).isNotEmpty().allSatisfy((component, names) -> assertThat(names).as(component).hasSize(1));
    }

    /**
     * Inside a component the non-entity classes depend on each other in one direction too: a cycle
     * (held together by CDI proxies, which accept it) is a knot no one can change one end of alone.
     * Entities may refer back to each other (JPA's relations); a nested class counts as its owner.
     */
    @ArchTest
    static void classesOfAComponentHaveNoCycles(JavaClasses classes) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            String from = topLevelOf(javaClass);
            if (!inControlOrBoundary(javaClass)) {
                continue;
            }
            Set<String> targets = uses.computeIfAbsent(from, name -> new TreeSet<>());
            javaClass.getDirectDependenciesFromSelf().stream()
                    .map(Dependency::getTargetClass)
                    .filter(target -> target.getPackageName().startsWith(ROOT) && inControlOrBoundary(target)
                            && componentOf(target).equals(componentOf(javaClass)))
                    .map(ArchitectureTest::topLevelOf)
                    .filter(target -> !target.equals(from))
                    .forEach(targets::add);
        }
        assertThat(ClassCycles.of(uses)).as("cycles between the classes of a component").isEmpty();
    }

    /** A component that grows past this share of the main code is split along its seams. */
    @ArchTest
    static void noComponentHoldsMoreThanThirtyPercentOfTheCode(JavaClasses classes) throws IOException {
        var main = Paths.get("src/main/java/com/rateup/webhooks"); // Maven runs the tests in the project's folder
        Map<String, Long> lines = new TreeMap<>();
        try (var files = Files.walk(main)) {
            for (var file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                lines.merge(main.relativize(file).getName(0).toString(), (long) Files.readAllLines(file).size(), Long::sum);
            }
        }
        long total = lines.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isPositive();
        assertThat(lines).allSatisfy((component, count) -> assertThat(count * 100 / total).as(component + ": " + count + " of " + total
                + " lines, in %").isLessThanOrEqualTo(30));
    }

    private static boolean inControlOrBoundary(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return name.endsWith(".control") || name.endsWith(".boundary");
    }

    private static String componentOf(JavaClass javaClass) {
        return javaClass.getPackageName().substring(ROOT.length()).split("\\.")[0];
    }

    private static String topLevelOf(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
    }

    @ArchTest
    static final ArchRule persistentClassesAreEntities = classes().that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage("..entity..");
}
