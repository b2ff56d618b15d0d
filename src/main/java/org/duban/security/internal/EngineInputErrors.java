package org.duban.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.duban.system.ApiException;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Remembers, for the engine API request being served on this thread, why the engine refused the person's input: a
 * task listener's {@link FormFieldValidationException} ({@code TaskInput}), Duban's {@link InvalidRequestException}
 * or {@link ApiException} thrown by a delegate (starting a directive), or the engine's own
 * {@link BadUserRequestException}. Camunda's REST resources turn these into
 * messages with task ids and the engine's wording, or a 500 for a start; {@code EngineApiGuard} answers with the
 * refusal itself instead. This needs the engine's command-interceptor SPI, kept to this class; only the outermost
 * command of a request that opened a recording is looked at, never job-executor threads.
 */
@Component
class EngineInputErrors extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    private static final class Recording {
        int depth;
        RuntimeException refusal;
    }

    /** Starts remembering for this thread; pair with {@link #close()}. */
    static void open() {
        CURRENT.set(new Recording());
    }

    /** The refusal the engine gave since {@link #open()}, or null; stops remembering. */
    static RuntimeException close() {
        Recording recording = CURRENT.get();
        CURRENT.remove();
        return recording == null ? null : recording.refusal;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new RecordRefusals());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The person's mistake behind an engine exception, or null when the engine failed for another reason. */
    static RuntimeException refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException || cause instanceof InvalidRequestException
                    || cause instanceof ApiException || cause instanceof BadUserRequestException) {
                return (RuntimeException) cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static final class RecordRefusals extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            Recording recording = CURRENT.get();
            if (recording == null) {
                return next.execute(command);
            }
            recording.depth++;
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                if (recording.depth == 1) {
                    recording.refusal = refusalIn(e);
                }
                throw e;
            } finally {
                recording.depth--;
            }
        }
    }
}
