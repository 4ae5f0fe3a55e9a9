package org.kassa.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import org.omnifaces.util.Faces;

/**
 * The consoles' and error pages' locale: the browser's preference among the console's languages.
 */
@Named
@RequestScoped
public class ConsoleLocale {

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      HttpServletRequest request = Faces.getRequest();
      locale =
          SupportedLocales.choose(
              SupportedLocales.CONSOLE,
              request.getParameter("lang"),
              null,
              Collections.list(request.getLocales()));
    }
    return locale;
  }
}
