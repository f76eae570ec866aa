package io.topograph;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;
import io.topograph.apikeys.ApiKeyRepository;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkRepository;
import io.topograph.organizations.MembershipRepository;
import io.topograph.organizations.OrganizationRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The layout rules of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.topograph");

    /** Users are global accounts and organizations are the tenants themselves: not tenant-owned. */
    private static final DescribedPredicate<JavaClass> TENANT_OWNED = DescribedPredicate.describe("in a tenant-owned feature",
            c -> !c.getPackageName().startsWith("io.topograph.users")
                    && !c.getPackageName().startsWith("io.topograph.platform")
                    && !c.getName().equals(OrganizationRepository.class.getName()));

    @Test
    void platform_code_imports_no_feature() {
        noClasses().that().resideInAPackage("io.topograph.platform..")
                .should().dependOnClassesThat(resideInAPackage("io.topograph..")
                        .and(DescribedPredicate.not(resideInAPackage("io.topograph.platform.."))))
                .because("features plug into platform through its interfaces, never the other way round")
                .check(CLASSES);
    }

    @Test
    void repositories_of_tenant_owned_tables_only_answer_within_one_organization() {
        classes().that().areAnnotatedWith(JdbcRepository.class).and().areInterfaces().and(TENANT_OWNED)
                .should(new ArchCondition<>("take the organization id in every method and use it in the query") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        for (String violation : violations(repository.reflect())) {
                            events.add(SimpleConditionEvent.violated(repository, violation));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void controllers_go_through_services_not_repositories() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(JdbcRepository.class)
                .because("use cases (and their transactions and access checks) live in services")
                .check(CLASSES);
    }

    /** The repository rule is not vacuous: it passes real repositories and catches a leaky one. */
    @Test
    void the_repository_rule_accepts_scoped_methods_and_rejects_unscoped_ones() {
        assertThat(violations(NetworkRepository.class)).isEmpty();
        assertThat(violations(MembershipRepository.class)).isEmpty();
        assertThat(violations(ApiKeyRepository.class)).isEmpty();
        assertThat(violations(Leaky.class)).hasSize(4)
                .anyMatch(v -> v.contains("findById"))
                .anyMatch(v -> v.contains("findByName"))
                .anyMatch(v -> v.contains("ignoresIt"))
                .anyMatch(v -> v.contains("save"));
    }

    /**
     * Why the public methods of a repository could reach another organization's rows. A method is
     * fine when it has a parameter named {@code organizationId} that its query really uses (a
     * {@code :organizationId} placeholder in {@code @Query}, or the property in a derived name),
     * or when it is {@code save}/{@code update} of an entity that carries its organization id.
     * Inherited methods count, so extending CrudRepository (findAll, findById…) is caught too.
     */
    static List<String> violations(Class<?> repository) {
        List<String> out = new ArrayList<>();
        for (Method method : repository.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String where = repository.getSimpleName() + "." + method.getName() + Arrays.toString(method.getParameterTypes());
            if ((method.getName().equals("save") || method.getName().equals("update")) && method.getParameterCount() == 1) {
                if (!carriesOrganizationId(method.getParameterTypes()[0])) {
                    out.add(where + " writes an entity without an organizationId");
                }
                continue;
            }
            Optional<Parameter> organizationId = Arrays.stream(method.getParameters())
                    .filter(p -> p.isNamePresent() && p.getName().equals("organizationId")).findFirst();
            if (organizationId.isEmpty()) {
                out.add(where + " has no organizationId parameter (compiled with -parameters?)");
                continue;
            }
            Query query = method.getAnnotation(Query.class);
            boolean used = query != null ? query.value().contains(":organizationId") : method.getName().contains("OrganizationId");
            if (!used) {
                out.add(where + " takes organizationId but its query does not use it");
            }
        }
        return out;
    }

    private static boolean carriesOrganizationId(Class<?> entity) {
        if (entity.isRecord()) {
            return Arrays.stream(entity.getRecordComponents()).anyMatch(c -> c.getName().equals("organizationId"));
        }
        return Arrays.stream(entity.getDeclaredFields()).anyMatch(f -> f.getName().equals("organizationId"));
    }

    /** What the rule must refuse. */
    @SuppressWarnings("unused")
    interface Leaky {
        Optional<Network> findById(UUID id);

        Optional<Network> findByName(String name);

        Optional<Network> findByOrganizationIdAndId(UUID organizationId, UUID id);

        @Query("select * from networks where id = :id")
        Optional<Network> ignoresIt(UUID organizationId, UUID id);

        @Query("select * from networks where organization_id = :organizationId and id = :id")
        Optional<Network> usesIt(UUID organizationId, UUID id);

        String save(String notAnEntity);

        Network update(Network network);
    }
}
