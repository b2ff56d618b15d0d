package org.duban.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.duban.organisation.Groups;
import org.duban.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DubanIntegrationTest
class IdentitySynchroniserIT {

    @Autowired
    IdentitySynchroniser synchroniser;
    @Autowired
    IdentityService identity;

    @Test
    void theOrganisationIsInTheIdentityService() {
        assertThat(identity.createGroupQuery().groupIdIn(Groups.LEADERS, Groups.SUPERVISORS, Groups.AUDITORS,
                Groups.ADMINS, "dept-dsjj", "dept-dsjj-zwfw", "dept-kjj", "dept-zdxq", "dept-dfs", "dept-dcs").count())
                .isEqualTo(10);
        assertThat(identity.createGroupQuery().groupId("dept-kjj").singleResult().getName()).isEqualTo("市科技局");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.LEADERS).list()).extracting(User::getId)
                .containsExactly("leader");
        assertThat(identity.createUserQuery().userId("kjj").singleResult().getFirstName()).isEqualTo("夏科技");
        assertThat(identity.checkPassword("kjj", "demo")).isTrue();
    }

    @Test
    void runningTwiceChangesNothing() {
        String before = snapshot();
        synchroniser.synchronise();
        synchroniser.synchronise();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void someoneNoLongerInTheFileLosesEveryMembershipButKeepsTheName() {
        User former = identity.newUser("former");
        former.setFirstName("前同事");
        identity.saveUser(former);
        identity.createMembership("former", "dept-kjj");
        identity.createMembership("former", Groups.LEADERS);

        synchroniser.synchronise();

        assertThat(identity.createGroupQuery().groupMember("former").count()).isZero();
        assertThat(identity.createUserQuery().userId("former").singleResult().getFirstName()).isEqualTo("前同事");
    }

    private String snapshot() {
        TreeSet<String> lines = new TreeSet<>();
        identity.createGroupQuery().list().forEach(g -> lines.add("group " + g.getId() + " " + g.getName() + " " + g.getType()));
        for (User user : identity.createUserQuery().list()) {
            lines.add("user " + user.getId() + " " + user.getFirstName() + " " + user.getEmail());
            identity.createGroupQuery().groupMember(user.getId()).list()
                    .forEach(g -> lines.add("member " + user.getId() + " " + g.getId()));
        }
        return String.join("\n", List.copyOf(lines));
    }
}
