package org.yiyue.overlay.audit;

import org.yiyue.overlay.audit.security.Requires;
import org.yiyue.overlay.audit.security.Right;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yiyue.audit.core.BrowserRules;
import org.yiyue.audit.core.StaticRules;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.RuleInfo;

/** The rule catalogue the audits run: our wcag-rules (static and rendered) and the browser checks. */
@Path("/rules")
@ApplicationScoped
@Requires(Right.READ_REPORTS)
@Tag(name = "rules", description = "规则目录 Rule catalogue")
public class RulesResource {

    private volatile String catalogue;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every rule: id, engine, title (zh, en), WCAG SCs, MIIT items, ACT rule URI")
    public String rules() throws IOException {
        if (catalogue == null) {
            List<RuleInfo> all = new ArrayList<>(StaticRules.all().catalogue());
            all.addAll(BrowserRules.catalogue());
            catalogue = JsonReport.MAPPER.writeValueAsString(all);
        }
        return catalogue;
    }
}
