package org.salespipeline.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections (java.lang.reflect.Proxy) fail where a {@link Faults} policy
 * says: on open, before a statement runs, before commit (nothing committed) or after commit
 * (committed, but the caller sees a failure).
 */
final class FaultyDataSource implements DataSource {

  /** Where to fail; each method throws to inject a failure. Default: never. */
  interface Faults {
    default void onOpen() throws SQLException {}

    default void beforeStatement(String sql) throws SQLException {}

    default void beforeCommit() throws SQLException {}

    /** Before commit, with the real connection (to kill its session); calls beforeCommit(). */
    default void beforeCommit(Connection real) throws SQLException {
      beforeCommit();
    }

    default void afterCommit() throws SQLException {}
  }

  private final DataSource target;
  private volatile Faults faults = new Faults() {};

  FaultyDataSource(DataSource target) {
    this.target = target;
  }

  void faults(Faults faults) {
    this.faults = faults;
  }

  static SQLException transientFailure() {
    return new SQLException("injected serialization failure", "40001");
  }

  static SQLException brokenConnection(String where) {
    return new SQLException("injected connection failure " + where, "08006");
  }

  @Override
  public Connection getConnection() throws SQLException {
    faults.onOpen();
    Connection real = target.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            connectionHandler(real));
  }

  private InvocationHandler connectionHandler(Connection real) {
    return (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("commit")) {
        faults.beforeCommit(real);
        invoke(real, method, args);
        faults.afterCommit();
        return null;
      }
      Object result = invoke(real, method, args);
      if (result instanceof PreparedStatement ps && name.equals("prepareStatement")) {
        String sql = (String) args[0];
        return Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            statementHandler(ps, sql));
      }
      if (result instanceof Statement s && name.equals("createStatement")) {
        return s;
      }
      return result;
    };
  }

  private InvocationHandler statementHandler(PreparedStatement real, String sql) {
    return (proxy, method, args) -> {
      String name = method.getName();
      if (name.startsWith("execute")) {
        faults.beforeStatement(sql);
      }
      return invoke(real, method, args);
    };
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
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
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return target.isWrapperFor(type);
  }
}
