package com.scopebot.answer;

/**
 * One earlier revision of a cited statement, as the answer shows its history.
 *
 * @param change what happened between that revision and the next: reworded, moved, added, unchanged
 * @param revision the revision's date
 * @param document the revision's file
 * @param statement the statement as that revision worded it; empty when it was added in the next revision
 * @param url the statement in that revision, else the revision itself
 */
public record HistoryStep(String change, String revision, String document, String statement, String url) {}
