/**
 * Shared kernel: the few domain types every module and adapter speaks — rule violations and "not found".
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Shared kernel")
package org.populus.shared;
