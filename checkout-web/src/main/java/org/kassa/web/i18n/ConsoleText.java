package org.kassa.web.i18n;

import java.util.ResourceBundle;
import org.omnifaces.util.Faces;

/** A message of the staff consoles' bundle in the current view's language, for beans' messages. */
public final class ConsoleText {

  private ConsoleText() {}

  public static String get(String key) {
    return ResourceBundle.getBundle("org.kassa.web.i18n.console", Faces.getLocale()).getString(key);
  }
}
