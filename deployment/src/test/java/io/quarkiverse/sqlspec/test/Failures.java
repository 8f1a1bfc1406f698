package io.quarkiverse.sqlspec.test;

/**
 * Reads what a failed build or start said, through its causes.
 */
public final class Failures {

    private Failures() {
    }

    /** The messages of a failure and of all its causes, one per line. */
    public static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
