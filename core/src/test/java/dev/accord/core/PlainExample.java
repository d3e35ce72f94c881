package dev.accord.core;

/**
 * The example contract without its boundary keys (compatibility, reads, required-from), for tests that add
 * their own.
 */
public final class PlainExample {

    private static final String[] BOUNDARY_LINES = {
        "    compatibility: BACKWARD          # new schema versions must read data written with the previous one\n",
        "        reads:                         # consumer contract: what billing relies on when it receives a customer\n"
                + "          customer_id: { type: string, required: true }\n          email: { type: string }\n"
                + "          plan: { type: string, values: [free, pro, enterprise] }\n",
        "        reads: [customer_id, name, email, phone, status, plan]\n",
        "        reads:\n          plan: { type: string, values: [free, pro, enterprise] }\n",
        "        required-from: strict-signup-date   # optional (with a warning) until the flag is switched on\n",
    };

    private PlainExample() {}

    public static String text() {
        String text = TestContracts.exampleText();
        for (String line : BOUNDARY_LINES) {
            if (!text.contains(line)) {
                throw new IllegalStateException("the example contract no longer contains: " + line);
            }
            text = text.replace(line, "");
        }
        return text;
    }

    /** The plain example with one exact snippet replaced. */
    public static String with(String snippet, String replacement) {
        String text = text();
        if (!text.contains(snippet)) {
            throw new IllegalArgumentException("example contract does not contain: " + snippet);
        }
        return text.replace(snippet, replacement);
    }
}
