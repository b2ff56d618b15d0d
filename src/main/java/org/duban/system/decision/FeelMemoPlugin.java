package org.duban.system.decision;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decisions {@link FeelMemo} over Camunda's own Scala FEEL engine (engine SPI, kept to this
 * package). Left alone when the legacy FEEL behaviour is configured: that engine is another language.
 */
@Component
class FeelMemoPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return;
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // the custom functions are handed to the DMN configuration after the plugins ran: read them when the engine
        // is made. With custom functions (Duban has none) nothing is remembered: one might shadow a built-in's name.
        dmn.setFeelEngineFactory(() -> {
            FeelEngine scala = new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance();
            List<?> custom = dmn.getFeelCustomFunctionProviders();
            return custom == null || custom.isEmpty() ? new FeelMemo(scala) : scala;
        });
        configuration.setDmnEngineConfiguration(dmn);
    }
}
