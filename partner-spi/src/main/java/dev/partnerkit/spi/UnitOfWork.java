package dev.partnerkit.spi;

import java.util.function.Supplier;

/**
 * The transaction boundary. Everything the stores do inside {@code work} commits together when it returns, or not at
 * all when it throws (the exception is rethrown unchanged). Nested calls join the outer unit of work.
 */
public interface UnitOfWork {
  /**
   * @param work the work to run atomically
   * @return what {@code work} returned
   */
  <T> T inTransaction(Supplier<T> work);
}
