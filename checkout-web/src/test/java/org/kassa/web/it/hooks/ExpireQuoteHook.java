package org.kassa.web.it.hooks;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * A test hook, deployed only by the browser tests that need it (never part of the application):
 * ends an exchange-rate quote's lock now, as thirty minutes would, so that a browser test sees the
 * page quote again instead of waiting.
 */
@WebServlet(urlPatterns = "/test-hooks/expire-quote")
public class ExpireQuoteHook extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE fx_quote SET locked_until = ? WHERE id = ?")) {
      s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
      s.setString(2, request.getParameter("id"));
      response.setStatus(s.executeUpdate() == 1 ? 204 : 404);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
