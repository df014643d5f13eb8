package ai.holysheep.chat.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with the store's connection, on the store's writer thread. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
