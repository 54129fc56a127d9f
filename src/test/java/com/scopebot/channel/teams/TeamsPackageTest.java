package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.scopebot.cli.Main;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Teams app package: manifest valid against Microsoft's schema, icons of the required sizes, a zip to sideload. */
class TeamsPackageTest {

  private static final Path DIR = Path.of("manifests/teams");
  private static final String APP_ID = "3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab";

  @TempDir Path tmp;

  private static Set<ValidationMessage> validate(JsonNode manifest) throws Exception {
    String version = manifest.get("manifestVersion").asText();
    try (InputStream in = TeamsPackageTest.class.getResourceAsStream(
        "/teams-manifest-schema/v" + version + "/MicrosoftTeams.schema.json")) {
      assertTrue(in != null, "no schema for manifest version " + version);
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
      return schema.validate(manifest);
    }
  }

  @Test
  void theManifestIsValidAgainstTheSchemaItDeclares() throws Exception {
    JsonNode manifest = JSON.readTree(DIR.resolve("manifest.json").toFile());
    assertTrue(manifest.get("$schema").asText().contains("/v" + manifest.get("manifestVersion").asText() + "/"));
    assertEquals(Set.of(), validate(manifest));
  }

  @Test
  void theSchemaCatchesABrokenManifest() throws Exception {
    ObjectNode broken = (ObjectNode) JSON.readTree(DIR.resolve("manifest.json").toFile());
    ((ObjectNode) broken.at("/bots/0")).put("botId", "not-a-guid");
    broken.remove("developer");
    assertEquals(2, validate(broken).size(), validate(broken).toString());
  }

  @Test
  void declaresTheBotInEveryScopeWithExamplesAndTheSearchCommand() throws Exception {
    JsonNode manifest = JSON.readTree(DIR.resolve("manifest.json").toFile());
    JsonNode bot = manifest.at("/bots/0");
    assertEquals(Set.of("personal", "team", "groupChat"), Set.copyOf(JSON.convertValue(bot.get("scopes"), java.util.List.class)));
    for (String example : WelcomeCard.EXAMPLES) {
      assertTrue(bot.get("commandLists").toString().contains(example), example);
    }
    JsonNode command = manifest.at("/composeExtensions/0/commands/0");
    assertEquals("query", command.get("type").asText());
    assertTrue(command.get("initialRun").asBoolean());
  }

  @Test
  void theIconsHaveTheSizesTeamsRequires() throws Exception {
    BufferedImage color = ImageIO.read(DIR.resolve("color.png").toFile());
    assertEquals(192, color.getWidth());
    assertEquals(192, color.getHeight());
    BufferedImage outline = ImageIO.read(DIR.resolve("outline.png").toFile());
    assertEquals(32, outline.getWidth());
    assertEquals(32, outline.getHeight());
    // white on transparent: every pixel is either fully transparent or white
    boolean drawn = false;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha != 0) {
          drawn = true;
          assertEquals(0xFFFFFF, argb & 0xFFFFFF, "pixel " + x + "," + y + " is not white");
        }
      }
    }
    assertTrue(drawn);
    assertEquals(0, outline.getRGB(0, 0) >>> 24, "the corner is transparent");
  }

  @Test
  void theCommittedIconsAreTheGeneratedOnes() throws Exception {
    Path fresh = tmp.resolve("icons");
    AppIcons.main(new String[] {fresh.toString()});
    for (String name : TeamsPackage.ICONS.keySet()) {
      BufferedImage a = ImageIO.read(fresh.resolve(name).toFile());
      BufferedImage b = ImageIO.read(DIR.resolve(name).toFile());
      for (int y = 0; y < a.getHeight(); y++) {
        for (int x = 0; x < a.getWidth(); x++) {
          assertEquals(a.getRGB(x, y), b.getRGB(x, y), name + " differs at " + x + "," + y + ": regenerate it");
        }
      }
    }
  }

  @Test
  void writesASideloadableZipWithTheAppIdFilledIn() throws Exception {
    Path zip = tmp.resolve("out/scopebot-teams.zip");
    int code = Main.commandLine().execute("teams-package", "--app-id", APP_ID, "--out", zip.toString());
    assertEquals(0, code);
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    assertEquals(Set.of("manifest.json", "color.png", "outline.png"), entries.keySet());
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertEquals(APP_ID, manifest.get("id").asText());
    assertEquals(APP_ID, manifest.at("/bots/0/botId").asText());
    assertEquals(APP_ID, manifest.at("/composeExtensions/0/botId").asText());
    assertEquals(Set.of(), validate(manifest));
    assertFalse(new String(entries.get("manifest.json")).contains("00000000-0000-0000-0000-000000000000"));
  }

  @Test
  void refusesAnAppIdThatIsNotAGuid() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TeamsPackage.write(DIR, "my-bot", tmp.resolve("x.zip")));
    assertEquals("the app id must be a GUID (MICROSOFT_APP_ID), got my-bot", e.getMessage());
    assertEquals(2, Main.commandLine().execute("teams-package", "--app-id", "my-bot", "--out",
        tmp.resolve("y.zip").toString()));
  }
}
