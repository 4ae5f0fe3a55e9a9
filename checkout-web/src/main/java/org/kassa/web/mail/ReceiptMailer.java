package org.kassa.web.mail;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kassa.payment.receipt.MailSettings;
import org.kassa.payment.receipt.ReceiptEmails;

/**
 * Sends due receipts: every node, every 5 seconds, claims a batch ({@link ReceiptEmails#claim}),
 * renders each in its language and hands it to the mail server outside any transaction, then
 * records the outcome. Does nothing while no mail server is configured. Logs name receipts and
 * payments, never an address: a mail exception's message may quote one, so only its class is kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReceiptMailer {

  private static final Logger LOG = Logger.getLogger(ReceiptMailer.class.getName());

  @Inject private ReceiptEmails receipts;
  @Inject private MailSettings settings;

  /** What one round did. */
  public record Round(int claimed, int sent, int failed) {}

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void onTimer() {
    try {
      sendDue(settings.batchSize());
    } catch (RuntimeException e) {
      // The next tick tries again; what was claimed falls due when its lease ends.
      LOG.log(Level.WARNING, "event=receipt.round_failed error=" + e.getClass().getSimpleName());
    }
  }

  /** Claims up to {@code max} due receipts and sends them. Public so tests need not wait. */
  public Round sendDue(int max) {
    if (!settings.enabled()) {
      return new Round(0, 0, 0);
    }
    List<ReceiptEmails.Claim> claims = receipts.claim(max);
    int sent = 0;
    int failed = 0;
    for (ReceiptEmails.Claim claim : claims) {
      String error = null;
      try {
        Transport.send(message(settings.session(), settings.from(), claim));
      } catch (MessagingException | RuntimeException e) {
        error = e.getClass().getSimpleName();
      }
      try {
        if (error == null) {
          receipts.sent(claim);
          sent++;
        } else {
          receipts.failed(claim, error);
          failed++;
        }
      } catch (RuntimeException e) {
        // Not recorded: the receipt falls due again when its lease ends.
        LOG.warning(
            "event=receipt.record_failed receipt="
                + claim.receiptId()
                + " error="
                + e.getClass().getSimpleName());
      }
    }
    return new Round(claims.size(), sent, failed);
  }

  /**
   * The email: {@code multipart/alternative}, plain text first and HTML second (a client shows the
   * last part it can), UTF-8, with a Message-ID made from the receipt's id so that a receipt sent
   * twice (a node died before recording it) is the same message to the recipient's client.
   */
  static MimeMessage message(Session session, String from, ReceiptEmails.Claim claim)
      throws MessagingException {
    ReceiptMessage rendered = ReceiptMessage.render(claim.receipt());
    String messageId = "<" + claim.receiptId() + "@kassa>";
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(claim.recipient(), true));
    message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setHeader("Content-Language", rendered.locale().toLanguageTag());
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    return message;
  }
}
