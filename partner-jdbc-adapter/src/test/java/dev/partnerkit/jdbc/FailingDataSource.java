package dev.partnerkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source wrapper for fault injection: counts executed prepared statements and throws an SQLException from the
 * {@code failAt}-th one (1-based; 0 never fails), optionally also from {@link Connection#commit()}. Also counts
 * connections handed out and not yet closed, and connections closed with auto-commit still off.
 */
final class FailingDataSource implements DataSource {
  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "executeBatch", "executeLargeBatch");

  private final DataSource target;
  private final int failAt;
  private final boolean failCommit;
  private final AtomicInteger executed = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger closedWithoutAutoCommit = new AtomicInteger();

  FailingDataSource(DataSource target, int failAt, boolean failCommit) {
    this.target = target;
    this.failAt = failAt;
    this.failCommit = failCommit;
  }

  /** @return statements executed (or attempted) so far */
  int executed() {
    return executed.get();
  }

  /** @return connections handed out and not closed */
  int open() {
    return open.get();
  }

  /** @return connections closed while auto-commit was off */
  int closedWithoutAutoCommit() {
    return closedWithoutAutoCommit.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(target.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    open.incrementAndGet();
    InvocationHandler handler = (proxy, method, args) -> {
      switch (method.getName()) {
        case "prepareStatement":
          PreparedStatement statement = (PreparedStatement) invoke(connection, method, args);
          return wrap(statement);
        case "commit":
          if (failCommit) {
            throw new SQLException("injected commit failure", "08006");
          }
          return invoke(connection, method, args);
        case "close":
          if (!connection.isClosed()) {
            open.decrementAndGet();
            if (!connection.getAutoCommit()) {
              closedWithoutAutoCommit.incrementAndGet();
            }
          }
          return invoke(connection, method, args);
        default:
          return invoke(connection, method, args);
      }
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private PreparedStatement wrap(PreparedStatement statement) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (EXECUTE.contains(method.getName())) {
        int n = executed.incrementAndGet();
        if (n == failAt) {
          throw new SQLException("injected failure at statement " + n, "HY000");
        }
      }
      return invoke(statement, method, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
