package org.duban.system;

import java.util.Date;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Moves the timers of a process instance inside the engine's running command (engine SPI, kept to this class):
 * the instance's jobs by the engine's own static look-up, each timer's due date set on the entity the command
 * writes at its end. Through the public API the same move was a job query (its dynamic SQL built anew each time)
 * and a command per timer, with its permission check: 1.8 % of the closed loop's CPU, for the clock re-armed at
 * every signing. Neither asks the person whose step moves the timer for a permission on the engine's jobs, nor
 * logs the move as their operation: it is Duban's doing.
 */
public final class InstanceTimers {

    private InstanceTimers() {}

    /** Only from within an engine command: a step of the instance's model. */
    public static void moveAll(String processInstanceId, Date at) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("timers are moved only by a step of their instance");
        }
        for (JobEntity job : command.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
            if (job instanceof TimerEntity && !at.equals(job.getDuedate())) {
                job.setDuedate(at);
            }
        }
    }
}
