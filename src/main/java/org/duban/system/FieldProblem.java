package org.duban.system;

/** One offending field of a request, with the reason in Chinese for the person who sent it. */
public record FieldProblem(String field, String message) {}
