package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yiyue.audit.report.AuditReport;

class FailOnTest {

    private static AuditReport report() {
        return org.yiyue.audit.report.RenderersTest.report();
    }

    @Test
    void thresholds() {
        AuditReport r = report();
        assertTrue(FailOn.parse("any").crossedBy(r).isPresent());
        assertTrue(FailOn.parse("impact:serious").crossedBy(r).isPresent());
        assertFalse(FailOn.parse("impact:critical").crossedBy(r).isPresent());
        assertTrue(FailOn.parse("failures:2").crossedBy(r).isPresent());
        assertFalse(FailOn.parse("failures:3").crossedBy(r).isPresent());
        assertTrue(FailOn.parse("sc:1.1.1").crossedBy(r).isPresent());
        assertFalse(FailOn.parse("sc:1.4.3").crossedBy(r).isPresent());
        assertTrue(FailOn.parse("score:100").crossedBy(r).isPresent());
        assertFalse(FailOn.parse("score:0").crossedBy(r).isPresent());
        assertTrue(FailOn.parse("unaudited").crossedBy(r).isPresent());
        assertFalse(FailOn.parse("veto").crossedBy(r).isPresent());
    }

    @Test
    void badSpecsAreRefused() {
        for (String s : new String[] {"sometimes", "impact:huge", "failures:-1", "score:x", "sc:1.1", "any:3"}) {
            assertThrows(IllegalArgumentException.class, () -> FailOn.parse(s), s);
        }
    }
}
