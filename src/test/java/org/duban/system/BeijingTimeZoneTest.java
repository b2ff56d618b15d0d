package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * On a machine whose zone is UTC the application still runs on Beijing time: the first thing an application start
 * does is to fix the JVM's default zone. (The build runs the H2 suite with {@code user.timezone=UTC}; the report
 * timers' hour in Beijing time is checked by ReportModelDeploymentIT.)
 */
class BeijingTimeZoneTest {

    private final TimeZone before = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    void aUtcMachineIsSetToBeijingTimeBeforeAnythingStarts() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        new BeijingTimeZone().postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
        assertThat(System.getProperty("user.timezone")).isEqualTo("Asia/Shanghai");
    }
}
