package com.scopebot.answer;

/**
 * A piece of a question between sentence ends, dashes and semicolons; it asks, or it gives context.
 *
 * @param text the clause's words
 * @param asks true when it asks (see {@link Clauses})
 * @param sentence the sentence it was cut from
 */
record Clause(String text, boolean asks, String sentence) {}
