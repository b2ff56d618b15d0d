package org.duban.system;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Whether the engine's current command created an entity and has not written it yet (engine SPI, kept to this
 * class): no row can name such an entity, so a look-up of what refers to it — its grants, its variables — answers
 * nothing, and Duban's engine extensions skip it.
 */
public final class UnwrittenEntities {

    private UnwrittenEntities() {}

    /** The entity of that type and id, if the current command created it and has not written it. */
    public static boolean isUnwritten(Class<? extends DbEntity> type, String id) {
        DbEntityCache cache = cache();
        if (cache == null || id == null) {
            return false;
        }
        DbEntity entity = cache.get(type, id);
        return entity != null && cache.isTransient(entity);
    }

    /** The entity, if the current command created it and has not written it. */
    public static boolean isUnwritten(DbEntity entity) {
        DbEntityCache cache = cache();
        return cache != null && entity != null && cache.isTransient(entity);
    }

    private static DbEntityCache cache() {
        CommandContext command = Context.getCommandContext();
        return command == null ? null : command.getDbEntityManager().getDbEntityCache();
    }
}
