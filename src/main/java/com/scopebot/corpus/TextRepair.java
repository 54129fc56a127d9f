package com.scopebot.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-preserving repairs applied to a document's source before it is parsed, so line numbers stay true.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextRepair {

  private static final Charset CP1252 = Charset.forName("windows-1252");

  /**
   * A UTF-8 lead byte read as Windows-1252 (Â..ô), followed by one to three continuation bytes read the same way.
   * "youâ€™re" is "you’re" whose three UTF-8 bytes were decoded one character each.
   */
  private static final Pattern MOJIBAKE = Pattern.compile(
      "[\\u00C2-\\u00F4][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC"
          + "\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]{1,3}");

  /** DocFX sources sometimes write links as "[text] (url)", which Markdown reads as plain text. */
  private static final Pattern SPACED_LINK = Pattern.compile("\\[([^\\[\\]\\n]+)\\][ \\t]+\\((?=[^)\\s]+\\))");
  /** A footnote: a paragraph of its own opening with its small number and a capitalised word. */
  private static final Pattern FOOTNOTE = Pattern.compile("(?<=\\n\\r?\\n)(\\d{1,2}) (?=[A-Z][a-z])");
  /**
   * A footnote's mark: digits right after the full stop that ends a line, after a word, a year or a release ("R2"),
   * not after a number ("version 1.2").
   */
  private static final Pattern FOOTNOTE_MARK = Pattern.compile(
      "(?m)(?<=(?:\\p{L}|\\b\\d{4}|\\p{L}\\d)\\.)(\\d{1,2})[ \\t]*$");
  /** A run of white space, non-breaking spaces included; compiled once, as every line of every document is folded. */
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00A0]+");

  private TextRepair() {}

  /** Applies every repair. */
  /** A line that is only a DocFX directive: an image or other ":::" block tag, an include, a layout div. */
  private static final Pattern DIRECTIVE_LINE = Pattern.compile(
      "(?im)^[ \\t]*(?::::[a-z-]+\\b[^\\n]*|\\[!include\\s*\\[[^\\]\\n]*\\]\\([^)\\n]*\\)\\]|>[ \\t]*\\[!div\\b[^\\]\\n]*\\])[ \\t]*$");

  public static String repair(String source) {
    return dropFootnoteMarks(joinSpacedLinks(repairMojibake(dropDirectives(source))));
  }

  /**
   * A line that is nothing but a DocFX directive — an image (":::image type=… alt-text=…:::"), an include
   * ("[!include [banner](../includes/banner.md)]") or a layout div ("> [!div class=…]") — is left blank: the page
   * renders it as a picture, another file or a frame, never as a sentence of its own, and its words would otherwise
   * be searched and cited ("Screenshot of the go-live process phases"). The line stays, so the lines keep their numbers.
   */
  static String dropDirectives(String text) {
    if (text.indexOf(":::") < 0 && text.indexOf("[!") < 0) {
      return text;
    }
    return DIRECTIVE_LINE.matcher(text).replaceAll("");
  }

  /**
   * Footnote marks exported as plain digits at the end of a list item ("Windows Server 2012 R2.2", "Device
   * discovery.1") are dropped when the document has the footnote ("2 Windows Server 2012 R2 and 2016 support is
   * limited to ..."): left in, "2016.2" reads as another version and "R2.2" as no version at all.
   */
  public static String dropFootnoteMarks(String text) {
    Matcher note = FOOTNOTE.matcher(text);
    Set<String> notes = new HashSet<>();
    while (note.find()) {
      notes.add(note.group(1));
    }
    if (notes.isEmpty()) {
      return text;
    }
    Matcher mark = FOOTNOTE_MARK.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (mark.find()) {
      mark.appendReplacement(out, notes.contains(mark.group(1)) ? "" : mark.group(1));
    }
    mark.appendTail(out);
    return out.toString();
  }

  /** Re-decodes UTF-8 that was decoded as Windows-1252, where the bytes form valid UTF-8; leaves other text alone. */
  public static String repairMojibake(String text) {
    Matcher m = MOJIBAKE.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String fixed = redecode(m.group());
      if (fixed == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start()).append(fixed);
      last = m.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  private static String redecode(String garbled) {
    try {
      CharsetEncoder enc = CP1252.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer bytes = enc.encode(CharBuffer.wrap(garbled));
      CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      String decoded = dec.decode(bytes).toString();
      // One garbled sequence is one original character; anything else was real Latin-1 text.
      return decoded.codePointCount(0, decoded.length()) == 1 ? decoded : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** "[text] (url)" becomes "[text](url)". */
  public static String joinSpacedLinks(String text) {
    return SPACED_LINK.matcher(text).replaceAll("[$1](");
  }

  /** Folds runs of white space (including non-breaking spaces) into one space and trims. */
  public static String foldSpace(String text) {
    return WHITE_SPACE.matcher(text).replaceAll(" ").trim();
  }
}
