package org.duban.system;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

    @Bean
    NodeName nodeName(@Value("${duban.node-id:}") String configured) {
        return new NodeName(configured);
    }

    /** Every meter carries the node, so a dashboard over several nodes can tell them apart. */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> nodeTag(NodeName node) {
        return registry -> registry.config().commonTags("node", node.value());
    }
}
