package dev.hadron.io.csv;

import dev.hadron.io.FileFormatException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a character stream into records of fields: RFC 4180 quoting (a quoted field may hold
 * delimiters, line breaks and doubled quotes), CR, LF and CRLF line ends, optional comment lines and
 * blank-line skipping, and a whitespace mode where runs of spaces and tabs separate fields. Tracks the
 * line each record starts on, for error messages.
 */
final class CsvTokenizer {
    private static final int MAX_FIELD_CHARS = 64 * 1024 * 1024;

    private final Reader in;
    private final Path file;
    private final char delimiter;
    private final boolean whitespace;
    private final char quote;
    private final int comment;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();

    CsvTokenizer(Reader in, Path file, char delimiter, char quote, Character comment) {
        this.in = in;
        this.file = file;
        this.whitespace = delimiter == CsvOptions.WHITESPACE;
        this.delimiter = delimiter;
        this.quote = quote;
        this.comment = comment == null ? -1 : comment;
    }

    /** The line on which the last record returned by {@link #next} started (1-based). */
    long recordLine() {
        return recordLine;
    }

    private int peek() {
        if (pos == len) {
            try {
                len = in.read(buf, 0, buf.length);
            } catch (IOException e) {
                throw new UncheckedIOException("CSV: cannot read " + file + ": " + e.getMessage(), e);
            }
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }

    private int read() {
        int c = peek();
        if (c >= 0) {
            pos++;
        }
        return c;
    }

    /** Consumes a line end whose first character {@code c} was just read; counts the line. */
    private void lineEnd(int c) {
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private void skipLine() {
        int c;
        while ((c = read()) >= 0) {
            if (c == '\n' || c == '\r') {
                lineEnd(c);
                return;
            }
        }
    }

    /** The fields of the next non-blank, non-comment record, or null at the end of the input. */
    List<String> next() {
        while (true) {
            int c = peek();
            if (c < 0) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                pos++;
                lineEnd(c);
                continue;
            }
            if (c == comment) {
                skipLine();
                continue;
            }
            if (whitespace && (c == ' ' || c == '\t')) {
                // leading blanks: skip; a line of only blanks is blank
                pos++;
                continue;
            }
            break;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            boolean endOfRecord = readField(fields);
            if (endOfRecord) {
                return fields;
            }
        }
    }

    /** Reads one field into {@code fields}; true if the record ended after it. */
    private boolean readField(List<String> fields) {
        field.setLength(0);
        int c = peek();
        if (c == quote) {
            pos++;
            long start = line;
            while (true) {
                c = read();
                if (c < 0) {
                    throw new FileFormatException(file, "line " + start + ", field " + (fields.size() + 1)
                            + ": quoted field is not closed before the end of the file");
                }
                if (c == quote) {
                    if (peek() == quote) {
                        pos++;
                        append((char) c, start, fields.size());
                        continue;
                    }
                    break;
                }
                if (c == '\n' || c == '\r') {
                    lineEnd(c);
                    append('\n', start, fields.size());
                    continue;
                }
                append((char) c, start, fields.size());
            }
            // after the closing quote: only blanks until a delimiter or the line end
            while (true) {
                c = peek();
                if (c == ' ' || c == '\t') {
                    if (!whitespace && c == delimiter) {
                        break;
                    }
                    pos++;
                    continue;
                }
                break;
            }
            fields.add(field.toString());
            return endField(fields);
        }
        // fast path: the whole field lies in the buffer
        int i = pos;
        while (i < len && !terminates(buf[i])) {
            i++;
        }
        if (i < len) {
            String f = new String(buf, pos, i - pos);
            pos = i;
            fields.add(f.isEmpty() || (f.charAt(0) > ' ' && f.charAt(f.length() - 1) > ' ') ? f : f.strip());
            return endField(fields);
        }
        while (true) {
            c = peek();
            if (c < 0 || terminates((char) c)) {
                break;
            }
            pos++;
            append((char) c, line, fields.size());
        }
        fields.add(field.toString().strip());
        return endField(fields);
    }

    private boolean terminates(char c) {
        return c == '\n' || c == '\r' || (whitespace ? c == ' ' || c == '\t' : c == delimiter);
    }

    private boolean endField(List<String> fields) {
        int c = peek();
        if (c < 0) {
            return true;
        }
        if (c == '\n' || c == '\r') {
            pos++;
            lineEnd(c);
            return true;
        }
        if (whitespace) {
            while (peek() == ' ' || peek() == '\t') {
                pos++;
            }
            int d = peek();
            if (d < 0) {
                return true;
            }
            if (d == '\n' || d == '\r') {
                pos++;
                lineEnd(d);
                return true;
            }
            return false;
        }
        if (c == delimiter) {
            pos++;
            return false;
        }
        throw new FileFormatException(file, "line " + line + ", field " + fields.size()
                + ": unexpected character '" + (char) c + "' after a closing quote; expected a delimiter or the line end");
    }

    private void append(char c, long startLine, int index) {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw new FileFormatException(file, "line " + startLine + ", field " + (index + 1) + ": field longer than "
                    + MAX_FIELD_CHARS + " characters (an unbalanced quote?)");
        }
        field.append(c);
    }
}
