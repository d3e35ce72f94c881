package dev.accord.core.contract;

import dev.accord.core.contract.FileMapping.Format;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code file} settings of a file system's domain mapping: format, encoding, delimiter, file pattern. */
final class FileMappingReader {

    private static final Set<String> KEYS = Set.of("format", "encoding", "delimiter", "pattern");

    private FileMappingReader() {}

    /** The format a path's extension names: {@code .csv} is CSV, anything else JSONL. */
    static Format byExtension(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.JSONL;
    }

    /** @param path the mapping's path, whose extension gives the format when {@code format} is left out */
    static FileMapping read(YamlNode node, String path) {
        Map<String, YamlNode> entries = node.fields("the file settings", KEYS);
        Format format = byExtension(path);
        if (entries.containsKey("format")) {
            format = HttpMappingReader.choice(entries.get("format"), Format.class, format, "a file format");
        }
        FileMapping defaults = defaults(format);
        Charset encoding = entries.containsKey("encoding") ? encoding(entries.get("encoding")) : defaults.encoding();
        char delimiter = entries.containsKey("delimiter") ? delimiter(entries.get("delimiter"), format) : defaults.delimiter();
        String pattern = entries.containsKey("pattern") ? pattern(entries.get("pattern")) : defaults.pattern();
        return new FileMapping(format, encoding, delimiter, pattern);
    }

    static FileMapping defaults(Format format) {
        return new FileMapping(format, StandardCharsets.UTF_8, ',', "*." + format.name().toLowerCase(Locale.ROOT));
    }

    private static Charset encoding(YamlNode node) {
        String text = node.text("an encoding");
        try {
            return Charset.forName(text);
        } catch (IllegalArgumentException e) {
            node.problem("unknown encoding '" + text + "'", "use a name Java knows, e.g. UTF-8, ISO-8859-1, windows-1252");
            return StandardCharsets.UTF_8;
        }
    }

    private static char delimiter(YamlNode node, Format format) {
        String text = node.text("a delimiter");
        if (format != Format.CSV) {
            node.problem("'delimiter' only applies to format csv", "remove it, or set format: csv");
        }
        if (text == null || text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            node.problem("delimiter must be one character other than a quote or a line break, found '" + text + "'",
                    "for example ',' or ';', or \"\\t\" (in double quotes) for a tab");
            return ',';
        }
        return text.charAt(0);
    }

    private static String pattern(YamlNode node) {
        String text = node.isNull() ? null : node.text("a file name pattern");
        if (text == null || text.contains("/") || text.contains("\\")) {
            node.problem("pattern '" + text + "' must match file names, not paths", "for example customers-*.csv");
            return "*";
        }
        return text;
    }
}
