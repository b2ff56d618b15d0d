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
 * administer the engine.
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
    }
}
