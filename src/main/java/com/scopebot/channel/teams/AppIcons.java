package com.scopebot.channel.teams;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Teams app icons committed under {@code manifests/teams}: {@code color.png} (192×192, full colour) and
 * {@code outline.png} (32×32, white on transparent, as Teams requires). Shapes only, no fonts, so the result is the
 * same on any machine. Regenerate with {@code java -cp target/scopebot.jar com.scopebot.channel.teams.AppIcons
 * manifests/teams}.
 */
public final class AppIcons {

  static final int COLOR_SIZE = 192;
  static final int OUTLINE_SIZE = 32;
  /** The manifest's accentColor. */
  static final Color ACCENT = new Color(0x2F, 0x5F, 0xA7);

  private AppIcons() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "manifests/teams");
    Files.createDirectories(dir);
    ImageIO.write(color(), "png", dir.resolve("color.png").toFile());
    ImageIO.write(outline(), "png", dir.resolve("outline.png").toFile());
  }

  /** A white speech bubble holding a check mark, on the accent colour. */
  static BufferedImage color() {
    BufferedImage img = new BufferedImage(COLOR_SIZE, COLOR_SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = start(img);
    g.setColor(ACCENT);
    g.fillRect(0, 0, COLOR_SIZE, COLOR_SIZE);
    g.setColor(Color.WHITE);
    g.fill(bubble(COLOR_SIZE));
    g.setColor(ACCENT);
    g.setStroke(new BasicStroke(COLOR_SIZE / 14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(check(COLOR_SIZE));
    g.dispose();
    return img;
  }

  /** The same bubble and check as white strokes on transparent. */
  static BufferedImage outline() {
    BufferedImage img = new BufferedImage(OUTLINE_SIZE, OUTLINE_SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = start(img);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(bubble(OUTLINE_SIZE));
    g.draw(check(OUTLINE_SIZE));
    g.dispose();
    return img;
  }

  private static Graphics2D start(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    return g;
  }

  private static GeneralPath bubble(int size) {
    double s = size;
    GeneralPath p = new GeneralPath(new RoundRectangle2D.Double(s * 0.14, s * 0.16, s * 0.72, s * 0.54, s * 0.16,
        s * 0.16));
    p.moveTo(s * 0.30, s * 0.68);
    p.lineTo(s * 0.24, s * 0.86);
    p.lineTo(s * 0.46, s * 0.68);
    p.closePath();
    return p;
  }

  private static GeneralPath check(int size) {
    double s = size;
    GeneralPath p = new GeneralPath();
    p.moveTo(s * 0.34, s * 0.43);
    p.lineTo(s * 0.45, s * 0.54);
    p.lineTo(s * 0.66, s * 0.32);
    return p;
  }
}
