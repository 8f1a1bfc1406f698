package io.quarkiverse.sqlspec.runtime.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;

/**
 * The request's connection as handed to application code: {@code close()} does nothing, because the connection is
 * shared with every session of the request and goes back to the pool when the request ends.
 */
final class NonClosingConnection implements InvocationHandler {

    private final Connection connection;

    NonClosingConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                return null;
            case "isClosed":
                return connection.isClosed();
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "SQLSpec request connection (" + connection + ")";
            default:
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }
}
