package org.yiyue.rules.model;

/** WCAG conformance level of the strictest success criterion a failure breaks. */
public enum Level { A, AA, AAA, NONE }
