package com.scopebot.answer;

import com.scopebot.corpus.Condition;
import java.util.List;
import java.util.Set;

/**
 * A question read for answering.
 *
 * @param asked the text as asked
 * @param corrected the cleaned text with typos corrected
 * @param intent what kind of answer it wants
 * @param terms index terms of its subject (question words and scope words removed)
 * @param lightTerms those of the terms that name an action ("configure", "set up") rather than a thing; they
 *     count for less, since the thing identifies the task
 * @param conditions conditions it names, such as a forest topology
 * @param corrections "coverd → covered" for each word corrected
 * @param answerType a number or a time, when the question asks for one ("how many", "how long", "when")
 */
public record Question(
    String asked,
    String corrected,
    Intent intent,
    List<String> terms,
    Set<String> lightTerms,
    Set<Condition> conditions,
    List<String> corrections,
    QuestionReader.AnswerType answerType) {

  public Question {
    terms = List.copyOf(terms);
    lightTerms = Set.copyOf(lightTerms);
    conditions = Set.copyOf(conditions);
    corrections = List.copyOf(corrections);
  }
}
