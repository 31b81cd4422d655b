package org.yiyue.rules.model;

/** A requirement of a national standard this rule checks, with the confidence of that mapping. */
public record Mapping(String item, String description, Confidence confidence) {
}
