package org.kassa.web.checkout;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import org.hibernate.validator.constraints.CreditCardNumber;
import org.kassa.compliance.kyc.InvalidKycException;
import org.kassa.compliance.kyc.KycProfile;
import org.kassa.compliance.kyc.KycService;
import org.kassa.compliance.kyc.KycStateException;
import org.kassa.compliance.kyc.KycStatus;
import org.kassa.compliance.kyc.KycTier;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.CheckoutStatus;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.SessionNotPayableException;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.SupportedLocales;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The hosted checkout page of one session. */
@Named
@ViewScoped
public class PayPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the page shows. */
  public enum Step {
    NOT_FOUND,
    EXPIRED,
    PAY,
    PROCESSING,
    SUCCEEDED,
    ALREADY_PAID,
    /** The payment needs the shopper's identity verified first (KYC): the identity form. */
    KYC,
    /** The shopper's identity waits for a compliance officer. */
    KYC_PENDING,
    /** An officer rejected the shopper's identity for the tier this payment needs. */
    KYC_REJECTED,
    /** A QR-code wallet's code, waiting to be scanned and paid; the page polls where it stands. */
    QR_CODE
  }

  /** A payment method as the picker offers it: its API name and its name in the page's language. */
  public record MethodChoice(String type, String label) implements Serializable {}

  /** A country as offered in the KYC form: its ISO code and its name in the page's language. */
  public record Country(String code, String name) implements Serializable {}

  @Inject
  @Param(pathIndex = 0)
  private String sessionId;

  @Inject
  @Param(name = "lang")
  private String lang;

  @Inject private CheckoutSessions sessions;
  @Inject private org.kassa.payment.privacy.PaymentPersonalData personalData;
  @Inject private PaymentConfirmation confirmation;
  @Inject private org.kassa.compliance.consent.Consents consents;
  @Inject private org.kassa.payment.payment.Payments payments;
  @Inject private KycService kyc;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private org.kassa.payment.payment.QrCodes qrCodes;
  @Inject private PresentmentChoice presentment;
  @Inject private org.kassa.payment.receipt.ReceiptEmails receipts;

  private transient Clock clock = Clock.systemUTC();

  private Step step;
  private Locale locale;
  private OrderView order;
  private String successRedirect;
  private String paymentId;
  private String declineMessage;

  /** The purposes shown, in the page's language: the terms, and unticked optional boxes. */
  private java.util.List<org.kassa.compliance.consent.ConsentOffer> consentOffers =
      java.util.List.of();

  /** The optional purposes the shopper ticked. */
  private final java.util.Map<String, Boolean> consentTicked = new java.util.HashMap<>();

  /** The optional purposes the payer has granted, which the result page lets them withdraw. */
  private java.util.List<org.kassa.compliance.consent.ConsentOffer> grantedConsents;

  @Email
  @Size(max = 254)
  private String email;

  @NotBlank
  @Size(max = 200)
  private String cardholder;

  @CreditCardNumber(ignoreNonDigitCharacters = true)
  private String cardNumber;

  private Integer expMonth;
  private Integer expYear;
  private String cvc;

  /**
   * The methods the page shows: the session's, less what its currency and the shopper's country do
   * not allow. Fixed for the view (the page's fragments are built from it).
   */
  private List<org.kassa.payment.gateway.PaymentMethodType> offeredMethods = List.of();

  /** The offered methods named in the page's language, for the picker. */
  private List<MethodChoice> methodChoices = List.of();

  /** The method chosen, by API name; the card when the session offers it. */
  private String method;

  /** The IBAN a shopper paying by bank transfer says they pay from (optional). */
  private String payerIban;

  /** Where a pending bank transfer's details are, while the page shows it processing. */
  private String transferUrl;

  @Inject private org.kassa.payment.banktransfer.BankTransferCheckout bankTransfers;

  /** The payer's name typed in a wallet's fragment, by method API name (the gate screens it). */
  private final java.util.Map<String, String> payerNames = new java.util.HashMap<>();

  /** The QR step: what the code encodes, the code as SVG, the wallet's name, the code's end. */
  private String qrLink;

  private String qrSvg;
  private String qrWallet;
  private Instant qrExpiresAt;

  /** The tier the KYC step asks for; NONE when the payment needs none. */
  private KycTier kycTier = KycTier.NONE;

  /** The countries offered in the KYC form, named in the page's language. */
  private List<Country> countries = List.of();

  /** The KYC form's fields, as typed; kept when the shopper goes on to pay. */
  private final KycForm kycForm = new KycForm();

  /** The KYC form's errors: field to message key, shown in the page's language. */
  private final java.util.Map<String, String> kycErrors = new java.util.HashMap<>();

  /** What the page shows of the order; built once, so getters stay free of work. */
  public record OrderView(
      String merchantTotal, List<Line> lines, String expiresAt, String cancelUrl)
      implements Serializable {}

  /** One line of the order as shown. */
  public record Line(String name, int quantity, String unitPrice, String total)
      implements Serializable {}

  @PostConstruct
  void load() {
    List<Locale> browser =
        Collections.list(
            ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getLocales());
    CheckoutSession session = sessionId == null ? null : sessions.find(sessionId).orElse(null);
    locale =
        SupportedLocales.choose(
            lang, session == null ? null : session.locale().orElse(null), browser);
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    if (session == null) {
      step = Step.NOT_FOUND;
      return;
    }
    email = personalData.customerEmail(session).orElse(null);
    consentOffers = consents.offers(locale);
    order = orderView(session);
    offerMethods(session);
    if (session.statusAt(now()) == CheckoutStatus.OPEN && session.paymentId().isPresent()) {
      // Back from 3-D Secure (or a reload while processing): ask the gateway where it stands.
      PaymentResult result = confirmation.refresh(session.paymentId().get());
      paymentId = result.paymentId();
      if (result.status() == PaymentStatus.REQUIRES_ACTION && showQrCode(result)) {
        return; // a reload while the QR code waits: the same code again
      }
      if (result.status().isPending()) {
        step = Step.PROCESSING;
        // A bank transfer waits days: the page links to what to transfer.
        transferUrl =
            result
                .action()
                .filter(
                    a ->
                        a.startsWith(
                            org.kassa.payment.banktransfer.BankTransfers.INSTRUCTIONS_PATH))
                .map(
                    a -> withParameter(Faces.getRequestContextPath() + a, "lang", getLanguageTag()))
                .orElse(null);
        return;
      }
      if (result.status() == PaymentStatus.FAILED) {
        declineMessage =
            text("decline." + result.decline().map(d -> d.code()).orElse("generic_decline"));
        Messages.addGlobalError(declineMessage);
      }
      if (result.status() == PaymentStatus.CANCELED) {
        // Canceled in the wallet (or its page): say so, and offer the same or another method.
        declineMessage = text("method.canceled");
        Messages.addGlobalError(declineMessage);
      }
      if (result.status().isFinal()) {
        // Another try is one click: the method tried, and a wallet's payer as typed.
        payments
            .find(paymentId)
            .filter(p -> offers(p.method().apiName()))
            .ifPresent(
                p -> {
                  method = p.method().apiName();
                  if (p.method() != org.kassa.payment.gateway.PaymentMethodType.CARD) {
                    personalData
                        .payer(p)
                        .ifPresent(
                            payer -> {
                              payerNames.put(method, payer.name());
                              payer
                                  .emailAddress()
                                  .filter(e -> email == null)
                                  .ifPresent(e -> email = e);
                            });
                  }
                });
      }
      session = sessions.find(sessionId).orElseThrow();
    }
    CheckoutStatus status = session.statusAt(now());
    if (status == CheckoutStatus.COMPLETE
        && (session.paymentId().equals(Optional.ofNullable(paymentId))
            || session.paymentId().filter(this::wasStartedHere).isPresent())) {
      // Paid from this browser, also when the gateway's callback settled it before the shopper
      // came back (from a wallet or 3-D Secure) or while the QR step was asking.
      paymentId = session.paymentId().get();
      step = Step.SUCCEEDED;
      successRedirect = withSessionId(session.successUrl(), sessionId);
      return;
    }
    step =
        switch (status) {
          case OPEN -> Step.PAY;
          case EXPIRED -> Step.EXPIRED;
          case COMPLETE -> Step.ALREADY_PAID;
        };
    if (step == Step.PAY) {
      askForKycIfNeeded(session);
    }
  }

  /**
   * Asks for the shopper's identity when this payment needs a tier they have not verified: before
   * they type their card, so that nothing is typed twice. The gate decides again on confirm.
   *
   * @return whether the page now shows a KYC step
   */
  private boolean askForKycIfNeeded(CheckoutSession session) {
    String subject = payerSubject(session).orElse(null);
    KycTier needed =
        kyc.requiredTier(
            subject, session.amount().minorUnits(), session.amount().currency().code(), null);
    return askForKyc(needed, subject);
  }

  private boolean askForKyc(KycTier needed, String subject) {
    if (needed == KycTier.NONE) {
      return false;
    }
    kycTier = needed;
    if (countries.isEmpty()) {
      countries = countries(locale);
    }
    if (kycForm.getName() == null) {
      kycForm.setName(cardholder);
    }
    Optional<KycStatus> status =
        Optional.ofNullable(subject).flatMap(kyc::find).flatMap(KycProfile::status);
    if (status.equals(Optional.of(KycStatus.PENDING_REVIEW))) {
      step = Step.KYC_PENDING;
    } else if (status.equals(Optional.of(KycStatus.REJECTED))
        && kyc.find(subject)
            .flatMap(KycProfile::submittedTier)
            .filter(t -> !needed.above(t))
            .isPresent()) {
      step = Step.KYC_REJECTED;
    } else {
      step = Step.KYC;
    }
    return true;
  }

  private static List<Country> countries(Locale locale) {
    return java.util.Arrays.stream(Locale.getISOCountries())
        .map(c -> new Country(c, new Locale("", c).getDisplayCountry(locale)))
        .sorted(
            java.util.Comparator.comparing(Country::name, java.text.Collator.getInstance(locale)))
        .toList();
  }

  /**
   * The payer's pseudonymous id, as the payment will have it: by the email typed, else the
   * customer's the merchant gave.
   */
  private Optional<String> payerSubject(CheckoutSession session) {
    return Optional.ofNullable(pseudonymizer.pseudonym(email)).or(session::subjectRef);
  }

  /**
   * Submits the shopper's identity for the tier the payment needs. Verified: on to the payment,
   * with what was typed kept; a screening hit: the page says the details are being checked.
   */
  public void submitKyc() {
    kycErrors.clear();
    if (email == null || email.isBlank()) {
      // The identity is kept under the payer's pseudonymous id, which comes from their email.
      kycErrors.put("email", "kyc.error.email.required");
      return;
    }
    String subject = pseudonymizer.pseudonym(email);
    try {
      KycProfile profile = kyc.submit(subject, kycForm.submission(kycTier), "shopper");
      if (profile.status().equals(Optional.of(KycStatus.PENDING_REVIEW))) {
        step = Step.KYC_PENDING;
        return;
      }
      CheckoutSession session = sessions.find(sessionId).orElseThrow();
      if (!askForKycIfNeeded(session)) {
        step = Step.PAY;
        if (cardholder == null || cardholder.isBlank()) {
          cardholder = kycForm.getName();
        }
        Messages.addGlobalInfo(text("kyc.verified"));
      }
    } catch (InvalidKycException e) {
      e.errors().forEach(f -> kycErrors.put(f.field(), "kyc.error." + f.code()));
    } catch (KycStateException e) {
      step = Step.KYC_PENDING;
    }
  }

  /**
   * Decides which methods the page shows. The shopper's country is the one the merchant gave on the
   * session, else the region of the page's language (zh-CN, zh-TW, pt-BR), else unknown: then only
   * the currency counts. It is decided once, so a language switch never changes the methods.
   */
  private void offerMethods(CheckoutSession session) {
    String country =
        session
            .customerCountry()
            .orElse(locale.getCountry().isEmpty() ? null : locale.getCountry());
    offeredMethods =
        org.kassa.payment.checkout.PaymentMethodAvailability.shown(
            session.paymentMethodTypes(), session.amount().currency(), country);
    methodChoices = methodChoices();
    method =
        offers("card")
            ? "card"
            : offeredMethods.stream().findFirst().map(t -> t.apiName()).orElse(null);
  }

  private List<MethodChoice> methodChoices() {
    return offeredMethods.stream()
        .map(t -> new MethodChoice(t.apiName(), text("method.name." + t.apiName())))
        .toList();
  }

  private boolean offers(String apiName) {
    return offeredMethods.stream().anyMatch(t -> t.apiName().equals(apiName));
  }

  /** Puts the shopper's locale on the view, on the first render and after every postback. */
  public void applyLocale() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  /**
   * Switches the page's language on a postback of the form the shopper is typing in, without
   * validating or submitting it (the button is immediate): the fields keep what was typed, as
   * submitted; only the card number and code are dropped, as after any request. The language comes
   * from the {@code switch-lang} parameter the switcher's script sets.
   */
  public void switchLanguage() {
    Optional<Locale> wanted = SupportedLocales.match(Faces.getRequestParameter("switch-lang"));
    if (wanted.isPresent() && !wanted.get().equals(locale)) {
      locale = wanted.get();
      applyLocale();
      // What the page shows in its language; the shopper's ticks are kept by purpose.
      CheckoutSession session = sessions.find(sessionId).orElse(null);
      if (session != null) {
        order = orderView(session);
        consentOffers = consents.offers(locale);
        methodChoices = methodChoices();
        grantedConsents = null;
      }
      if (!countries.isEmpty()) {
        countries = countries(locale);
      }
    }
    cardNumber = null;
    cvc = null;
    UIViewRoot view = FacesContext.getCurrentInstance().getViewRoot();
    for (String id : List.of("pay:cardnumber", "pay:cvc")) {
      if (view.findComponent(id) instanceof jakarta.faces.component.EditableValueHolder input) {
        input.resetValue();
      }
    }
  }

  private OrderView orderView(CheckoutSession session) {
    List<Line> lines =
        session.lineItems().stream()
            .map(
                (LineItem item) -> {
                  Money unit = new Money(item.unitAmount(), session.amount().currency());
                  return new Line(
                      item.name(),
                      item.quantity(),
                      MoneyFormat.format(unit, locale),
                      MoneyFormat.format(unit.times(item.quantity()), locale));
                })
            .toList();
    String expires =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                // the locale's digits, as in the amounts (Arabic-Indic for Arabic)
                .withDecimalStyle(java.time.format.DecimalStyle.of(locale))
                .format(session.expiresAt().atZone(ZoneOffset.UTC))
            + " UTC";
    return new OrderView(
        MoneyFormat.format(session.amount(), locale), lines, expires, session.cancelUrl());
  }

  /** Pays the session with the method chosen: the card entered, or a wallet. */
  public void pay() {
    org.kassa.payment.gateway.PaymentMethodType chosen =
        offeredMethods.stream()
            .filter(t -> t.apiName().equals(method))
            .findFirst()
            .orElse(org.kassa.payment.gateway.PaymentMethodType.CARD);
    if (chosen == org.kassa.payment.gateway.PaymentMethodType.SEPA_CREDIT_TRANSFER) {
      payByBankTransfer();
      return;
    }
    if (chosen != org.kassa.payment.gateway.PaymentMethodType.CARD) {
      payWithWallet(chosen);
      return;
    }
    CardDetails.Checked checked =
        CardDetails.check(
            cardholder,
            cardNumber,
            expMonth == null ? 0 : expMonth,
            expYear == null ? 0 : expYear,
            cvc,
            YearMonth.now(clock()));
    if (!checked.valid()) {
      // On the field each is about, so that it is shown, announced and summarized with it.
      UIViewRoot view = FacesContext.getCurrentInstance().getViewRoot();
      for (String key : checked.problems()) {
        Messages.addError(cardField(key), text(key));
        if (view.findComponent("pay:" + cardField(key))
            instanceof jakarta.faces.component.UIInput in) {
          in.setValid(false);
        }
      }
      return;
    }
    payWith(
        returnUrl ->
            confirmation.confirm(
                sessionId,
                checked.card(),
                new Payer(checked.card().holderName(), email),
                clientIp(),
                returnUrl,
                consentChoices()));
  }

  /**
   * Pays the session as {@code attempt} does (a typed card, a saved card), and shows the outcome:
   * the result, the 3-D Secure challenge, the identity step, or why it failed.
   *
   * @param attempt the payment, given the URL a challenge sends the shopper back to
   */
  public void payWith(java.util.function.Function<String, PaymentResult> attempt) {
    declineMessage = null;
    CheckoutSession current = sessions.find(sessionId).orElse(null);
    if (current != null && askForKycIfNeeded(current)) {
      // The email typed names a payer who must verify first. The card is typed again after it:
      // its number and code are never kept beyond the request.
      cardNumber = null;
      cvc = null;
      Messages.addGlobalInfo(text("kyc.needed"));
      return;
    }
    try {
      receipts.rememberLanguage(sessionId, locale); // the receipt speaks the page's language
      if (!presentment.recordChoice()) {
        return; // the shopper's currency was quoted again: they see the new amount, then pay
      }
      PaymentResult result =
          attempt.apply(
              // back in the language the shopper chose, which the challenge speaks too
              Faces.getRequestContextPath() + "/pay/" + sessionId + "?lang=" + getLanguageTag());
      grantedConsents = null;
      paymentId = result.paymentId();
      startedHere(paymentId);
      if (result.status() == PaymentStatus.REQUIRES_ACTION && result.action().isPresent()) {
        String action = result.action().get();
        redirect(
            action.startsWith("/")
                ? withParameter(Faces.getRequestContextPath() + action, "lang", getLanguageTag())
                : action);
        return;
      }
      if (result.status() == PaymentStatus.CAPTURED
          || result.status() == PaymentStatus.AUTHORIZED) {
        step = Step.SUCCEEDED;
        CheckoutSession session = sessions.find(sessionId).orElseThrow();
        successRedirect = withSessionId(session.successUrl(), sessionId);
      } else if (result.status() == PaymentStatus.PROCESSING) {
        step = Step.PROCESSING;
      } else if (kycDecline(result).isPresent()) {
        // The gate found more (a screening hit): the identity first, then the card again.
        askForKyc(
            kycDecline(result).get(),
            payerSubject(sessions.find(sessionId).orElseThrow()).orElse(null));
        Messages.addGlobalInfo(text("kyc.needed"));
      } else {
        declineMessage =
            text("decline." + result.decline().map(d -> d.code()).orElse("generic_decline"));
        Messages.addGlobalError(declineMessage);
      }
    } catch (SessionNotPayableException e) {
      step = stepFor(e);
    } catch (NotFoundException e) {
      step = Step.NOT_FOUND;
    } catch (org.kassa.payment.money.fx.QuoteExpiredException e) {
      presentment.quoteExpired(); // its lock ended meanwhile: never applied, quoted again
    } finally {
      cardNumber = null; // never kept in the view state longer than the request
      cvc = null;
    }
  }

  /**
   * Pays with a wallet: the payer's name (for the compliance gate) and email, then the wallet's own
   * step: its page for a redirect wallet, the QR code for a QR wallet.
   */
  private void payWithWallet(org.kassa.payment.gateway.PaymentMethodType type) {
    String name = payerNames.get(type.apiName());
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      Messages.addGlobalError(text("wallet.name.required"));
      return;
    }
    declineMessage = null;
    CheckoutSession current = sessions.find(sessionId).orElse(null);
    if (current != null && askForKycIfNeeded(current)) {
      Messages.addGlobalInfo(text("kyc.needed"));
      return;
    }
    try {
      receipts.rememberLanguage(sessionId, locale); // the receipt speaks the page's language
      PaymentResult result =
          confirmation.confirmWallet(
              sessionId,
              type,
              new Payer(name.strip(), email),
              clientIp(),
              Faces.getRequestContextPath() + "/pay/" + sessionId + "?lang=" + getLanguageTag(),
              consentChoices());
      grantedConsents = null;
      paymentId = result.paymentId();
      startedHere(paymentId);
      showWalletResult(result);
    } catch (SessionNotPayableException e) {
      step = stepFor(e);
    } catch (NotFoundException e) {
      step = Step.NOT_FOUND;
    } catch (org.kassa.payment.InvalidRequestException e) {
      Messages.addGlobalError(text("method.unavailable"));
    }
  }

  /** The step that says why the session cannot be paid now. */
  private static Step stepFor(SessionNotPayableException e) {
    return switch (e.reason()) {
      case ALREADY_PAID -> Step.ALREADY_PAID;
      case EXPIRED -> Step.EXPIRED;
      case IN_PROGRESS -> Step.PROCESSING;
    };
  }

  /**
   * Pays by SEPA credit transfer: the payer's name (for the compliance gate), the IBAN they pay
   * from if they gave one (checked by the field's validator), then the transfer's details on their
   * own page, where the payment waits for the bank.
   */
  private void payByBankTransfer() {
    String type = org.kassa.payment.gateway.PaymentMethodType.SEPA_CREDIT_TRANSFER.apiName();
    String name = payerNames.get(type);
    if (name == null || name.isBlank()) {
      Messages.addGlobalError(text("wallet.name.required"));
      return;
    }
    declineMessage = null;
    CheckoutSession current = sessions.find(sessionId).orElse(null);
    if (current != null && askForKycIfNeeded(current)) {
      Messages.addGlobalInfo(text("kyc.needed"));
      return;
    }
    try {
      PaymentResult result =
          bankTransfers.confirm(
              sessionId, new Payer(name.strip(), email), payerIban, clientIp(), consentChoices());
      grantedConsents = null;
      paymentId = result.paymentId();
      showWalletResult(result);
    } catch (SessionNotPayableException e) {
      step = stepFor(e);
    } catch (NotFoundException e) {
      step = Step.NOT_FOUND;
    } catch (org.kassa.payment.InvalidRequestException e) {
      Messages.addGlobalError(
          text(
              e.fieldErrors().containsKey("payer_iban")
                  ? "sepa.iban.invalid"
                  : "method.unavailable"));
    }
  }

  /**
   * Shows where a wallet payment stands: its next step, the result, or why it did not go through.
   */
  private void showWalletResult(PaymentResult result) {
    if (result.status() == PaymentStatus.REQUIRES_ACTION && showQrCode(result)) {
      return;
    }
    if (result.status() == PaymentStatus.REQUIRES_ACTION && result.action().isPresent()) {
      String action = result.action().get();
      redirect(
          action.startsWith("/")
              ? withParameter(Faces.getRequestContextPath() + action, "lang", getLanguageTag())
              : action);
    } else if (result.status() == PaymentStatus.CAPTURED
        || result.status() == PaymentStatus.AUTHORIZED) {
      step = Step.SUCCEEDED;
      successRedirect =
          withSessionId(sessions.find(sessionId).orElseThrow().successUrl(), sessionId);
    } else if (result.status().isPending()) {
      step = Step.PROCESSING;
    } else if (kycDecline(result).isPresent()) {
      askForKyc(
          kycDecline(result).get(),
          payerSubject(sessions.find(sessionId).orElseThrow()).orElse(null));
      Messages.addGlobalInfo(text("kyc.needed"));
    } else {
      declineMessage =
          result.status() == PaymentStatus.CANCELED
              ? text("method.canceled")
              : text("decline." + result.decline().map(d -> d.code()).orElse("generic_decline"));
      Messages.addGlobalError(declineMessage);
    }
  }

  /**
   * Shows the QR step of a QR-code wallet's payment: the code for what the gateway asks the
   * shopper's wallet to open, and the countdown to the code's end.
   *
   * @return whether the payment is a QR-code wallet's (else nothing changes)
   */
  private boolean showQrCode(PaymentResult result) {
    org.kassa.payment.payment.Payment payment = payments.find(result.paymentId()).orElse(null);
    if (payment == null
        || !org.kassa.payment.payment.QrCodes.isQr(payment.method())
        || result.action().isEmpty()) {
      return false;
    }
    String action = result.action().get();
    qrLink =
        action.startsWith("/")
            ? withParameter(
                Faces.getRequestDomainURL() + Faces.getRequestContextPath() + action,
                "lang",
                getLanguageTag())
            : action;
    qrWallet = text("method.name." + payment.method().apiName());
    qrSvg =
        QrCodeSvg.of(
            qrLink,
            new java.text.MessageFormat(text("qr.image"), locale)
                .format(new Object[] {order.merchantTotal(), qrWallet}));
    qrExpiresAt = qrCodes.expiresAt(payment);
    method = payment.method().apiName();
    step = Step.QR_CODE;
    return true;
  }

  /** The payments this browser started, kept in its HTTP session: its own result, not another's. */
  private static final String STARTED_HERE = PayPage.class.getName() + ".startedHere";

  private static void startedHere(String id) {
    java.util.Map<String, Object> browserSession = Faces.getSessionMap();
    @SuppressWarnings("unchecked")
    java.util.Set<String> started = (java.util.Set<String>) browserSession.get(STARTED_HERE);
    java.util.Set<String> updated =
        started == null ? new java.util.HashSet<>() : new java.util.HashSet<>(started);
    updated.add(id);
    browserSession.put(STARTED_HERE, updated); // put again, so that a replicated session sees it
  }

  private boolean wasStartedHere(String id) {
    Object started = Faces.getSessionMap().get(STARTED_HERE);
    return started instanceof java.util.Set<?> ids && ids.contains(id);
  }

  /** The card form's field a {@link CardDetails} problem (a message key) is about. */
  private static String cardField(String problem) {
    if (problem.startsWith("card.holder")) {
      return "cardholder";
    }
    if (problem.startsWith("card.number")) {
      return "cardnumber";
    }
    return problem.startsWith("card.cvc") ? "cvc" : "expmonth";
  }

  private static Optional<KycTier> kycDecline(PaymentResult result) {
    return result
        .decline()
        .flatMap(
            d ->
                switch (d) {
                  case KYC_REQUIRED_BASIC -> Optional.of(KycTier.BASIC);
                  case KYC_REQUIRED_FULL -> Optional.of(KycTier.FULL);
                  default -> Optional.empty();
                });
  }

  /** The terms shown (accepted by paying) and the optional boxes ticked, as shown. */
  public java.util.List<org.kassa.compliance.consent.ConsentChoice> consentChoices() {
    return consentOffers.stream()
        .filter(o -> o.required() || Boolean.TRUE.equals(consentTicked.get(o.purpose())))
        .map(org.kassa.compliance.consent.ConsentOffer::choice)
        .toList();
  }

  /** Withdraws a consent given with this payment: one click, as granting was. */
  public void withdraw(String purpose) {
    Optional<String> subject = payerSubject();
    if (subject.isPresent()
        && consents.withdraw(subject.get(), purpose, "hosted_page").isPresent()) {
      Messages.addGlobalInfo(text("consent.withdrawn"));
    }
    grantedConsents = null;
  }

  public java.util.List<org.kassa.compliance.consent.ConsentOffer> getConsentOffers() {
    return consentOffers;
  }

  public java.util.Map<String, Boolean> getConsentTicked() {
    return consentTicked;
  }

  /** The optional purposes the payer has granted (from the ledger), in the page's wording. */
  public java.util.List<org.kassa.compliance.consent.ConsentOffer> getGrantedConsents() {
    if (grantedConsents == null) {
      Optional<String> subject = payerSubject();
      grantedConsents =
          subject.isEmpty()
              ? java.util.List.of()
              : consentOffers.stream()
                  .filter(o -> !o.required() && consents.granted(subject.get(), o.purpose()))
                  .toList();
    }
    return grantedConsents;
  }

  private Optional<String> payerSubject() {
    return paymentId == null
        ? Optional.empty()
        : payments.find(paymentId).flatMap(org.kassa.payment.payment.Payment::subjectRef);
  }

  /**
   * The shopper's address as the container sees it, for the gate's velocity rules (only a keyed
   * pseudonym of it is stored). Not a forwarded-for header, which a shopper could forge to slip
   * past them; behind a proxy, the server is configured to trust the proxy's header instead.
   */
  static String clientIp() {
    return ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getRemoteAddr();
  }

  private static void redirect(String url) {
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect(url);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String withSessionId(String url, String sessionId) {
    return withParameter(url, "session_id", sessionId);
  }

  private static String withParameter(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  private String text(String key) {
    return ResourceBundle.getBundle("org.kassa.web.i18n.messages", locale).getString(key);
  }

  private Instant now() {
    return clock().instant();
  }

  private Clock clock() {
    if (clock == null) {
      clock = Clock.systemUTC();
    }
    return clock;
  }

  /** The brand of the number typed so far, for the label next to the field. */
  public String getBrand() {
    String digits = cardNumber == null ? "" : cardNumber.replaceAll("\\D", "");
    CardBrand brand = CardBrand.detect(digits);
    return brand == CardBrand.UNKNOWN ? "" : brand.displayName();
  }

  public List<Integer> getMonths() {
    return IntStream.rangeClosed(1, 12).boxed().toList();
  }

  public List<Integer> getYears() {
    int year = YearMonth.now(ZoneOffset.UTC).getYear();
    return IntStream.rangeClosed(year, year + 15).boxed().toList();
  }

  public List<Locale> getLocales() {
    return SupportedLocales.ALL;
  }

  public String languageName(Locale l) {
    return SupportedLocales.nativeName(l);
  }

  public Step getStep() {
    return step;
  }

  /** What the QR code encodes: the wallet's page for this payment. */
  public String getQrLink() {
    return qrLink;
  }

  /** The QR code as SVG markup, drawn by Kassa (safe to insert unescaped). */
  public String getQrSvg() {
    return qrSvg;
  }

  /** The QR wallet's name in the page's language. */
  public String getQrWallet() {
    return qrWallet;
  }

  /** Whole seconds until the QR code ends, from now; 0 once it has. */
  public long getQrSecondsLeft() {
    return qrExpiresAt == null
        ? 0
        : Math.max(0, java.time.Duration.between(now(), qrExpiresAt).getSeconds());
  }

  /** The time left, as the countdown starts, in the page's digits: {@code 4:59}. */
  public String getQrTimeLeft() {
    long seconds = getQrSecondsLeft();
    java.text.DecimalFormatSymbols digits = java.text.DecimalFormatSymbols.getInstance(locale);
    return new java.text.DecimalFormat("0", digits).format(seconds / 60)
        + ":"
        + new java.text.DecimalFormat("00", digits).format(seconds % 60);
  }

  /** Where the QR step asks whether the payment is settled. */
  public String getQrStatusUrl() {
    return Faces.getRequestContextPath() + "/pay-status/" + sessionId;
  }

  /** The methods the page shows, in the session's order, named in the page's language. */
  public List<MethodChoice> getMethods() {
    return methodChoices;
  }

  /** Whether the shopper chooses among methods (more than one is shown). */
  public boolean isMethodChoice() {
    return methodChoices.size() > 1;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  /**
   * Whether the card's fields must be filled: when the card is what this request pays with (the
   * picker's choice as posted, or no picker at all). Read while validating, before the choice
   * reaches {@link #setMethod}.
   */
  public boolean isCardRequired() {
    String posted = Faces.getRequestParameter("method");
    return posted == null || posted.equals("card");
  }

  /** The payer's name typed in each wallet's fragment, by the method's API name. */
  public java.util.Map<String, String> getPayerNames() {
    return payerNames;
  }

  /** Whether the page shows one of the KYC steps. */
  public boolean isKycStep() {
    return step == Step.KYC || step == Step.KYC_PENDING || step == Step.KYC_REJECTED;
  }

  /** Whether this payment asked for the shopper's identity (the progress shows the step). */
  public boolean isKycAsked() {
    return kycTier != KycTier.NONE;
  }

  /** Whether the KYC step asks for an identity document too. */
  public boolean isKycFull() {
    return kycTier == KycTier.FULL;
  }

  public String getKycTier() {
    return kycTier.apiName();
  }

  public KycForm getKyc() {
    return kycForm;
  }

  /** The KYC form's errors: field to message, in the page's language. */
  public java.util.Map<String, String> getKycErrors() {
    java.util.Map<String, String> shown = new java.util.HashMap<>();
    kycErrors.forEach((field, key) -> shown.put(field, text(key)));
    return shown;
  }

  public List<Country> getCountries() {
    return countries;
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  /** The page's writing direction: {@code rtl} for Arabic, so the whole page mirrors. */
  public String getDirection() {
    return SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
  }

  public OrderView getOrder() {
    return order;
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getPaymentId() {
    return paymentId;
  }

  public String getSuccessRedirect() {
    return successRedirect;
  }

  public String getDeclineMessage() {
    return declineMessage;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPayerIban() {
    return payerIban;
  }

  public void setPayerIban(String payerIban) {
    this.payerIban = payerIban;
  }

  /** The pending bank transfer's page, or null. */
  public String getTransferUrl() {
    return transferUrl;
  }

  public String getCardholder() {
    return cardholder;
  }

  public void setCardholder(String cardholder) {
    this.cardholder = cardholder;
  }

  public String getCardNumber() {
    return cardNumber;
  }

  public void setCardNumber(String cardNumber) {
    this.cardNumber = cardNumber;
  }

  public Integer getExpMonth() {
    return expMonth;
  }

  public void setExpMonth(Integer expMonth) {
    this.expMonth = expMonth;
  }

  public Integer getExpYear() {
    return expYear;
  }

  public void setExpYear(Integer expYear) {
    this.expYear = expYear;
  }

  public String getCvc() {
    return cvc;
  }

  public void setCvc(String cvc) {
    this.cvc = cvc;
  }
}
