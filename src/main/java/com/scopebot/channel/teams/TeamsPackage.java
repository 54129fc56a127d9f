package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Writes the sideloadable Teams app package: {@code manifest.json} with the bot's app id filled in, and the two icons,
 * at the root of a zip, as Teams' "Upload a custom app" expects.
 */
public final class TeamsPackage {

  private static final Pattern GUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** Icon files and the size Teams requires of each. */
  static final Map<String, Integer> ICONS = Map.of("color.png", AppIcons.COLOR_SIZE, "outline.png", AppIcons.OUTLINE_SIZE);

  private TeamsPackage() {}

  /**
   * Builds the zip.
   *
   * @param dir folder with {@code manifest.json}, {@code color.png} and {@code outline.png}
   * @param appId the bot's Microsoft app id; it becomes the app's id, the bot's and the message extension's
   * @throws IllegalArgumentException when the app id is not a GUID or an icon has the wrong size
   */
  public static void write(Path dir, String appId, Path zip) throws IOException {
    if (appId == null || !GUID.matcher(appId).matches()) {
      throw new IllegalArgumentException("the app id must be a GUID (MICROSOFT_APP_ID), got " + appId);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode tree = json.readTree(dir.resolve("manifest.json").toFile());
    if (!(tree instanceof ObjectNode manifest)) {
      throw new IllegalArgumentException(dir.resolve("manifest.json") + " is not a JSON object");
    }
    manifest.put("id", appId);
    for (String part : new String[] {"bots", "composeExtensions"}) {
      for (JsonNode item : manifest.path(part)) {
        ((ObjectNode) item).put("botId", appId);
      }
    }
    byte[] color = icon(dir, "color.png");
    byte[] outline = icon(dir, "outline.png");
    Path parent = zip.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      put(z, "manifest.json", json.writeValueAsBytes(manifest));
      put(z, "color.png", color);
      put(z, "outline.png", outline);
    }
  }

  private static byte[] icon(Path dir, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(name));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
    int size = ICONS.get(name);
    if (img == null || img.getWidth() != size || img.getHeight() != size) {
      throw new IllegalArgumentException(name + " must be a " + size + "×" + size + " PNG, got "
          + (img == null ? "no image" : img.getWidth() + "×" + img.getHeight()));
    }
    return bytes;
  }

  private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(bytes);
    z.closeEntry();
  }
}
