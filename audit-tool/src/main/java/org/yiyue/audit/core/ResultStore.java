package org.yiyue.audit.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yiyue.audit.report.PageReport;

/**
 * pages.jsonl in the output folder: one finished page per line, appended and flushed as soon as the page is done,
 * so an interrupted run keeps every finished page and {@code --resume} can skip them. A torn last line (the
 * process died mid-write) is ignored.
 */
public final class ResultStore implements AutoCloseable {

    public static final String FILE = "pages.jsonl";
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BufferedWriter writer;

    public ResultStore(Path folder, boolean append) throws IOException {
        Files.createDirectories(folder);
        writer = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }

    public synchronized void write(PageReport page) throws IOException {
        writer.write(JSON.writeValueAsString(page));
        writer.write('\n');
        writer.flush();
    }

    public static List<PageReport> read(Path folder) {
        Path f = folder.resolve(FILE);
        List<PageReport> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, PageReport.class));
                } catch (IOException e) {
                    // a torn line from an interrupted write: that page is audited again
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
