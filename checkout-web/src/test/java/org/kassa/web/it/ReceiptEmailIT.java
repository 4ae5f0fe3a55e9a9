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
 * Receipt emails against a real SMTP server in the test JVM (GreenMail), on the port the build
 * reserved and gave to Payara Micro as {@code kassa.mail.port}: a shopper who pays on the hosted
 * page gets one receipt, in the language the page spoke, as plain text and HTML.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceiptEmailIT {

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
}
