package org.duban.organisation.internal;

import java.io.IOException;
import java.io.InputStream;

import org.duban.organisation.Organisation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

    @Bean
    Organisation organisation(ResourceLoader resources, IdentityProperties properties) throws IOException {
        Resource file = resources.getResource(properties.location());
        String name = properties.location().startsWith("classpath:") ? "processes/" + file.getFilename()
                : properties.location();
        try (InputStream in = file.getInputStream()) {
            return new OrganisationFileReader().read(name, in);
        }
    }
}
