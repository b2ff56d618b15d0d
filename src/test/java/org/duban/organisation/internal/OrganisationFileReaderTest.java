package org.duban.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.duban.organisation.Groups;
import org.duban.organisation.InvalidOrganisationException;
import org.duban.organisation.Level;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationFileReaderTest {

    private static final String FILE = "processes/organisation.yaml";
    private static final String VALID_USER = "  - {id: u1, name: 张三, email: u1@zz.gov.cn, department: a, roles: [department]}\n";

    private final OrganisationFileReader reader = new OrganisationFileReader();

    @Test
    void theDemoOrganisationIsValidAndCoversEveryRole() throws IOException {
        Organisation organisation;
        try (InputStream in = Files.newInputStream(Path.of(FILE))) {
            organisation = reader.read(FILE, in);
        }
        for (Role role : Role.values()) {
            assertThat(organisation.withRole(role)).as("a demo user with role %s", role).isNotEmpty();
        }
        organisation.departments().forEach(department -> assertThat(!organisation.membersOf(department.code()).isEmpty()
                || department.mailbox() != null).as("%s is reachable: a member or a mailbox", department.name()).isTrue());
        assertThat(organisation.departments()).extracting(d -> d.name())
                .contains("市大数据管理局", "市科技局", "郑东新区管委会", "登封市", "市委督查室");
        assertThat(organisation.subUnitsOf("dsjj")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(organisation.departments()).as("every unit lists its duties (职责): a bureau its 三定 list, a street or community a few lines")
                .allSatisfy(d -> assertThat(d.duties()).hasSizeBetween(2, d.level().isTerritorial() ? 4 : 10));
        assertThat(organisation.department("cgj").orElseThrow().duties()).anySatisfy(duty -> assertThat(duty).contains("背街小巷"));
        assertThat(organisation.member("admin").orElseThrow().groups()).contains(Groups.ADMINS);
        assertThat(organisation.member("kjj").orElseThrow().groups()).containsExactly("dept-kjj");
    }

    @Test
    void theDemoOrganisationIsATreeDownToTheGridWithALoginOnEveryLevel() throws IOException {
        Organisation organisation;
        try (InputStream in = Files.newInputStream(Path.of(FILE))) {
            organisation = reader.read(FILE, in);
        }
        for (Level level : Level.values()) {
            assertThat(organisation.members()).as("a demo login on level %s", level)
                    .anySatisfy(m -> assertThat(organisation.department(m.departmentCode()).orElseThrow().level())
                            .isEqualTo(level));
        }
        assertThat(organisation.at(Level.STREET, "zdxq")).extracting(d -> d.name()).contains("如意湖街道办事处",
                "龙子湖街道办事处");
        assertThat(organisation.at(Level.STREET, "dfs")).hasSizeGreaterThanOrEqualTo(2);
        for (var street : organisation.at(Level.STREET, null)) {
            assertThat(organisation.subUnitsOf(street.code())).as("communities of %s", street.name()).hasSizeBetween(2, 3);
        }
        assertThat(organisation.above("ruyihu-ruyidong-g1")).extracting(d -> d.code())
                .containsExactly("ruyihu-ruyidong", "ruyihu", "zdxq");
        assertThat(organisation.subtree("ruyihu")).contains("ruyihu", "ruyihu-ruyidong", "ruyihu-ruyidong-g1")
                .doesNotContain("longzihu", "zdxq");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            // unknown parent
            "  - {level: office, code: a, name: 甲, parent: zz}|department 'a': unknown parent 'zz'",
            // a cycle
            "  - {level: office, code: a, name: 甲, parent: b}\\n  - {level: office, code: b, name: 乙, parent: a}|parents form a cycle a → b → a",
            // duplicate code
            "  - {level: city, code: a, name: 甲}\\n  - {level: city, code: a, name: 甲二}|department 'a': duplicate code",
            // malformed mailbox
            "  - {level: city, code: a, name: 甲, mailbox: 'not-mail'}|department 'a': mailbox 'not-mail' is not a valid e-mail address",
            // a head who is not a user
            "  - {level: city, code: a, name: 甲, head: nobody}|department 'a': head 'nobody' is not a declared user",
            // levels: missing, unknown, a street without its district, a child not below its parent
            "  - {code: a, name: 甲}|department 'a': level is missing (allowed: city, district, office, street, community, grid)",
            "  - {level: township, code: a, name: 甲}|department 'a': unknown level 'township'",
            // duties: optional, but when present a list of non-empty lines of at most 200 characters
            "  - {level: city, code: a, name: 甲, duties: []}|department 'a': duties, when present, must list at least one duty",
            "  - {level: city, code: a, name: 甲, duties: ['负责城市管理', '  ']}|department 'a': duty #2 is empty",
            "  - {level: city, code: a, name: 甲, duties: ['%s']}|department 'a': duty #1 is longer than 200 characters",
            "  - {level: street, code: a, name: 甲}|department 'a': a unit of level street needs a parent",
            "  - {level: district, code: a, name: 甲}\\n  - {level: community, code: b, name: 乙, parent: a}\\n  - {level: street, code: c, name: 丙, parent: b}|department 'c': level street is not below its parent 'b' (level community)"})
    void refusesBadDepartments(String departments, String message) {
        assertRefused("departments:\n" + departments.replace("\\n", "\n").replace("%s", "职".repeat(201)) + "\nusers:\n"
                + VALID_USER, message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "  - {id: u2, name: 李四, email: li@zz.gov.cn, department: a, roles: [boss]}|user 'u2': unknown role 'boss'",
            "  - {id: u2, name: 李四, email: 'li at zz', department: a, roles: [leader]}|user 'u2': e-mail 'li at zz' is not a valid e-mail address",
            "  - {id: u2, name: 李四, email: li@zz.gov.cn, roles: [leader]}|user 'u2': has no department",
            "  - {id: u2, name: 李四, email: li@zz.gov.cn, department: zz, roles: [leader]}|user 'u2': unknown department 'zz'",
            "  - {id: u1, name: 李四, email: li@zz.gov.cn, department: a, roles: [leader]}|user 'u1': duplicate id",
            "  - {id: u2, name: 李四, email: li@zz.gov.cn, department: a, roles: []}|user 'u2': has no role"})
    void refusesBadUsers(String user, String message) {
        assertRefused("departments:\n  - {level: city, code: a, name: 甲}\nusers:\n" + VALID_USER + user + "\n", message);
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThatThrownBy(() -> read("""
                departments:
                  - {level: office, code: a, name: 甲, parent: zz}
                users:
                  - {id: u1, name: 张三, email: bad, department: a, roles: [boss]}
                """))
                .isInstanceOfSatisfying(InvalidOrganisationException.class,
                        e -> assertThat(e.problems()).hasSize(3));
    }

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidOrganisationException.class)
                .hasMessageStartingWith(FILE + " is invalid; nothing was applied")
                .hasMessageContaining(message);
    }

    private Organisation read(String yaml) {
        return reader.read(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
