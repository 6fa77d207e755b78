package org.populus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Populus: one registry of people and households, spoken to through the Census API v1 and the
 * OpenG2P Registry REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PopulusApplication {

    public static void main(String[] args) {
        SpringApplication.run(PopulusApplication.class, args);
    }
}
