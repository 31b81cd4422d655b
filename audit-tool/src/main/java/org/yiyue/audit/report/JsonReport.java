package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The result model as JSON, one to one (also the input for trend and re-rendering). */
public final class JsonReport {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonReport() {
    }

    public static void write(AuditReport report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), report);
    }

    public static AuditReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), AuditReport.class);
    }
}
