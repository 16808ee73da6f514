package dev.partnerkit.policy.surface;

/**
 * The body of a kernel record that is one immutable version of an artifact — a document version, a run-of-show
 * version: the record's placement parent is the artifact record, and {@link #versionNumber()} orders the versions of
 * one artifact (1, 2, 3, ...). Approvals and annotations pin one exact version; a higher number under the same parent
 * makes earlier approval decisions stale.
 */
public interface ArtifactVersion {
  /** @return the version's number within its artifact, from 1 */
  int versionNumber();
}
