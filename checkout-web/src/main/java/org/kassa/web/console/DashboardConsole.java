package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kassa.payment.money.Money;
import org.kassa.payment.report.PaymentReport;
import org.kassa.payment.report.PaymentStatistics;
import org.kassa.web.i18n.ConsoleLocale;
import org.kassa.web.i18n.ConsoleText;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.TimeFormat;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;

/**
 * The merchant console's landing page: success rate, captured volume per currency and declines by
 * reason, per day over the last 7, 30 or 90 days (UTC, today included), as charts and as tables.
 */
@Named
@ViewScoped
public class DashboardConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The periods offered, in days. */
  public static final List<Integer> PERIODS = List.of(7, 30, 90);

  private static final int DEFAULT_DAYS = 30;

  // Colours that keep 3:1 against white (WCAG 1.4.11 for graphics), one per series in turn.
  private static final String[] PALETTE = {
    "#1f6feb", "#b35900", "#2f8132", "#a4262c", "#6f42c1", "#0f7b8a", "#8a6d00", "#c2185b"
  };

  @Inject private PaymentStatistics statistics;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;
  @Inject private ConsoleLocale consoleLocale;

  @Inject
  @Param(name = "days")
  private String daysParam;

  private int days;
  private String periodError;
  private PaymentReport report;

  @PostConstruct
  void init() {
    String merchantId = users.merchantIdOf(securityContext.getCallerPrincipal().getName());
    days = DEFAULT_DAYS;
    if (daysParam != null && !daysParam.isBlank()) {
      Integer asked =
          PERIODS.stream()
              .filter(p -> p.toString().equals(daysParam.strip()))
              .findFirst()
              .orElse(null);
      if (asked == null) {
        periodError =
            new java.text.MessageFormat(ConsoleText.get("console.dashboard.badPeriod"), getLocale())
                .format(new Object[] {daysParam.strip(), DEFAULT_DAYS});
      } else {
        days = asked;
      }
    }
    LocalDate today = LocalDate.now(Clock.systemUTC());
    report = statistics.report(merchantId, today.minusDays(days - 1L), today);
  }

  /** Success rate per day, in percent; no point on days without a decided payment. */
  public String getSuccessChart() {
    JsonArrayBuilder rates = Json.createArrayBuilder();
    for (PaymentReport.Outcomes o : report.outcomes()) {
      o.successRate().ifPresentOrElse(rates::add, rates::addNull);
    }
    JsonObjectBuilder dataset =
        dataset(ConsoleText.get("console.dashboard.successRate"), rates, PALETTE[0])
            .add("spanGaps", true)
            .add("fill", false);
    return config(
        "line",
        Json.createArrayBuilder().add(dataset),
        Json.createObjectBuilder()
            .add("min", 0)
            .add("max", 100)
            .add("title", title(ConsoleText.get("console.dashboard.percent"))),
        false);
  }

  /** The currencies captured in, sorted by code: one volume chart each. */
  public List<String> getCurrencies() {
    return List.copyOf(report.volume().keySet());
  }

  /** Captured volume per day in one currency, in its major units; never mixed with another. */
  public String volumeChart(String currency) {
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (Money m : report.volume().get(currency)) {
      values.add(m.toDecimal());
    }
    int colour = getCurrencies().indexOf(currency);
    return config(
        "bar",
        Json.createArrayBuilder().add(dataset(currency, values, PALETTE[colour % PALETTE.length])),
        Json.createObjectBuilder().add("beginAtZero", true).add("title", title(currency)),
        false);
  }

  /** Declines per day, one stacked series per reason. */
  public String getDeclinesChart() {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int i = 0;
    for (Map.Entry<String, List<Long>> e : report.declines().entrySet()) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      e.getValue().forEach(values::add);
      datasets.add(dataset(e.getKey(), values, PALETTE[i++ % PALETTE.length]));
    }
    return config(
        "bar",
        datasets,
        Json.createObjectBuilder()
            .add("beginAtZero", true)
            .add("stacked", true)
            .add("ticks", Json.createObjectBuilder().add("precision", 0)),
        true);
  }

  private JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("borderColor", colour)
        .add("backgroundColor", colour);
  }

  private static JsonObjectBuilder title(String text) {
    return Json.createObjectBuilder().add("display", true).add("text", text);
  }

  /** A Chart.js configuration, as the PrimeFaces chart component takes it. */
  private String config(
      String type, JsonArrayBuilder datasets, JsonObjectBuilder y, boolean stacked) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    report.days().forEach(d -> labels.add(TimeFormat.day(d, getLocale())));
    JsonObjectBuilder x = Json.createObjectBuilder();
    if (stacked) {
      x.add("stacked", true);
    }
    String json =
        Json.createObjectBuilder()
            .add("type", type)
            .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("responsive", true)
                    .add("maintainAspectRatio", false)
                    .add("animation", false)
                    .add("scales", Json.createObjectBuilder().add("x", x).add("y", y)))
            .build()
            .toString();
    // The configuration is written into a script: no "</script>" may end it early.
    return json.replace("<", "\\u003c");
  }

  /** The period's success rate, e.g. {@code 92.5 %}, or a dash without decided payments. */
  public String getSuccessRate() {
    return report.total().successRate().map(this::percent).orElse("–");
  }

  public PaymentReport.Outcomes getTotal() {
    return report.total();
  }

  public Map<String, Money> getVolume() {
    return report.totalVolume();
  }

  public Map<String, Long> getDeclines() {
    return report.totalDeclines();
  }

  /** The declines of the period by reason, most frequent first, for a table. */
  public List<Map.Entry<String, Long>> getDeclineList() {
    return List.copyOf(report.totalDeclines().entrySet());
  }

  /** A period's name, e.g. {@code 30 days}. */
  public String periodName(int periodDays) {
    return new java.text.MessageFormat(ConsoleText.get("console.dashboard.days"), getLocale())
        .format(new Object[] {periodDays});
  }

  public String money(Money m) {
    return MoneyFormat.format(m, getLocale());
  }

  public String number(long n) {
    return NumberFormat.getIntegerInstance(getLocale()).format(n);
  }

  private String percent(BigDecimal rate) {
    NumberFormat f = NumberFormat.getPercentInstance(getLocale());
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(rate.movePointLeft(2));
  }

  /** The first and last day shown, in the console's language. */
  public String getPeriodText() {
    List<LocalDate> shown = report.days();
    return TimeFormat.day(shown.get(0), getLocale())
        + " – "
        + TimeFormat.day(shown.get(shown.size() - 1), getLocale())
        + " (UTC)";
  }

  public List<Integer> getPeriods() {
    return PERIODS;
  }

  public int getDays() {
    return days;
  }

  /** Why the period asked for in the URL was not taken, or null. */
  public String getPeriodError() {
    return periodError;
  }

  public Locale getLocale() {
    return consoleLocale.getLocale();
  }
}
