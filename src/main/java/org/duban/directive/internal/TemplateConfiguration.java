package org.duban.directive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.duban.directive.DirectiveTemplate;
import org.duban.directive.DirectiveTemplates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    @Bean
    DirectiveTemplates directiveTemplates(ResourcePatternResolver resources,
            @Value("${duban.templates.location}") String location) throws IOException {
        TemplateFileReader reader = new TemplateFileReader();
        List<String> problems = new ArrayList<>();
        List<DirectiveTemplate> templates = new ArrayList<>();
        for (Resource resource : resources.getResources(location)) {
            try (InputStream in = resource.getInputStream()) {
                DirectiveTemplate template = reader.read("processes/templates/" + resource.getFilename(), in, problems);
                if (template != null) {
                    templates.add(template);
                }
            }
        }
        return reader.combine(templates, problems);
    }
}
