package io.tollwatch.registry;

/** The registry answered, but knows no schema with the id asked for (Confluent error 40403). */
public class SchemaNotFoundException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final int id;

    public SchemaNotFoundException(int id, String message) {
        super(message);
        this.id = id;
    }

    public int id() {
        return id;
    }
}
