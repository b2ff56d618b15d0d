package org.duban.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.duban.organisation.Groups;
import org.springframework.stereotype.Component;

/**
 * Engine settings that follow from our identities: department group ids carry a hyphen
 * ({@code dept-kjj}), which Camunda's default id whitelist refuses, and members of {@code admins}
 * administer the engine. Camunda's own login lock is switched off: after ten wrong passwords it locked an
 * account for good, whoever sent them (anyone could lock out the only administrator); {@code LoginThrottle}
 * slows guessers down instead.
 */
@Component
class EngineIdentityPlugin extends AbstractProcessEnginePlugin {

    static final String ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._-]*";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setGeneralResourceWhitelistPattern(ID_PATTERN);
        List<String> adminGroups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
            adminGroups.addAll(configuration.getAdminGroups());
        }
        adminGroups.add(Groups.ADMINS);
        configuration.setAdminGroups(adminGroups);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayFactor(1);
        configuration.setLoginDelayMaxTime(0);
    }
}
