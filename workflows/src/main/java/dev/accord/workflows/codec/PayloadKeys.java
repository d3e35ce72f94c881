package dev.accord.workflows.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a process finds its payload keys, first match wins:
 * <ol>
 *   <li>{@code ACCORD_PAYLOAD_KEYS}: base64 keys separated by commas, the first encrypts;</li>
 *   <li>{@code ACCORD_PAYLOAD_KEY_FILE}: a file with one base64 key per line (blank lines and {@code #} comments
 *       skipped), the first encrypts;</li>
 *   <li>{@code ACCORD_PAYLOAD_KEY}: one base64 key (the set-up before rotation);</li>
 *   <li>the embedded set-up's key file ({@code .accord/payload.key} beside the embedded store, or the demo's folder),
 *       created by the embedded worker or the demo only; a CLI reads it when it exists.</li>
 * </ol>
 * Nothing else: with none of them a {@link MissingPayloadKeyException} says what to set.
 */
public final class PayloadKeys {

    public static final String KEYS = "ACCORD_PAYLOAD_KEYS";
    public static final String KEY_FILE = "ACCORD_PAYLOAD_KEY_FILE";
    public static final String KEY = PayloadKey.ENVIRONMENT;
    /** The embedded worker's key, beside its H2 store in {@code ./.accord}. */
    public static final Path EMBEDDED_FILE = Path.of(".accord", "payload.key");

    static final String WHAT_TO_SET = "set " + KEYS + " (base64 keys separated by commas, the first encrypts; make one with: "
            + "head -c 32 /dev/urandom | base64) or " + KEY_FILE + " (a file with one such key per line) to the keys every "
            + "worker and client of this deployment shares";

    private PayloadKeys() {}

    /** The configured keys, if any of the variables is set ({@code environment} looks a name up, null when unset). */
    public static Optional<PayloadKeyring> fromEnvironment(Function<String, String> environment) {
        String keys = environment.apply(KEYS);
        if (keys != null && !keys.isBlank()) {
            return Optional.of(parseList(Arrays.asList(keys.split(",")), KEYS));
        }
        String file = environment.apply(KEY_FILE);
        if (file != null && !file.isBlank()) {
            return Optional.of(readFile(Path.of(file.trim()), KEY_FILE + "=" + file.trim()));
        }
        String key = environment.apply(KEY);
        if (key != null && !key.isBlank()) {
            return Optional.of(PayloadKeyring.of(PayloadKey.parse(key, KEY)));
        }
        return Optional.empty();
    }

    /** For a worker on a real Temporal server: the environment's keys, else a failure saying what to set. */
    public static PayloadKeyring configured(Function<String, String> environment) {
        return fromEnvironment(environment).orElseThrow(() -> new MissingPayloadKeyException("no payload key: " + WHAT_TO_SET
                + ". A worker on a real Temporal server never makes up a key of its own."));
    }

    /** For a CLI: the environment's keys, else the embedded worker's key file when it exists, else a failure saying what to set. */
    public static PayloadKeyring required(Function<String, String> environment, Path embeddedFile) {
        return fromEnvironment(environment).orElseGet(() -> {
            if (Files.isRegularFile(embeddedFile)) {
                return readFile(embeddedFile, embeddedFile.toAbsolutePath().toString());
            }
            throw new MissingPayloadKeyException("no payload key: " + WHAT_TO_SET + ". (The embedded worker keeps its key in "
                    + EMBEDDED_FILE + " of the folder it runs in, `accord demo` in .accord/demo/payload.key; none was found at "
                    + embeddedFile.toAbsolutePath() + ".)");
        });
    }

    /** For the embedded worker and the demo: the environment's keys, else the key file, created on first use. */
    public static PayloadKeyring embedded(Function<String, String> environment, Path embeddedFile) {
        return fromEnvironment(environment).orElseGet(() -> {
            EmbeddedKeyFile.createIfMissing(embeddedFile);
            return readFile(embeddedFile, embeddedFile.toAbsolutePath().toString());
        });
    }

    static PayloadKeyring readFile(Path file, String where) {
        try {
            return parseList(Files.readAllLines(file), where);
        } catch (IOException e) {
            throw new MissingPayloadKeyException("cannot read the payload key file " + file.toAbsolutePath() + " (" + where + "): "
                    + e.getClass().getSimpleName() + "; " + WHAT_TO_SET);
        }
    }

    private static PayloadKeyring parseList(List<String> entries, String where) {
        List<PayloadKey> keys = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                keys.add(PayloadKey.parse(text, where + " (key " + (keys.size() + 1) + ")"));
            }
        }
        if (keys.isEmpty()) {
            throw new MissingPayloadKeyException(where + " holds no key; " + WHAT_TO_SET);
        }
        return new PayloadKeyring(keys);
    }

    static UncheckedIOException cannotCreate(Path file, IOException e) {
        return new UncheckedIOException("cannot create the embedded payload key " + file.toAbsolutePath() + "; " + WHAT_TO_SET, e);
    }
}
