package com.scopebot.corpus;

import java.util.Objects;

/**
 * Where a corpus file came from, as listed in the corpus folder's {@code sources.json}.
 *
 * @param file file name in the corpus folder
 * @param repo upstream repository, {@code owner/name}
 * @param path path of the file in that repository
 * @param commit commit of the revision copied
 * @param committed ISO date of that commit, empty when unknown
 */
public record SourceInfo(String file, String repo, String path, String commit, String committed) {

  public SourceInfo {
    Objects.requireNonNull(file, "file");
    repo = Objects.requireNonNullElse(repo, "");
    path = Objects.requireNonNullElse(path, "");
    commit = Objects.requireNonNullElse(commit, "");
    committed = Objects.requireNonNullElse(committed, "");
  }

  /** {@code https://github.com/<repo>/blob/<commit>/<path>}, or empty when any part is missing. */
  public String permalinkBase() {
    if (repo.isEmpty() || path.isEmpty() || commit.isEmpty()) {
      return "";
    }
    return "https://github.com/" + repo + "/blob/" + commit + "/" + path;
  }
}
