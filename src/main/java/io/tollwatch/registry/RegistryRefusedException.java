package io.tollwatch.registry;

/**
 * The registry answered and refused: the credentials (HTTP 401), the permission (403), or the schema, as incompatible
 * with the subject's registered versions (409) or as invalid (422). Asking again gives the same answer, so unlike an
 * outage this is not retried: the service stops with this one-line message, which names the registry and the subject.
 */
public class RegistryRefusedException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public RegistryRefusedException(String message) {
        super(message);
    }

    public RegistryRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
