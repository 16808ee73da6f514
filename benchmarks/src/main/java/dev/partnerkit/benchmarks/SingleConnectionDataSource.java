package dev.partnerkit.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One physical connection handed out again and again, as a connection pool would for one thread: closing it returns
 * it. Partnerkit and the bare JDBC transactions get their connections the same way, so neither pays for connecting.
 */
final class SingleConnectionDataSource implements DataSource {
  private final Connection physical;
  private final Connection handle;

  SingleConnectionDataSource(DataSource target) throws SQLException {
    this.physical = target.getConnection();
    this.handle = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              return null; // back to the "pool"
            case "isClosed":
              return false;
            default:
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  @Override
  public Connection getConnection() {
    return handle;
  }

  @Override
  public Connection getConnection(String username, String password) {
    return handle;
  }

  void closePhysical() throws SQLException {
    physical.close();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
