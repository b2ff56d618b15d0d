package org.duban.system;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Fixes the JVM's default time zone to Asia/Shanghai before anything else starts, whatever the machine's zone:
 * the engine fires cron timers (the 08:30 reports) by the JVM's zone, H2 and the PostgreSQL driver read and write
 * dates in it, and a UTC server would otherwise send the morning reports at 16:30 Beijing time. Runs as the
 * first step of every application start (registered in META-INF/spring.factories), tests included.
 */
public class BeijingTimeZone implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!TimeZone.getDefault().getID().equals(BeijingTime.ZONE.getId())) {
            // the logging system is not up yet: this goes to the console like the banner
            System.err.println("Duban: the JVM's time zone is " + TimeZone.getDefault().getID() + "; business times and "
                    + "timers are Beijing time, so the default zone is set to " + BeijingTime.ZONE.getId());
            TimeZone.setDefault(TimeZone.getTimeZone(BeijingTime.ZONE));
            System.setProperty("user.timezone", BeijingTime.ZONE.getId());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
