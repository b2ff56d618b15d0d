package org.duban.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * A group's grant to read part of the engine's history — a historic process instance or task — made inside the
 * engine's command (engine SPI, kept to this class). Camunda's {@code saveAuthorization} copies the historic
 * instance's root instance and removal time onto such a grant, so that history cleanup removes the grant with the
 * history it opens; it finds them by a query that cannot see an instance or a task the same command made. For the
 * parts Duban delivers that was a query for every part, always answering none, and a grant left without root and
 * removal time, which history cleanup would never have removed. Here the caller names the root instance, and its
 * removal time is taken from the command's cache when the root started in this command, else read by id.
 */
public final class HistoryGrants {

    private HistoryGrants() {}

    public static void grant(String groupId, Resource resource, String resourceId, Permission permission,
            String rootProcessInstanceId) {
        CommandContext command = Context.getCommandContext();
        AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        HistoricProcessInstanceEventEntity root = command.getDbEntityManager()
                .selectById(HistoricProcessInstanceEventEntity.class, rootProcessInstanceId);
        grant.setRootProcessInstanceId(rootProcessInstanceId);
        grant.setRemovalTime(root == null ? null : root.getRemovalTime());
        command.getAuthorizationManager().validateResourceCompatibility(grant);
        command.getAuthorizationManager().insert(grant);
    }
}
