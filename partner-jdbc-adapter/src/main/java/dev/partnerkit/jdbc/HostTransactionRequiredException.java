package dev.partnerkit.jdbc;

import dev.partnerkit.domain.PartnerkitException;

/**
 * A unit of work in joined mode ({@link ConnectionProvider#joined(ConnectionProvider.HostConnection)}) found no open
 * host transaction: the connection the host gave is in auto-commit mode, so every statement would commit alone and
 * half a command could be left behind. Nothing was written. Open a transaction first (in Spring, call Partnerkit
 * inside {@code @Transactional} or a {@code TransactionTemplate}), or use the standalone mode.
 */
public class HostTransactionRequiredException extends PartnerkitException {
  private static final long serialVersionUID = 1L;

  /** @param message what was found */
  public HostTransactionRequiredException(String message) {
    super(message);
  }
}
