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

    /** The file's organisation; {@link OrganisationLoading} puts the version in force into it at start-up. */
    @Bean
    Organisation organisation(ResourceLoader resources, IdentityProperties properties) throws IOException {
        Resource file = resources.getResource(properties.location());
        try (InputStream in = file.getInputStream()) {
            return new OrganisationFileReader().read(fileName(properties), in);
        }
    }

    /** How the file is named in messages and in the versions' history: processes/organisation.yaml. */
    static String fileName(IdentityProperties properties) {
        String location = properties.location();
        return location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    }
}
