package org.populus.person;

public enum RegistrantKind {
    INDIVIDUAL, GROUP
}
