package dev.accord.worker;

/** Closing what a test opened, in order, each even when an earlier one fails. */
final class Resources {

    private Resources() {}

    /** Closes each non-null resource in order; the first failure is thrown after all were tried. */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
