package org.yiyue.overlay.audit;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * An RFC 9457 problem detail, written in Chinese and English; the caller's Accept-Language picks which one fills
 * {@code title} and {@code detail} (both stay available under {@code zh} / {@code en}).
 *
 * @param type   short slug, published as {@code urn:yiyue:problem:<type>}
 * @param errors field-level errors (invalid-params of the RFC's example)
 */
public record Problem(int status, String type, String titleZh, String titleEn, String detailZh, String detailEn,
                      List<FieldError> errors) {

    public record FieldError(String name, String reasonZh, String reasonEn) {
    }

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(int status, String type, String titleZh, String titleEn, String detailZh, String detailEn) {
        return new Problem(status, type, titleZh, titleEn, detailZh, detailEn, List.of());
    }

    public JsonObject toJson(boolean english, String instance) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "urn:yiyue:problem:" + type)
                .add("title", english ? titleEn : titleZh)
                .add("status", status)
                .add("detail", english ? detailEn : detailZh);
        if (instance != null) {
            b.add("instance", instance);
        }
        b.add("zh", Json.createObjectBuilder().add("title", titleZh).add("detail", detailZh));
        b.add("en", Json.createObjectBuilder().add("title", titleEn).add("detail", detailEn));
        if (!errors.isEmpty()) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (FieldError e : errors) {
                a.add(Json.createObjectBuilder().add("name", e.name()).add("reason", english ? e.reasonEn : e.reasonZh)
                        .add("zh", e.reasonZh).add("en", e.reasonEn));
            }
            b.add("invalid-params", a);
        }
        return b.build();
    }
}
