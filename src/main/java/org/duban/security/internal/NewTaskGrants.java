package org.duban.security.internal;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.duban.system.UnwrittenEntities;
import org.springframework.stereotype.Component;

/**
 * Camunda's grants that come with a task's candidacy, without asking first whether a task made in this very command
 * already has one (engine SPI, kept to this package). Camunda grants a candidate group its task, and with historic
 * instance permissions on its task's history as well, and before each grant looks for an existing one to extend:
 * two queries for every task the engine creates, all of them answering "none" (no row can name a task that is not
 * written yet). A grant made earlier in the same command is still found: Camunda merges a new grant with the ones
 * waiting in the command's cache. For a task that exists already (a candidate added later) it asks as before.
 */
@Component
class NewTaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getResourceAuthorizationProvider() == null) {
            configuration.setResourceAuthorizationProvider(new Provider());
        }
    }

    /** The default provider, but for a new task's grants. */
    static class Provider extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorization(String resourceId, String userId, String groupId,
                Resource resource) {
            if (resource != null && resourceId != null && (resource.resourceType() == Resources.TASK.resourceType()
                    || resource.resourceType() == Resources.HISTORIC_TASK.resourceType())
                    && UnwrittenEntities.isUnwritten(TaskEntity.class, resourceId)) {
                return null;
            }
            return super.getGrantAuthorization(resourceId, userId, groupId, resource);
        }
    }
}
