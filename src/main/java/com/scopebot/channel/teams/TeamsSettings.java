package com.scopebot.channel.teams;

/**
 * The Teams channel's settings.
 *
 * @param appId the bot's Microsoft app id ({@code MICROSOFT_APP_ID}); null selects emulator mode
 * @param appPassword the app's client secret ({@code MICROSOFT_APP_PASSWORD}); secret, never logged
 * @param tenantId the tenant of a single-tenant app ({@code MICROSOFT_APP_TENANT_ID}), or null for multi-tenant
 * @param tokens where reply tokens come from, or null for MSAL with the id and password
 */
public record TeamsSettings(String appId, String appPassword, String tenantId, TokenSource tokens) {

  public TeamsSettings {
    appId = blankToNull(appId);
    appPassword = blankToNull(appPassword);
    tenantId = blankToNull(tenantId);
    if (appId != null && appPassword == null && tokens == null) {
      throw new IllegalArgumentException("MICROSOFT_APP_ID is set, so MICROSOFT_APP_PASSWORD must be set too");
    }
    if (appId == null && tenantId != null) {
      throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID is set without MICROSOFT_APP_ID");
    }
  }

  public TeamsSettings(String appId, String appPassword, String tenantId) {
    this(appId, appPassword, tenantId, null);
  }

  /** No app id: unauthenticated requests from the Bot Framework Emulator on this machine only. */
  public boolean emulatorMode() {
    return appId == null;
  }

  @Override
  public String toString() {
    return "TeamsSettings[appId=" + (appId == null ? "(unset: emulator mode)" : appId) + ", appPassword="
        + (appPassword == null ? "(unset)" : "(set)") + ", tenantId=" + (tenantId == null ? "(multi-tenant)" : tenantId)
        + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
