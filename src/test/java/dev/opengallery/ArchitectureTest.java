package dev.opengallery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code, checked on the compiled classes (README, "Code map"): feature packages form layers without
 * cycles, resources never touch SQL or the persistence of entities, and the classes that decide money and state are
 * plain Java.
 */
class ArchitectureTest {

    static final String ROOT = "dev.opengallery";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * The layers, bottom first: a package may use packages of lower layers only (never one of its own layer, never a
     * higher one). Ordering reaches the features above it (the purchased app, the service flow) through the
     * interfaces it declares in {@code ordering.Fulfilment}, implemented above.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("core"),
            List.of("jobs", "console"),
            List.of("catalog", "notifications"),
            List.of("payments"),
            List.of("offers"),
            List.of("ordering"),
            List.of("apps", "invoicing"),
            List.of("renewal", "metering"),
            List.of("supervision"),
            List.of("tickets", "requirements"));

    static String pkg(String feature) {
        return ROOT + "." + feature + "..";
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyFeaturePackageHasItsLayer() {
        List<String> known = LAYERS.stream().flatMap(List::stream).toList();
        List<String> packages = CLASSES.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(ROOT + ".")).map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct().filter(p -> !known.contains(p)).toList();
        if (!packages.isEmpty()) {
            throw new AssertionError("Packages without a layer in ArchitectureTest.LAYERS (and the README's code map): "
                    + packages);
        }
    }

    @Test
    void packagesUseOnlyLowerLayers() {
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                rank.put(p, i);
            }
        }
        for (var entry : rank.entrySet()) {
            String[] notBelow = rank.entrySet().stream()
                    .filter(e -> e.getValue() >= entry.getValue() && !e.getKey().equals(entry.getKey()))
                    .map(e -> pkg(e.getKey())).toArray(String[]::new);
            if (notBelow.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage(pkg(entry.getKey()))
                    .should().dependOnClassesThat().resideInAnyPackage(notBelow)
                    .because(entry.getKey() + " may use only the layers below it").check(CLASSES);
        }
    }

    static final DescribedPredicate<JavaClass> RESOURCES = new DescribedPredicate<>("REST resources") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith("jakarta.ws.rs.Path") || c.getSimpleName().endsWith("Resource");
        }
    };

    @Test
    void resourcesCallServicesAndNeverTouchSqlOrPersistence() {
        ArchRule rule = noClasses().that(RESOURCES).should().dependOnClassesThat().resideInAnyPackage(
                "io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..", "io.vertx.pgclient..", "org.hibernate..",
                "io.quarkus.hibernate.reactive.panache..", "jakarta.persistence..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".core.Tx")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".core.Db")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".core.Sql")
                .because("a resource maps HTTP to a service call; the service loads and changes entities");
        rule.check(CLASSES);
    }

    /** The classes that decide money and state: fast plain-Java unit tests run them without the framework. */
    static final DescribedPredicate<JavaClass> RULES = new DescribedPredicate<>("rule classes") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getSimpleName();
            String outer = c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0];
            return List.of("Rules", "Lifecycle", "Machine", "Plan", "Pricing", "Fees", "Discount", "Policy").stream()
                    .anyMatch(s -> outer.endsWith(s)) || name.equals("Money");
        }
    };

    @Test
    void ruleClassesArePlainJava() {
        noClasses().that(RULES).should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..",
                "io.smallrye..", "jakarta..", "org.hibernate..", "com.fasterxml..")
                .because("rules are plain Java (documentation annotations of OpenAPI aside)").check(CLASSES);
    }
}
