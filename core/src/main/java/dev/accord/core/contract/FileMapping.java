package dev.accord.core.contract;

import java.nio.charset.Charset;

/**
 * How a {@code file} system stores one domain, beyond its {@code path}: a folder of files read in name
 * order as a source, or one file rewritten as a target (an export).
 *
 * @param format one record per line, as a JSON object (JSONL) or as delimited values under a header line (CSV)
 * @param encoding the files' character encoding; bytes that do not decode make the line malformed
 * @param delimiter the CSV field separator
 * @param pattern glob of the file names a source reads in its folder ({@code *.csv})
 */
public record FileMapping(Format format, Charset encoding, char delimiter, String pattern) {

    /** One record per line. */
    public enum Format { JSONL, CSV }
}
