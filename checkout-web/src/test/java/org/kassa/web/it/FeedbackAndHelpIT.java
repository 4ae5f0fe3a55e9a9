package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feedback and help, over HTTP, on one server. Receipt emails against a real SMTP server in the
 * test JVM (GreenMail), on the port the build reserved and gave to Payara Micro as {@code
 * kassa.mail.port}: a shopper who pays on the hosted page gets one receipt, in the language the
 * page spoke, as plain text and HTML. The payment help and its "report a problem" form: the page
 * keeps the shopper's language, refuses bad input field by field, opens a ticket the merchant reads
 * and moves along through the API, caps reports per session, and the ticket's personal data is
 * exported and erased with its subject.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FeedbackAndHelpIT {

  private static GreenMail smtp;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  @BeforeAll
  static void startSmtp() {
    int port = Integer.parseInt(System.getProperty("kassa.it.smtpPort"));
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  /** Pays a new session on the hosted page as {@code email}; answers the payment id. */
  private String pay(
      long amount, String currency, String sessionLocale, String pageLanguage, String email) {
    JsonObject session =
        new ApiClient(base, KassaDeployment.DEMO_API_KEY)
            .createSession(amount, currency, sessionLocale);
    URI page =
        URI.create(
            session.getString("url") + (pageLanguage == null ? "" : "?lang=" + pageLanguage));
    PageClient browser = new PageClient("en");
    PageClient.Page form = browser.get(page);
    Map<String, String> fields =
        new HashMap<>(MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    fields.put("email", email);
    PageClient.Page result = browser.submit(page, form, "pay", fields);
    assertThat(result.document().select("#result")).as(result.document().text()).isNotEmpty();
    JsonObject paid =
        new ApiClient(base, KassaDeployment.DEMO_API_KEY)
            .get("api/v1/checkout-sessions/" + session.getString("id"))
            .json();
    assertThat(paid.getString("payment_status")).isEqualTo("paid");
    return paid.getString("payment_id");
  }

  /** The messages GreenMail received for {@code address}, waiting up to a minute for the first. */
  private static List<MimeMessage> receivedBy(String address) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      List<MimeMessage> mine =
          Arrays.stream(smtp.getReceivedMessages())
              .filter(m -> recipients(m).contains(address))
              .toList();
      if (!mine.isEmpty() || Instant.now().isAfter(deadline)) {
        return mine;
      }
      Thread.sleep(250);
    }
  }

  private static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String address() {
    return "payer-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void aPayerGetsOneReceiptInThePagesLanguageAsTextAndHtml() throws Exception {
    String email = address();
    // The merchant asked for English; the shopper read and paid the page in Japanese.
    String paymentId = pay(1500, "JPY", "en", "ja", email);

    List<MimeMessage> received = receivedBy(email);
    assertThat(received).hasSize(1);
    MimeMessage receipt = received.get(0);
    assertThat(receipt.getSubject()).endsWith("からの領収書");
    assertThat(((InternetAddress) receipt.getFrom()[0]).getAddress())
        .isEqualTo("receipts@kassa.test");
    assertThat(receipt.getMessageID()).startsWith("<rcpt_").endsWith("@kassa>");
    assertThat(receipt.getHeader("Content-Language", null)).isEqualTo("ja");
    assertThat(receipt.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) receipt.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
    String text = (String) parts.getBodyPart(0).getContent();
    assertThat(text)
        .contains(paymentId)
        .contains("￥1,500")
        .contains("Visa（末尾 4242）")
        .contains("Mug")
        .contains("今後の流れ")
        .doesNotContain("4242424242424242");
    Document html = Jsoup.parse((String) parts.getBodyPart(1).getContent());
    assertThat(html.select("html").attr("lang")).isEqualTo("ja");
    assertThat(html.text()).contains(paymentId).contains("￥1,500");

    // Another payment's receipt arrives after it: still one for the first payer.
    String other = address();
    pay(2500, "EUR", "ar", null, other);
    List<MimeMessage> second = receivedBy(other);
    assertThat(second).hasSize(1);
    assertThat(second.get(0).getSubject()).startsWith("إيصالك من");
    assertThat(
            Jsoup.parse(
                    (String) ((Multipart) second.get(0).getContent()).getBodyPart(1).getContent())
                .select("html")
                .attr("dir"))
        .isEqualTo("rtl");
    assertThat(receivedBy(email)).hasSize(1);
  }

  // The payment help and its report form.

  private static final String TICKETS = "api/v1/support-tickets";

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  /** A session for a customer of its own, so that erasing them touches no other test. */
  private JsonObject session(String customerEmail) {
    ApiClient.Answer answer =
        api()
            .post(
                "api/v1/checkout-sessions",
                ApiClient.sessionJson(4200, "EUR", "de").replace("ann@example.com", customerEmail),
                null);
    assertThat(answer.status()).isEqualTo(201);
    return answer.json();
  }

  private URI help(JsonObject session, String lang) {
    return URI.create(base + "help/" + session.getString("id") + "?lang=" + lang);
  }

  private static Map<String, String> report(String category, String message, String contact) {
    return Map.of(
        "report-category", category,
        "report-message", message,
        "report-contact", contact,
        "report-button", "x");
  }

  @Test
  void theHostedPageLinksToTheHelpInItsLanguageOnEveryStep() {
    JsonObject session = session("help-" + UUID.randomUUID() + "@example.com");
    PageClient browser = new PageClient("en");

    PageClient.Page pay = browser.get(URI.create(session.getString("url") + "?lang=ja"));
    assertThat(pay.document().select("a#help-link").attr("href"))
        .endsWith("/help/" + session.getString("id") + "?lang=ja");
    assertThat(pay.document().select("a#help-link").text()).isEqualTo("このお支払いのヘルプ");

    PageClient.Page unknown = browser.get(URI.create(base + "pay/cs_nope?lang=ar"));
    assertThat(unknown.document().select("a#help-link")).isNotEmpty();

    PageClient.Page help = browser.get(help(session, "ar"));
    assertThat(help.status()).isEqualTo(200);
    assertThat(help.document().select("html").attr("dir")).isEqualTo("rtl");
    assertThat(help.document().select("h1").text()).isEqualTo("المساعدة في الدفع");
    assertThat(help.document().select("details")).hasSize(7);
    assertThat(help.document().select("a#back-to-payment").attr("href"))
        .endsWith("/pay/" + session.getString("id") + "?lang=ar");

    PageClient.Page noSession = browser.get(URI.create(base + "help/cs_nope?lang=de"));
    assertThat(noSession.document().select("h1").text()).isEqualTo("Hilfe zu Ihrer Zahlung");
    assertThat(noSession.document().select("form#report")).isEmpty();
  }

  @Test
  void aReportIsValidatedFieldByFieldThenReachesTheMerchantWhoMovesItAlong() {
    String customer = "report-" + UUID.randomUUID() + "@example.com";
    JsonObject session = session(customer);
    PageClient browser = new PageClient("en");
    URI page = help(session, "de");
    PageClient.Page form = browser.get(page);
    assertThat(form.document().select("html").attr("lang")).isEqualTo("de");

    PageClient.Page refused = browser.submit(page, form, "report", report("", "", "not-an-email"));
    assertThat(refused.document().select("#report-category-error").text())
        .isEqualTo("Wählen Sie, worum es geht.");
    assertThat(refused.document().select("#report-message-error").text())
        .isEqualTo("Beschreiben Sie das Problem in höchstens 4000 Zeichen.");
    assertThat(refused.document().select("#report-contact-error").text())
        .isEqualTo("Geben Sie eine gültige E-Mail-Adresse ein oder lassen Sie das Feld leer.");
    assertThat(refused.document().select("#report-message").attr("aria-invalid")).isEqualTo("true");
    assertThat(refused.document().select("#report-message").attr("aria-describedby"))
        .contains("report-message-error");
    assertThat(refused.document().select("#report-sent")).isEmpty();
    PageClient.Page tooLong =
        browser.submit(page, refused, "report", report("other", "x".repeat(4001), ""));
    assertThat(tooLong.document().select("#report-message-error").text()).isNotEmpty();
    assertThat(tooLong.document().select("#report-category-error").text()).isEmpty();

    String text = "Zweimal abgebucht <b>" + UUID.randomUUID() + "</b>";
    String contact = "answer-" + UUID.randomUUID() + "@example.com";
    PageClient.Page sent =
        browser.submit(page, tooLong, "report", report("charged_twice", text, contact));
    String confirmation = sent.document().select("#report-sent").text();
    assertThat(confirmation).startsWith("Vielen Dank. Ihre Meldung tkt_");
    String ticketId = confirmation.replaceAll(".*(tkt_[A-Za-z0-9_-]+).*", "$1");
    assertThat(sent.document().select("#report-message").text()).isEmpty();

    JsonObject open = api().get(TICKETS + "?status=open").json();
    assertThat(open.getJsonArray("data").toString()).contains(ticketId);
    JsonObject ticket = api().get(TICKETS + "/" + ticketId).json();
    assertThat(ticket.getString("object")).isEqualTo("support_ticket");
    assertThat(ticket.getString("checkout_session")).isEqualTo(session.getString("id"));
    assertThat(ticket.isNull("payment")).isTrue();
    assertThat(ticket.getString("category")).isEqualTo("charged_twice");
    assertThat(ticket.getString("status")).isEqualTo("open");
    assertThat(ticket.getString("message")).isEqualTo(text);
    assertThat(ticket.getString("contact_email")).isEqualTo(contact);
    assertThat(ticket.getString("locale")).isEqualTo("de");

    assertThat(api().get(TICKETS + "?status=pending").status()).isEqualTo(400);
    assertThat(api().get(TICKETS + "?limit=0").status()).isEqualTo(400);
    assertThat(api().get(TICKETS + "/tkt_nope").status()).isEqualTo(404);
    assertThat(api().patch(TICKETS + "/" + ticketId, "{\"status\":\"done\"}").status())
        .isEqualTo(400);
    assertThat(api().patch(TICKETS + "/" + ticketId, "{\"state\":\"closed\"}").status())
        .isEqualTo(400);
    ApiClient.Answer answered = api().patch(TICKETS + "/" + ticketId, "{\"status\":\"answered\"}");
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.json().getString("status")).isEqualTo("answered");
    ApiClient.Answer reopened = api().patch(TICKETS + "/" + ticketId, "{\"status\":\"open\"}");
    assertThat(reopened.status()).isEqualTo(409);
    assertThat(reopened.json().getString("type")).endsWith("/ticket-status-not-allowed");
    assertThat(
            api()
                .patch(TICKETS + "/" + ticketId, "{\"status\":\"closed\"}")
                .json()
                .getString("status"))
        .isEqualTo("closed");
    assertThat(api().get(TICKETS + "?status=closed").json().getJsonArray("data").toString())
        .contains(ticketId);
    assertThat(new ApiClient(base, null).get(TICKETS).status()).isEqualTo(401);

    // The session takes five reports at most: four more, then a refusal on the page.
    PageClient.Page last = sent;
    for (int i = 0; i < 4; i++) {
      last = browser.submit(page, last, "report", report("other", "more " + i, ""));
      assertThat(last.document().select("#report-sent").text()).contains("tkt_");
    }
    PageClient.Page capped = browser.submit(page, last, "report", report("other", "again", ""));
    assertThat(capped.document().select("#report-messages").text())
        .contains("so viele Meldungen gesendet wie möglich");
    assertThat(capped.document().select("#report-sent")).isEmpty();

    // The ticket is the customer's personal data: in their export, gone after their erasure.
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    String dsr = "api/v1/compliance/data-subject-requests";
    String access =
        compliance
            .post(dsr, "{\"kind\":\"access\",\"email\":\"" + customer + "\"}", null)
            .json()
            .getString("id");
    compliance.post(dsr + "/" + access + "/verify", "{\"method\":\"test\"}", null);
    String export = compliance.post(dsr + "/" + access + "/fulfil", "", null).json().toString();
    assertThat(export).contains("support_tickets").contains(ticketId).contains(contact);

    String erasure =
        compliance
            .post(dsr, "{\"kind\":\"erasure\",\"email\":\"" + customer + "\"}", null)
            .json()
            .getString("id");
    compliance.post(dsr + "/" + erasure + "/verify", "{\"method\":\"test\"}", null);
    JsonObject erased = compliance.post(dsr + "/" + erasure + "/fulfil", "", null).json();
    assertThat(erased.getString("erasure")).contains("support_tickets=5");
    JsonObject after = api().get(TICKETS + "/" + ticketId).json();
    assertThat(after.isNull("message")).isTrue();
    assertThat(after.isNull("contact_email")).isTrue();
    assertThat(after.getString("category")).isEqualTo("charged_twice");
  }

  @Test
  void theMerchantSeesTheTicketInTheConsoleWithItsPaymentAndAnswersThenClosesIt() {
    JsonObject session = session("console-" + UUID.randomUUID() + "@example.com");
    PageClient shopper = new PageClient("en");
    URI pay = URI.create(session.getString("url"));
    shopper.submit(
        pay,
        shopper.get(pay),
        "pay",
        MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    String paymentId =
        api()
            .get("api/v1/checkout-sessions/" + session.getString("id"))
            .json()
            .getString("payment_id");
    URI page = help(session, "en");
    String text = "The receipt never came " + UUID.randomUUID();
    PageClient.Page sent =
        shopper.submit(page, shopper.get(page), "report", report("other", text, ""));
    String ticketId =
        sent.document().select("#report-sent").text().replaceAll(".*(tkt_[A-Za-z0-9_-]+).*", "$1");

    PageClient merchant = new PageClient("en");
    merchant.login(
        URI.create(base.toString()),
        KassaDeployment.DEMO_MERCHANT_USER,
        KassaDeployment.DEMO_PASSWORD);
    PageClient.Page payments = merchant.get(URI.create(base + "console/payments"));
    assertThat(payments.document().select("a#nav-tickets").attr("href"))
        .contains("/console/tickets");
    PageClient.Page list = merchant.get(URI.create(base + "console/tickets?status=open"));
    assertThat(list.document().select("h1").text()).isEqualTo("Support tickets");
    assertThat(list.document().select("a.ticket-id").eachText()).contains(ticketId);
    assertThat(
            merchant
                .get(URI.create(base + "console/tickets?status=closed"))
                .document()
                .select("a.ticket-id")
                .eachText())
        .doesNotContain(ticketId);

    URI detailUri = URI.create(base + "console/ticket?id=" + ticketId);
    PageClient.Page detail = merchant.get(detailUri);
    assertThat(detail.document().select("#ticket-message").text()).isEqualTo(text);
    assertThat(detail.document().select("#ticket-status").text()).isEqualTo("open");
    assertThat(detail.document().select("#ticket-session").text())
        .isEqualTo(session.getString("id"));
    assertThat(detail.document().select("#ticket-payment a").attr("href"))
        .contains("id=" + paymentId);
    assertThat(detail.document().select("#ticket-contact").text()).isEqualTo("no email given");

    URI action =
        URI.create(base.toString())
            .resolve(detail.document().select("form#ticket-form").attr("action"));
    PageClient.Page answered =
        merchant.submit(action, detail, "ticket-form", Map.of("ticket-form:mark-answered", "x"));
    assertThat(answered.document().select("#ticket-status").text()).isEqualTo("answered");
    assertThat(answered.document().select("#ticket-form\\:mark-answered")).isEmpty();
    PageClient.Page closed =
        merchant.submit(action, answered, "ticket-form", Map.of("ticket-form:mark-closed", "x"));
    assertThat(closed.document().select("#ticket-status").text()).isEqualTo("closed");
    assertThat(closed.document().select("#ticket-form input[type=submit]")).isEmpty();
    assertThat(api().get(TICKETS + "/" + ticketId).json().getString("status")).isEqualTo("closed");

    assertThat(
            merchant
                .get(URI.create(base + "console/ticket?id=tkt_nope"))
                .document()
                .select("#ticket-missing"))
        .isNotEmpty();
    PageClient.Page anonymous = new PageClient("en").get(URI.create(base + "console/tickets"));
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).contains("/login");
  }
}
