package dev.accord.connectors.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A file's lines, decoded in the mapping's encoding, each with its number and where it ends in the file, so
 * the checksum of the file up to any line can be taken. A line whose bytes do not decode keeps a null text
 * and the reason. Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
final class FileLines {

    /** One line: its 1-based number, its text (null when it did not decode) and the offset after its line break. */
    record Line(int number, String text, String undecodable, int end) {}

    private final byte[] bytes;
    private final List<Line> lines = new ArrayList<>();

    FileLines(Path file, Charset encoding) {
        try {
            this.bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            number++;
            try {
                String text = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
                lines.add(new Line(number, text, null, Math.min(end + 1, bytes.length)));
            } catch (CharacterCodingException e) {
                lines.add(new Line(number, null, "bytes that are not " + encoding.name() + " (" + e.getMessage() + ")",
                        Math.min(end + 1, bytes.length)));
            }
            start = end + 1;
        }
    }

    List<Line> lines() {
        return lines;
    }

    /** SHA-256 of the file's bytes up to and including line {@code count} (all of them when count exceeds the file). */
    String checksum(int count) {
        int end = count <= 0 ? 0 : count >= lines.size() ? bytes.length : lines.get(count - 1).end();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, end);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
