package dev.accord.workflows.activities;

import java.util.List;

/** Read these keys back from each target and compare them with their golden records. */
public record VerifyRequest(String flow, List<String> targets, List<String> keys) {}
