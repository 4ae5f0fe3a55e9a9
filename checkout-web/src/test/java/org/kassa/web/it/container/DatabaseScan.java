package org.kassa.web.it.container;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Searches every text column of every application table for a piece of text: how the tests prove
 * that something (a card number, a payer's name) is stored nowhere in plain text.
 */
final class DatabaseScan {

  private DatabaseScan() {}

  /** The {@code table.column} names whose values contain the text. */
  static List<String> columnsContaining(DataSource dataSource, String text) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          int type = rs.getInt("DATA_TYPE");
          boolean textual =
              type == java.sql.Types.VARCHAR
                  || type == java.sql.Types.CHAR
                  || type == java.sql.Types.CLOB
                  || type == java.sql.Types.LONGVARCHAR;
          if (textual && schema != null && schema.equalsIgnoreCase("public")) {
            columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
          }
        }
      }
      if (columns.isEmpty()) {
        throw new IllegalStateException("the scan must see the application's tables");
      }
      for (String[] col : columns) {
        String sql = "SELECT COUNT(*) FROM \"" + col[0] + "\" WHERE \"" + col[1] + "\" LIKE ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, "%" + text + "%");
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              hits.add(col[0] + "." + col[1]);
            }
          }
        }
      }
    }
    return hits;
  }
}
