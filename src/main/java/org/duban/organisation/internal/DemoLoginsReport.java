package org.duban.organisation.internal;

import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;

import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the embedded default how to log in; silent unless demo logins are on. */
@Slf4j
@Component
class DemoLoginsReport {

    private final Organisation organisation;
    private final IdentityProperties properties;

    DemoLoginsReport(Organisation organisation, IdentityProperties properties) {
        this.organisation = organisation;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!properties.demo()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n  Demo logins (password for all: " + properties.demoPassword() + "):\n");
        for (Member member : organisation.members()) {
            text.append(String.format("    %-12s %s, %s, roles %s%n", member.id(), member.name(),
                    organisation.department(member.departmentCode()).orElseThrow().name(),
                    member.roles().stream().map(Role::key).sorted().collect(Collectors.joining(", "))));
        }
        log.info(text.toString());
    }
}
