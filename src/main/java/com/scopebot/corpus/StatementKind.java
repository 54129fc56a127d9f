package com.scopebot.corpus;

/**
 * What a statement does, decided once at ingestion ({@link Classifier#kind}). Only the first four ground a verdict; the
 * others may be cited as context but never decide whether something is in scope or whose it is.
 */
public enum StatementKind {
  /** FastTrack does or guides it: "Provide guidance on Azure AD Connect", a bullet under "In scope". */
  GRANT,
  /** It is out of the benefit: "AD FS deployments are out of scope", a bullet under "Out of scope". */
  EXCLUSION,
  /** A side other than FastTrack must do it: "Provide and configure any public SSL certificates" (yours). */
  RESPONSIBILITY,
  /** The customer's environment must have it before the work: "Active Directory, AD FS, and AD CS deployed." */
  REQUIREMENT,
  /** Says what something is or how it works, giving it to nobody: "Defender XDR is a unified ... suite." */
  DESCRIPTION,
  /** Sends the reader elsewhere: "For more information, see ...", "Want to learn more?". */
  NAVIGATION;

  /** True for the kinds a verdict may rest on. */
  public boolean grounds() {
    return this != DESCRIPTION && this != NAVIGATION;
  }
}
