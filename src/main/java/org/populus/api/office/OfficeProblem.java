package org.populus.api.office;

/**
 * A request a back-office page refuses: answered with the error page in the office layout ({@link OfficeErrors})
 * with this status and the text of {@code messageKey} (a message of the bundles, with its arguments).
 */
final class OfficeProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String messageKey;
    private final transient Object[] arguments;

    OfficeProblem(int status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    static OfficeProblem notFound(String messageKey, Object... arguments) {
        return new OfficeProblem(404, messageKey, arguments);
    }

    static OfficeProblem forbidden(String messageKey, Object... arguments) {
        return new OfficeProblem(403, messageKey, arguments);
    }

    static OfficeProblem badRequest(String messageKey, Object... arguments) {
        return new OfficeProblem(400, messageKey, arguments);
    }

    int status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
