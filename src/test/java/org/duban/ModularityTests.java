package org.duban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature packages may use each other's top-level API only, never their internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DubanApplication.class);

    @Test
    void featureBoundariesHold() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
