package dev.accord.connectors.file;

import dev.accord.core.failure.InvalidRequestException;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one domain from a folder of JSONL or CSV files, in file-name order, each line once. The position is
 * {@code <file>#<line>#<sha256>}: the file and line read last and the checksum of that file up to that line.
 * Reading on from it first checks that checksum, so a file changed in its read part is detected
 * ({@link ChangedFileException}) instead of half-read again, while lines appended to it are read next. A line
 * that is not a record becomes a malformed row (quarantined with file and line) and reading goes on.
 * File names must sort in arrival order (timestamped names do): a file that sorts before the position is
 * never read.
 */
final class FileSource implements SourceConnector {

    private final Path folder;
    private final FileRecords records;
    private final LineCodec codec;
    private final PathMatcher pattern;

    FileSource(Path folder, FileRecords records, LineCodec codec, String glob) {
        this.folder = folder;
        this.records = records;
        this.codec = codec;
        this.pattern = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** A position: the file and line read last, and the file's checksum up to that line. */
    record Position(String file, int line, String checksum) {

        static Position parse(SourceCursor cursor) {
            if (cursor == null || cursor.isBeginning()) {
                return null;
            }
            String[] parts = cursor.position().split("#", -1);
            if (parts.length != 3) {
                throw new InvalidRequestException("'" + cursor.position() + "' is not a file position (<file>#<line>#<sha256>)");
            }
            return new Position(parts[0], Integer.parseInt(parts[1]), parts[2]);
        }

        String text() {
            return file + "#" + line + "#" + checksum;
        }
    }

    @Override
    public SourcePage readChanges(SourceCursor after, int limit) {
        Position from = Position.parse(after);
        List<SourceRow> rows = new ArrayList<>();
        Position at = from;
        String lastKey = after == null ? null : after.key();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (from != null && name.compareTo(from.file()) < 0) {
                continue;
            }
            FileLines lines = new FileLines(file, records.mapping().file().encoding());
            int skip = from != null && name.equals(from.file()) ? verified(file, lines, from) : 0;
            for (Numbered numbered : rows(file, lines, skip)) {
                if (rows.size() == limit) {
                    return new SourcePage(rows, new SourceCursor(at.text(), lastKey), true);
                }
                rows.add(numbered.row());
                lastKey = numbered.row().key();
                at = new Position(name, numbered.line(), lines.checksum(numbered.line()));
            }
            if (!lines.lines().isEmpty()) {
                int last = lines.lines().size();
                at = new Position(name, last, lines.checksum(last));
            }
        }
        return new SourcePage(rows, at == null ? SourceCursor.BEGINNING : new SourceCursor(at.text(), lastKey), false);
    }

    @Override
    public List<SourceRow> readByKeys(Collection<String> keys) {
        Set<String> wanted = Set.copyOf(keys);
        return latest().values().stream().filter(r -> wanted.contains(r.key())).toList();
    }

    @Override
    public SourceCursor head() {
        List<Path> files = files();
        if (files.isEmpty()) {
            return SourceCursor.BEGINNING;
        }
        Path last = files.get(files.size() - 1);
        FileLines lines = new FileLines(last, records.mapping().file().encoding());
        int count = lines.lines().size();
        return new SourceCursor(new Position(last.getFileName().toString(), count, lines.checksum(count)).text(), null);
    }

    @Override
    public SourcePage readKeyRange(String afterKey, String lastKey, int limit) {
        List<SourceRow> inRange = byKey(afterKey, lastKey);
        List<SourceRow> page = inRange.stream().limit(limit).toList();
        String last = page.isEmpty() ? afterKey : page.get(page.size() - 1).key();
        return new SourcePage(page, new SourceCursor(null, last), inRange.size() > limit);
    }

    @Override
    public List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk) {
        List<SourceRow> inRange = byKey(firstKey, lastKey);
        List<String> boundaries = new ArrayList<>();
        for (int i = rowsPerChunk - 1; i < inRange.size(); i += rowsPerChunk) {
            boundaries.add(inRange.get(i).key());
        }
        return boundaries;
    }

    private int verified(Path file, FileLines lines, Position from) {
        String now = lines.checksum(from.line());
        if (lines.lines().size() < from.line() || !now.equals(from.checksum())) {
            throw new ChangedFileException(file + " changed after line " + from.line() + " was read (checksum " + from.checksum()
                    + ", now " + now + "); files are read once: put changed records in a new file");
        }
        return from.line();
    }

    /** A row and the line it came from. */
    private record Numbered(int line, SourceRow row) {}

    /** The rows of {@code file} after line {@code skip}; blank lines and a CSV header are no rows. */
    private List<Numbered> rows(Path file, FileLines lines, int skip) {
        long modified = modified(file);
        List<Numbered> rows = new ArrayList<>();
        List<String> header = null;
        for (FileLines.Line line : lines.lines()) {
            if (codec.csv() && line.number() == 1) {
                try {
                    header = line.text() == null ? null : codec.header(line.text());
                } catch (LineCodec.Malformed e) {
                    header = null;
                }
                if (header == null && skip == 0) {
                    rows.add(new Numbered(1, records.malformed(file, 1, modified, line.text(),
                            "the CSV header cannot be read; the file's lines are skipped")));
                }
                if (header == null) {
                    return rows;
                }
                continue;
            }
            if (line.number() <= skip || (line.text() != null && line.text().isBlank())) {
                continue;
            }
            if (line.text() == null) {
                rows.add(new Numbered(line.number(), records.malformed(file, line.number(), modified, null, line.undecodable())));
                continue;
            }
            try {
                rows.add(new Numbered(line.number(), records.row(file, line.number(), modified, codec.parse(line.text(), header))));
            } catch (LineCodec.Malformed e) {
                rows.add(new Numbered(line.number(), records.malformed(file, line.number(), modified, line.text(), e.getMessage())));
            }
        }
        return rows;
    }

    private Map<String, SourceRow> latest() {
        Map<String, SourceRow> latest = new LinkedHashMap<>();
        for (Path file : files()) {
            rows(file, new FileLines(file, records.mapping().file().encoding()), 0).stream().map(Numbered::row)
                    .filter(r -> r.malformed() == null).forEach(r -> latest.put(r.key(), r));
        }
        return latest;
    }

    private List<SourceRow> byKey(String afterKey, String lastKey) {
        return latest().values().stream()
                .filter(r -> afterKey == null || r.key().compareTo(afterKey) > 0)
                .filter(r -> lastKey == null || r.key().compareTo(lastKey) <= 0)
                .sorted(Comparator.comparing(SourceRow::key)).toList();
    }

    private List<Path> files() {
        if (Files.isRegularFile(folder)) {
            return List.of(folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new FileConfigurationException("the source folder " + folder.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).filter(p -> pattern.matches(p.getFileName()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }
}
