package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.answer.QuestionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The candidates a question's answer is chosen from are the ones Lucene's BM25 query (what the bot ran before) finds:
 * the same 80 statements, in the same order, with the same float scores, on the bundled corpus, for every eval
 * question, with and without a restriction to some revisions, and with the question's boosts varied.
 */
class Bm25CandidatesTest {

  private static PassageIndex index;
  private static List<Map<String, Double>> topics;

  @BeforeAll
  static void load() throws Exception {
    index = Fixtures.bundled().index();
    QuestionReader reader = new QuestionReader(index);
    topics = new ArrayList<>();
    for (String question : evalQuestions()) {
      topics.add(reader.read(question).topic());
    }
  }

  private static List<String> evalQuestions() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> questions = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            questions.add(json.readTree(line).get("question").asText());
          }
        }
      }
    }
    return questions;
  }

  @Test
  void findsLucenesTop80WithItsScoresForEveryEvalQuestion() {
    assertTrue(topics.size() >= 180, "eval questions read: " + topics.size());
    for (Map<String, Double> topic : topics) {
      assertSameHits(topic, null);
    }
  }

  @Test
  void findsLucenesTop80AmongSomeRevisionsOnly() {
    List<String> files = index.corpus().documents().stream().map(d -> d.file()).toList();
    Random random = new Random(11);
    for (Map<String, Double> topic : topics) {
      Set<String> some = new TreeSet<>();
      for (String f : files) {
        if (random.nextBoolean()) {
          some.add(f);
        }
      }
      if (!some.isEmpty()) {
        assertSameHits(topic, some);
      }
    }
    // no term the index holds: the revisions' statements in index order, scoring 0
    assertSameHits(Map.of("qqzzxv", 1.0), Set.of(files.get(0)));
    assertEquals(List.of(), index.search(Map.of("qqzzxv", 1.0), 80, null));
  }

  @Test
  void findsLucenesTop80WhenTermsCountForMoreOrLess() {
    Random random = new Random(7);
    for (Map<String, Double> topic : topics) {
      Map<String, Double> varied = new LinkedHashMap<>();
      // boosts as answering makes them: fractions, some above 1, the odd one at 0 (skipped)
      topic.keySet().forEach(t -> varied.put(t, random.nextInt(10) == 0 ? 0 : 0.05 + 2 * random.nextDouble()));
      assertSameHits(varied, null);
    }
  }

  private static void assertSameHits(Map<String, Double> topic, Set<String> documents) {
    List<PassageIndex.Hit> expected = lucene(topic, 80, documents);
    List<PassageIndex.Hit> actual = index.search(topic, 80, documents);
    assertEquals(describe(expected), describe(actual), "topic " + topic + " in " + documents);
  }

  private static List<String> describe(List<PassageIndex.Hit> hits) {
    return hits.stream().map(h -> h.entry().statement().text() + " @ " + Float.floatToIntBits((float) h.score())
        + " (" + h.score() + ")").toList();
  }

  /** The Lucene query PassageIndex ran before: per term a dis-max of text and boosted context, summed. */
  private static List<PassageIndex.Hit> lucene(Map<String, Double> boosts, int limit, Set<String> documents) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (documents != null) {
      query.add(new TermInSetQuery(PassageIndex.FILE, documents.stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
    }
    for (Map.Entry<String, Double> e : boosts.entrySet()) {
      if (e.getValue() <= 0 || !index.has(e.getKey())) {
        continue;
      }
      float b = e.getValue().floatValue();
      Query inText = new BoostQuery(new TermQuery(new Term(PassageIndex.TEXT, e.getKey())), b);
      Query inContext = new BoostQuery(new TermQuery(new Term(PassageIndex.CONTEXT, e.getKey())),
          b * PassageIndex.CONTEXT_WEIGHT);
      query.add(new DisjunctionMaxQuery(List.of(inText, inContext), 0f), BooleanClause.Occur.SHOULD);
    }
    try {
      IndexSearcher searcher = new IndexSearcher(index.reader());
      TopDocs top = searcher.search(query.build(), limit);
      List<PassageIndex.Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        hits.add(new PassageIndex.Hit(index.entryOfDoc(sd.doc), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
