package io.topograph.topology.groups;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.web.ValidationException;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class GroupServiceTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    GroupService groups;

    @Test
    void a_group_is_validated_whole_and_nothing_is_written_when_any_field_is_wrong() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site s = inv.site(signUp("groups"));
        UUID a = inv.host(s, "a");
        UUID b = inv.host(s, "b");
        String svc = "svc:" + inv.service(s, a, "nginx", "nginx", "web-server", 443);
        List<String> ok = List.of(svc, "host:" + b);

        assertThatThrownBy(() -> groups.create(s.organizationId(), s.networkId(), new GroupForm("", "CIRCLE", "red", "WAVY", List.of(svc))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().list()).extracting(f -> f.field())
                        .containsExactly("name", "shape", "color", "edgeStyle", "members"));
        assertThatThrownBy(() -> groups.create(s.organizationId(), s.networkId(),
                new GroupForm("Flow", "PATH", "#123456", "SOLID", List.of(svc, "host:" + UUID.randomUUID()))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get("members")).startsWith("Not in this network"));
        assertThatThrownBy(() -> groups.create(s.organizationId(), s.networkId(), new GroupForm("Flow", "PATH", "#123456", "SOLID",
                List.of(svc, svc)))).isInstanceOf(ValidationException.class);
        assertThat(db.count("select count(*) from topology_groups where network_id = ?", s.networkId())).isZero();

        Group g = groups.create(s.organizationId(), s.networkId(), new GroupForm(" Flow ", "path", "#ABCDEF", "dotted", ok));
        assertThat(g).extracting(Group::name, Group::shape, Group::color, Group::edgeStyle, Group::members)
                .containsExactly("Flow", "PATH", "#abcdef", "DOTTED", ok);
        assertThatThrownBy(() -> groups.create(s.organizationId(), s.networkId(), new GroupForm("FLOW", "HUB", "#000000", "SOLID", ok)))
                .isInstanceOf(ValidationException.class);
        Group edited = groups.update(s.organizationId(), s.networkId(), g.id(), new GroupForm("Flow", "HUB", "#000000", "DASHED",
                List.of("host:" + b, svc)));
        assertThat(edited.members()).containsExactly("host:" + b, svc);
        assertThat(groups.groups(s.organizationId(), s.networkId())).extracting(Group::id).containsExactly(g.id());
        groups.delete(s.organizationId(), s.networkId(), g.id());
        assertThat(groups.groups(s.organizationId(), s.networkId())).isEmpty();
    }
}
