package org.duban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DubanApplication {

    public static void main(String[] args) {
        SpringApplication.run(DubanApplication.class, args);
    }
}
