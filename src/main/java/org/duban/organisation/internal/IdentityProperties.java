package org.duban.organisation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the organisation comes from and who may log in with which password.
 *
 * @param location     the organisation file (a Spring resource location)
 * @param demo         demo logins: every declared user gets {@code demoPassword} when first created
 * @param demoPassword the password of demo users; only used while {@code demo} is on
 * @param adminId      an operator-supplied administrator, created only when both id and password are given
 * @param adminPassword its initial password; never logged
 */
@ConfigurationProperties("duban.identity")
public record IdentityProperties(String location, boolean demo, String demoPassword, String adminId,
        String adminPassword) {

    public boolean hasOperatorAdmin() {
        return adminId != null && !adminId.isBlank() && adminPassword != null && !adminPassword.isBlank();
    }

    @Override
    public String toString() {
        return "IdentityProperties[location=" + location + ", demo=" + demo + ", adminId=" + adminId + "]";
    }
}
