package org.duban.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.duban.DubanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An invalid organisation file stops start-up, with the message naming file and entry. Started
 * without a web server: the Camunda webapp keeps its Spring context in a static field, which a
 * failed web context would leave pointing at a closed context for the other tests of this JVM.
 */
class InvalidOrganisationStartupTest {

    @Test
    void theApplicationRefusesToStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("organisation.yaml");
        Files.writeString(file, """
                departments:
                  - {level: office, code: kjj, name: 市科技局, parent: nowhere}
                users:
                  - {id: kjj, name: 夏科技, email: kjj@zz.gov.cn, department: kjj, roles: [department, chief]}
                """);
        assertThatThrownBy(() -> new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.main.web-application-type=none", "--duban.identity.location=file:" + file).close())
                .rootCause()
                .satisfies(cause -> assertThat(cause.getMessage())
                        .contains("organisation.yaml is invalid; nothing was applied")
                        .contains("department 'kjj': unknown parent 'nowhere'")
                        .contains("user 'kjj': unknown role 'chief'"));
    }
}
