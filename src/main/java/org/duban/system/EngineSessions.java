package org.duban.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** One of the engine's per-command managers replaced by Duban's own (engine SPI, kept to this class). */
public final class EngineSessions {

    private EngineSessions() {}

    /** From now on every command opens {@code open}'s session where it asks for one of {@code type}. */
    public static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type,
            Supplier<? extends Session> open) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // custom factories are registered after the engine's own ones and replace them for their session type
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
