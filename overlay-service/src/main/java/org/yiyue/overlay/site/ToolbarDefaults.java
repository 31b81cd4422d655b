package org.yiyue.overlay.site;

import java.util.Map;
import java.util.Set;

/**
 * What the toolbar starts with on a site until the user changes it (the user's own settings live in the browser).
 *
 * @param lang      interface language, {@code zh-CN} or {@code en}
 * @param position  launcher position: top-right, top-left, bottom-right, bottom-left
 * @param shortcuts remapped shortcuts, function name to key combination (e.g. {@code "toggle": "Alt+Shift+Y"})
 * @param tts       whether the overlay's speech service is offered
 */
public record ToolbarDefaults(String lang, String position, Map<String, String> shortcuts, boolean tts) {

    private static final Set<String> POSITIONS = Set.of("top-right", "top-left", "bottom-right", "bottom-left");
    public static final ToolbarDefaults DEFAULT = new ToolbarDefaults("zh-CN", "top-right", Map.of(), true);

    public ToolbarDefaults {
        lang = lang == null ? "zh-CN" : lang;
        position = position == null ? "top-right" : position;
        shortcuts = shortcuts == null ? Map.of() : Map.copyOf(shortcuts);
        if (!lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new IllegalArgumentException("toolbar lang is not a language tag: " + lang);
        }
        if (!POSITIONS.contains(position)) {
            throw new IllegalArgumentException("toolbar position must be one of " + POSITIONS + ": " + position);
        }
    }
}
