package io.tollwatch.cli;

/** A problem the user can fix (a missing file, a port in use); printed as one line. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }
}
