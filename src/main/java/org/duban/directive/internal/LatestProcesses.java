package org.duban.directive.internal;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.system.LatestDefinitions;
import org.springframework.stereotype.Component;

/**
 * Starts the latest version of a process as {@link LatestDefinitions} remembers it, by its id: started by key, the
 * engine looks the latest version up in the database at every start (a directive and each of its parts). The start
 * itself is the caller's: with the caller's authentication, the engine checks the caller may start it.
 */
@Component
class LatestProcesses {

    private final LatestDefinitions latest;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final EngineAsSystem engine;

    LatestProcesses(LatestDefinitions latest, RepositoryService repository, RuntimeService runtime,
            EngineAsSystem engine) {
        this.latest = latest;
        this.repository = repository;
        this.runtime = runtime;
        this.engine = engine;
    }

    ProcessInstance start(String key, String businessKey) {
        String id = latest.latest("process:" + key, () -> engine.call(() -> {
            // asked on Duban's behalf: which version is the latest is no secret of the definition's readers
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            return definition == null ? null : definition.getId();
        }));
        // none deployed: the engine's own refusal, as a start by key gives it
        return id == null ? runtime.startProcessInstanceByKey(key, businessKey)
                : runtime.startProcessInstanceById(id, businessKey);
    }
}
