package org.populus.api.openg2p;

/** OpenG2P's error codes, with their fixed {@code errorMessage} texts. */
enum G2pError {
    INVALID_KIND("G2P-REQ-001", "Invalid kind field."),
    MANDATORY("G2P-REQ-002", "Field is mandatory."),
    GROUP_TYPE_NOT_FOUND("G2P-REQ-003", "Group type Not Found"),
    MEMBER_KIND_NOT_FOUND("G2P-REQ-004", "Member's kind not found."),
    INVALID_ID("G2P-REQ-005", "Invalid ID field."),
    INVALID_PHONE("G2P-REQ-006", "Invalid phone number."),
    INVALID_EMAIL("G2P-REQ-007", "Invalid email address."),
    INVALID_GENDER("G2P-REQ-008", "Invalid gender."),
    INVALID_ACCOUNT("G2P-REQ-009", "Invalid account number."),
    NOT_PRESENT("G2P-REQ-010", "ID/Name not present."),
    FUTURE_DATE("G2P-REQ-011", "Future Date."),
    REQUIRED("G2P-REQ-012", "Required field."),
    PARTNER_NOT_PRESENT("G2P-REQ-013", "Partner/Registrant is not present."),
    PROGRAM_NOT_FOUND("G2P-REQ-014", "Program not found.");

    final String code;
    final String message;

    G2pError(String code, String message) {
        this.code = code;
        this.message = message;
    }
}
